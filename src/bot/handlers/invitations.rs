//! Inviting and answering invitations: from commands, from the invitation DM, and from the
//! /invitations list (which is shown again after each action, with what happened on top).

use super::{connected_text, notify, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::response::{Button, ButtonStyle, Outgoing, Reply, ReplyKind, Response};
use crate::bot::text::{inert, label_name, mention, name_of, relative_time, shorten};
use crate::network::{
    GuildId, InvitationSide, InviteOutcome, MemberId, Network, NetworkError, PageRequest,
};

/// Invitations shown per page: one row of buttons each, plus a row to move between pages.
const PER_PAGE: u32 = 4;
/// How much of a note the list shows.
const NOTE_PREVIEW_CHARS: usize = 200;

const NO_LONGER_AVAILABLE: &str = "This invitation is no longer available.";

/// The label of the report button, on the DM and in the list.
pub(crate) const DONT_KNOW: &str = "I don't know this person";

pub(super) async fn invite(
    network: &Network,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    note: Option<&str>,
    kind: ReplyKind,
) -> Response {
    match network.invite(guild, from, to, note).await {
        Ok(InviteOutcome::Sent { notification }) => Response {
            reply: Reply::new(format!("Invitation sent to {}.", mention(to))).with_kind(kind),
            notifications: notify(
                notification,
                Some(format!(
                    "{} doesn't accept direct messages, so they weren't notified. \
                     They'll find your invitation among their pending invitations.",
                    mention(to)
                )),
            ),
        },
        Ok(InviteOutcome::Connected(connection)) => Response {
            reply: Reply::new(connected_text(&connection, &mention(to))).with_kind(kind),
            notifications: notify(connection.notification, None),
        },
        Err(error) => Response::only(refusal(error, kind)),
    }
}

/// `/connect`: accept the member's invitation, or offer to invite them.
pub(super) async fn connect(
    network: &Network,
    guild: GuildId,
    member: MemberId,
    inviter: MemberId,
) -> Response {
    match network.accept(guild, member, inviter).await {
        Ok(connection) => Response {
            reply: Reply::new(connected_text(&connection, &mention(inviter))),
            notifications: notify(connection.notification, None),
        },
        Err(NetworkError::NoInvitationReceived) => Response::only(
            Reply::new(format!(
                "{} hasn't invited you to connect. Would you like to send them an invitation?",
                mention(inviter)
            ))
            .with_button(Button::new(
                "Send invitation",
                ButtonStyle::Primary,
                ComponentAction::Invite {
                    guild,
                    from: member,
                    to: inviter,
                },
            )),
        ),
        Err(error) => Response::only(refusal(error, ReplyKind::New)),
    }
}

/// How an invitee answers an invitation, from the DM or from the /invitations list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Answer {
    Accept,
    Ignore,
    /// "I don't know this person": ignore, block, report.
    Report,
}

/// What an answer came to, before it is shown in one place or the other.
enum Answered {
    /// Done: what to say, and whom to tell (an acceptance is news; ignoring and reporting
    /// never are).
    Done(String, Vec<Outgoing>),
    /// The invitation is gone or already answered: nothing left to do.
    Stale(String),
    /// Refused (a cap) or failed: the invitation stands.
    Refused(NetworkError),
}

async fn answer(
    network: &Network,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
    name: &str,
) -> Answered {
    let result = match how {
        Answer::Accept => network
            .accept(guild, invitee, inviter)
            .await
            .map(|connection| {
                (
                    connected_text(&connection, name),
                    notify(connection.notification, None),
                )
            }),
        Answer::Ignore => network.ignore(guild, invitee, inviter).await.map(|()| {
            (
                format!("You ignored the invitation from {name}. They won't be told."),
                Vec::new(),
            )
        }),
        Answer::Report => network
            .report(guild, invitee, inviter)
            .await
            .map(|()| (reported_text(name), Vec::new())),
    };
    match result {
        Ok((text, notifications)) => Answered::Done(text, notifications),
        Err(NetworkError::NoInvitationReceived) => Answered::Stale(NO_LONGER_AVAILABLE.to_owned()),
        Err(NetworkError::AlreadyConnected) => {
            Answered::Stale(format!("You're already connected with {name}."))
        }
        Err(error) => Answered::Refused(error),
    }
}

/// An answer from the invitation DM: the DM is updated in place (the inviter is named, as
/// mentions may not resolve in DMs). A refusal leaves the DM and its buttons as they are.
pub(super) async fn answer_from_dm(
    network: &Network,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
) -> Response {
    let name = name_of(network, guild, inviter).await;
    match answer(network, guild, invitee, inviter, how, &name).await {
        Answered::Done(text, notifications) => Response {
            reply: Reply::update(text),
            notifications,
        },
        Answered::Stale(text) => Response::only(Reply::update(text)),
        Answered::Refused(error) => Response::only(refusal(error, ReplyKind::New)),
    }
}

/// An answer from the /invitations list, which is shown again with what happened on top.
pub(super) async fn answer_from_list(
    network: &Network,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
    offset: u32,
) -> Response {
    let (status, notifications) =
        match answer(network, guild, invitee, inviter, how, &mention(inviter)).await {
            Answered::Done(text, notifications) => (text, notifications),
            Answered::Stale(text) => (text, Vec::new()),
            Answered::Refused(error) => (refusal(error, ReplyKind::UpdateClicked).text, Vec::new()),
        };
    let mut response = list(
        network,
        guild,
        invitee,
        InvitationSide::Received,
        offset,
        Some(status),
        ReplyKind::UpdateClicked,
    )
    .await;
    response.notifications = notifications;
    response
}

