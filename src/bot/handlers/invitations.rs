//! Inviting and answering invitations: from commands, from the invitation DM, and from the
//! /invitations list (which is shown again after each action, with what happened on top).

use super::{Cx, connected_text, notify, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::response::{Button, ButtonStyle, Outgoing, Reply, ReplyKind, Response};
use crate::bot::text::{inert, label_name, mention, name_of, relative_time, shorten};
use crate::network::{GuildId, InvitationSide, InviteOutcome, MemberId, NetworkError, PageRequest};

/// Invitations shown per page: one row of buttons each, plus a row to move between pages.
const PER_PAGE: u32 = 4;
/// How much of a note the list shows.
const NOTE_PREVIEW_CHARS: usize = 200;

/// The label of the report button, on the DM and in the list.
pub(crate) const DONT_KNOW: &str = "button-dont-know";

pub(super) async fn invite(
    cx: Cx<'_>,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    note: Option<&str>,
    kind: ReplyKind,
) -> Response {
    match cx.network.invite(guild, from, to, note).await {
        Ok(InviteOutcome::Sent { notification }) => Response {
            reply: Reply::new(cx.format("invite-sent", &[("member", mention(to).into())]))
                .with_kind(kind),
            notifications: notify(
                notification,
                Some(cx.format("invite-dms-closed", &[("member", mention(to).into())])),
            ),
        },
        Ok(InviteOutcome::Connected(connection)) => Response {
            reply: Reply::new(connected_text(cx, &connection, &mention(to))).with_kind(kind),
            notifications: notify(connection.notification, None),
        },
        Err(error) => Response::only(refusal(cx, error, kind)),
    }
}

/// `/connect`: accept the member's invitation, or offer to invite them.
pub(super) async fn connect(
    cx: Cx<'_>,
    guild: GuildId,
    member: MemberId,
    inviter: MemberId,
) -> Response {
    match cx.network.accept(guild, member, inviter).await {
        Ok(connection) => Response {
            reply: Reply::new(connected_text(cx, &connection, &mention(inviter))),
            notifications: notify(connection.notification, None),
        },
        Err(NetworkError::NoInvitationReceived) => Response::only(
            Reply::new(cx.format(
                "connect-no-invitation",
                &[("member", mention(inviter).into())],
            ))
            .with_button(Button::new(
                cx.text("button-send-invitation"),
                ButtonStyle::Primary,
                ComponentAction::Invite {
                    guild,
                    from: member,
                    to: inviter,
                },
            )),
        ),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
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
    cx: Cx<'_>,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
    name: &str,
) -> Answered {
    let result = match how {
        Answer::Accept => cx
            .network
            .accept(guild, invitee, inviter)
            .await
            .map(|connection| {
                (
                    connected_text(cx, &connection, name),
                    notify(connection.notification, None),
                )
            }),
        Answer::Ignore => cx
            .network
            .ignore(guild, invitee, inviter)
            .await
            .map(|()| (cx.format("ignored", &[("member", name.into())]), Vec::new())),
        Answer::Report => cx.network.report(guild, invitee, inviter).await.map(|()| {
            (
                cx.format("reported", &[("member", name.into())]),
                Vec::new(),
            )
        }),
    };
    match result {
        Ok((text, notifications)) => Answered::Done(text, notifications),
        Err(NetworkError::NoInvitationReceived) => Answered::Stale(cx.text("invitation-gone")),
        Err(NetworkError::AlreadyConnected) => {
            Answered::Stale(cx.format("already-connected-with", &[("member", name.into())]))
        }
        Err(error) => Answered::Refused(error),
    }
}

/// An answer from the invitation DM: the DM is updated in place (the inviter is named, as
/// mentions may not resolve in DMs). A refusal leaves the DM and its buttons as they are.
pub(super) async fn answer_from_dm(
    cx: Cx<'_>,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
) -> Response {
    let name = name_of(cx.network, guild, inviter).await;
    match answer(cx, guild, invitee, inviter, how, &name).await {
        Answered::Done(text, notifications) => Response {
            reply: Reply::update(text),
            notifications,
        },
        Answered::Stale(text) => Response::only(Reply::update(text)),
        Answered::Refused(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

/// An answer from the /invitations list, which is shown again with what happened on top.
pub(super) async fn answer_from_list(
    cx: Cx<'_>,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    how: Answer,
    offset: u32,
) -> Response {
    let (status, notifications) =
        match answer(cx, guild, invitee, inviter, how, &mention(inviter)).await {
            Answered::Done(text, notifications) => (text, notifications),
            Answered::Stale(text) => (text, Vec::new()),
            Answered::Refused(error) => (
                refusal(cx, error, ReplyKind::UpdateClicked).text,
                Vec::new(),
            ),
        };
    let mut response = list(
        cx,
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

pub(super) async fn withdraw_from_list(
    cx: Cx<'_>,
    guild: GuildId,
    inviter: MemberId,
    invitee: MemberId,
    offset: u32,
) -> Response {
    let status = match cx.network.withdraw(guild, inviter, invitee).await {
        Ok(withdrawn) => cx.format(
            "withdrew",
            &[
                ("member", mention(invitee).into()),
                ("when", relative_time(withdrawn.can_invite_again_at).into()),
            ],
        ),
        Err(error) => refusal(cx, error, ReplyKind::UpdateClicked).text,
    };
    list(
        cx,
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
    cx: Cx<'_>,
    guild: GuildId,
    owner: MemberId,
    side: InvitationSide,
    offset: u32,
    status: Option<String>,
    kind: ReplyKind,
) -> Response {
    let counts = match cx.network.counts(guild, owner).await {
        Ok(counts) => counts,
        Err(error) => return Response::only(refusal(cx, error, kind)),
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
    let page = match cx
        .network
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
        Err(error) => return Response::only(refusal(cx, error, kind)),
    };

    let mut text = status.map(|s| format!("{s}\n\n")).unwrap_or_default();
    let mut reply = Reply::new(String::new()).with_kind(kind);
    match side {
        InvitationSide::Received if page.items.is_empty() => {
            text.push_str(&cx.text("invitations-received-none"))
        }
        InvitationSide::Sent if page.items.is_empty() => {
            text.push_str(&cx.text("invitations-sent-none"))
        }
        InvitationSide::Received => {
            text.push_str(&cx.format("invitations-received-heading", &[("total", total.into())]))
        }
        InvitationSide::Sent => {
            text.push_str(&cx.format("invitations-sent-heading", &[("total", total.into())]))
        }
    }
    for (n, invitation) in page.items.iter().enumerate() {
        let other = match side {
            InvitationSide::Received => invitation.inviter,
            InvitationSide::Sent => invitation.invitee,
        };
        text.push('\n');
        text.push_str(&cx.format(
            "invitation-line",
            &[
                ("n", (offset as usize + n + 1).into()),
                ("member", mention(other).into()),
                ("when", relative_time(invitation.sent_at).into()),
            ],
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
        let name = label_name(cx.language, invitation.other_names.as_ref(), other);
        let (inviter, invitee) = (invitation.inviter, invitation.invitee);
        reply = match side {
            InvitationSide::Received => reply.with_row(crate::bot::response::Row::Buttons(vec![
                Button::new(
                    cx.format("button-accept-name", &[("name", name.clone().into())]),
                    ButtonStyle::Success,
                    ComponentAction::ListAccept {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                ),
                Button::new(
                    cx.text("button-ignore"),
                    ButtonStyle::Secondary,
                    ComponentAction::ListIgnore {
                        guild,
                        inviter,
                        invitee,
                        offset,
                    },
                ),
                Button::new(
                    cx.text(DONT_KNOW),
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
                    cx.format("button-withdraw-name", &[("name", name.clone().into())]),
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
            cx.format(
                "button-show-sent",
                &[("count", counts.invitations_sent.into())],
            ),
        ),
        InvitationSide::Sent => (
            InvitationSide::Received,
            cx.format(
                "button-show-received",
                &[("count", counts.invitations_received.into())],
            ),
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
        page_button(
            &cx.text("button-previous"),
            offset.saturating_sub(PER_PAGE),
            offset == 0,
        ),
        page_button(&cx.text("button-next"), offset + PER_PAGE, !page.has_more),
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
