//! Requests in, responses out: what should happen, decided against the network and returned as
//! a value. Nothing here talks to Discord; `deliver` does that with the result.

use super::custom_id::ButtonAction;
use super::request::Request;
use super::response::{Button, ButtonStyle, Outgoing, Reply, ReplyKind, Response};
use super::text::{mention, name_of};
use crate::network::{
    Connection, GuildId, InviteOutcome, MemberId, Network, NetworkError, Notification,
};

pub async fn handle(network: &Network, request: Request) -> Response {
    match request {
        Request::Invite {
            actor,
            target,
            note,
        } => {
            invite(
                network,
                actor.guild,
                actor.member,
                target.member,
                note.as_deref(),
                ReplyKind::New,
            )
            .await
        }
        Request::Connect { actor, target } => {
            connect(network, actor.guild, actor.member, target.member).await
        }
        Request::Disconnect { actor, target } => {
            confirm_disconnect(network, actor.guild, actor.member, target.member).await
        }
        Request::Button(action) => button(network, action).await,
    }
}

async fn button(network: &Network, action: ButtonAction) -> Response {
    match action {
        ButtonAction::Accept {
            guild,
            inviter,
            invitee,
        } => {
            let name = name_of(network, guild, inviter).await;
            match network.accept(guild, invitee, inviter).await {
                Ok(connection) => Response {
                    reply: Reply::update(connected_text(&connection, &name)),
                    notifications: notify(connection.notification, None),
                },
                Err(NetworkError::NoInvitationReceived) => {
                    Response::only(Reply::update(NO_LONGER_AVAILABLE))
                }
                Err(NetworkError::AlreadyConnected) => Response::only(Reply::update(format!(
                    "You're already connected with {name}."
                ))),
                Err(other) => Response::only(refusal(other, ReplyKind::New)),
            }
        }
        ButtonAction::Ignore {
            guild,
            inviter,
            invitee,
        } => {
            let name = name_of(network, guild, inviter).await;
            match network.ignore(guild, invitee, inviter).await {
                Ok(()) => Response::only(Reply::update(format!(
                    "You ignored the invitation from {name}. They won't be told."
                ))),
                Err(NetworkError::NoInvitationReceived) => {
                    Response::only(Reply::update(NO_LONGER_AVAILABLE))
                }
                Err(other) => Response::only(refusal(other, ReplyKind::New)),
            }
        }
        ButtonAction::Invite { guild, from, to } => {
            invite(network, guild, from, to, None, ReplyKind::UpdateClicked).await
        }
        ButtonAction::ConfirmRemove {
            guild,
            remover,
            removed,
        } => {
            // Silent by design: the response carries no notification, whatever happens.
            let reply = match network.disconnect(guild, remover, removed).await {
                Ok(_) => Reply::update(format!(
                    "Removed {} from your connections. They won't be notified.",
                    mention(removed)
                )),
                Err(NetworkError::NotConnected) => Reply::update(format!(
                    "You're no longer connected with {}.",
                    mention(removed)
                )),
                Err(other) => refusal(other, ReplyKind::UpdateClicked),
            };
            Response::only(reply)
        }
        ButtonAction::CancelRemove { removed, .. } => Response::only(Reply::update(format!(
            "Okay, {} stays in your connections.",
            mention(removed)
        ))),
    }
}

const NO_LONGER_AVAILABLE: &str = "This invitation is no longer available.";

async fn invite(
    network: &Network,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    note: Option<&str>,
    kind: ReplyKind,
) -> Response {
    let reply = |text: String| Reply {
        kind,
        text,
        buttons: Vec::new(),
    };
    match network.invite(guild, from, to, note).await {
        Ok(InviteOutcome::Sent { notification }) => Response {
            reply: reply(format!("Invitation sent to {}.", mention(to))),
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
            reply: reply(connected_text(&connection, &mention(to))),
            notifications: notify(connection.notification, None),
        },
        Err(error) => Response::only(refusal(error, kind)),
    }
}

async fn connect(
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
            .with_button(Button {
                label: "Send invitation",
                style: ButtonStyle::Primary,
                action: ButtonAction::Invite {
                    guild,
                    from: member,
                    to: inviter,
                },
            }),
        ),
        Err(error) => Response::only(refusal(error, ReplyKind::New)),
    }
}

/// The first step of removing a connection: a confirmation that names the one person.
async fn confirm_disconnect(
    network: &Network,
    guild: GuildId,
    remover: MemberId,
    removed: MemberId,
) -> Response {
    if remover == removed {
        return Response::only(refusal(NetworkError::SelfTarget, ReplyKind::New));
    }
    match network.is_connected(guild, remover, removed).await {
        Ok(true) => Response::only(
            Reply::new(format!(
                "Remove {} from your connections? They won't be notified. \
                 You can re-invite them later.",
                mention(removed)
            ))
            .with_button(Button {
                label: "Remove connection",
                style: ButtonStyle::Danger,
                action: ButtonAction::ConfirmRemove {
                    guild,
                    remover,
                    removed,
                },
            })
            .with_button(Button {
                label: "Cancel",
                style: ButtonStyle::Secondary,
                action: ButtonAction::CancelRemove {
                    guild,
                    remover,
                    removed,
                },
            }),
        ),
        Ok(false) => Response::only(refusal(NetworkError::NotConnected, ReplyKind::New)),
        Err(error) => Response::only(refusal(error, ReplyKind::New)),
    }
}

fn connected_text(connection: &Connection, name: &str) -> String {
    if connection.restored {
        format!("You're connected with {name} again.")
    } else {
        format!("You're now connected with {name}.")
    }
}

fn notify(notification: Option<Notification>, if_dms_closed: Option<String>) -> Vec<Outgoing> {
    notification
        .map(|notification| Outgoing {
            notification,
            if_dms_closed,
        })
        .into_iter()
        .collect()
}

/// The reply for a refused or failed operation: the error's own text, which is written for the
/// person; for our own failures, the cause goes to the log and the person gets the short text.
fn refusal(error: NetworkError, kind: ReplyKind) -> Reply {
    if error.is_internal() {
        tracing::error!(error = %super::text::error_chain(&error), "network operation failed");
    }
    Reply {
        kind,
        text: error.to_string(),
        buttons: Vec::new(),
    }
}