fn reported_text(name: &str) -> String {
    format!(
        "You ignored the invitation from {name}, and they can't invite you again. \
         They won't be told. Thanks for the report: it helps moderators stop spam."
    )
}

pub(super) async fn withdraw_from_list(
    network: &Network,
    guild: GuildId,
    inviter: MemberId,
    invitee: MemberId,
    offset: u32,
) -> Response {
    let status = match network.withdraw(guild, inviter, invitee).await {
        Ok(withdrawn) => format!(
            "Withdrew your invitation to {}. You can invite them again {}.",
            mention(invitee),
            relative_time(withdrawn.can_invite_again_at)
        ),
        Err(error) => refusal(error, ReplyKind::UpdateClicked).text,
    };
    list(
        network,
        guild,
        inviter,
        InvitationSide::Sent,
        offset,
        Some(status),
        ReplyKind::UpdateClicked,
    )
    .await
}

/// A page of the member's received or sent invitations, each with its buttons.
pub(super) async fn list(
    network: &Network,
    guild: GuildId,
    owner: MemberId,
    side: InvitationSide,
    offset: u32,
    status: Option<String>,
    kind: ReplyKind,
) -> Response {
    let counts = match network.counts(guild, owner).await {
        Ok(counts) => counts,
        Err(error) => return Response::only(refusal(error, kind)),
    };
    let total = match side {
        InvitationSide::Received => counts.invitations_received,
        InvitationSide::Sent => counts.invitations_sent,
    };
    // After the last one on a page was answered, show the page before it.
    let offset = if offset >= total {
        total.saturating_sub(1) / PER_PAGE * PER_PAGE
    } else {
        offset
    };
    let page = match network
        .invitations(
            guild,
            owner,
            side,
            PageRequest {
                offset,
                limit: PER_PAGE,
            },
        )
        .await
    {
        Ok(page) => page,
        Err(error) => return Response::only(refusal(error, kind)),
    };

    let mut text = status.map(|s| format!("{s}\n\n")).unwrap_or_default();
    let mut reply = Reply::new(String::new()).with_kind(kind);
    match side {
        InvitationSide::Received if page.items.is_empty() => {
            text.push_str("**Invitations for you**\nNo invitations waiting.")
        }
        InvitationSide::Sent if page.items.is_empty() => {
            text.push_str("**Invitations you sent**\nNone pending.")
        }
        InvitationSide::Received => {
            text.push_str(&format!("**Invitations for you** ({total} waiting)"))
        }
        InvitationSide::Sent => {
            text.push_str(&format!("**Invitations you sent** ({total} pending)"))
        }
    }
    for (n, invitation) in page.items.iter().enumerate() {
        let other = match side {
            InvitationSide::Received => invitation.inviter,
            InvitationSide::Sent => invitation.invitee,
        };
        text.push_str(&format!(
            "\n**{}.** {} · sent {}",
            offset as usize + n + 1,
            mention(other),
            relative_time(invitation.sent_at)
        ));
        if let Some(note) = &invitation.note {
            text.push_str(&format!(
                "\n> {}",
                inert(&shorten(
                    &note.as_str().replace('\n', " "),
                    NOTE_PREVIEW_CHARS
                ))
            ));
        }
        let name = label_name(invitation.other_names.as_ref(), other);
        let (inviter, invitee) = (invitation.inviter, invitation.invitee);
        reply = match side {
            InvitationSide::Received => reply.with_row(crate::bot::response::Row::Buttons(vec![
                Button::new(
                    format!("Accept {name}"),
                    ButtonStyle::Success,
                    ComponentAction::ListAccept {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                ),
                Button::new(
                    "Ignore",
                    ButtonStyle::Secondary,
                    ComponentAction::ListIgnore {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                ),
                Button::new(
                    DONT_KNOW,
                    ButtonStyle::Danger,
                    ComponentAction::ListReport {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                ),
            ])),
            InvitationSide::Sent => {
                reply.with_row(crate::bot::response::Row::Buttons(vec![Button::new(
                    format!("Withdraw invitation to {name}"),
                    ButtonStyle::Secondary,
                    ComponentAction::ListWithdraw {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                )]))
            }
        };
    }
    let (other_side, other_label) = match side {
        InvitationSide::Received => (
            InvitationSide::Sent,
            format!("Show sent ({})", counts.invitations_sent),
        ),
        InvitationSide::Sent => (
            InvitationSide::Received,
            format!("Show received ({})", counts.invitations_received),
        ),
    };
    let page_button = |label: &str, offset: u32, disabled: bool| {
        Button::new(
            label,
            ButtonStyle::Secondary,
            ComponentAction::InvitationsPage {
                guild,
                owner,
                side,
                offset,
            },
        )
        .disabled(disabled)
    };
    reply = reply.with_row(crate::bot::response::Row::Buttons(vec![
        page_button("◀ Previous", offset.saturating_sub(PER_PAGE), offset == 0),
        page_button("Next ▶", offset + PER_PAGE, !page.has_more),
        Button::new(
            other_label,
            ButtonStyle::Primary,
            ComponentAction::InvitationsPage {
                guild,
                owner,
                side: other_side,
                offset: 0,
            },
        ),
    ]));
    reply.text = text;
    Response::only(reply)
}
