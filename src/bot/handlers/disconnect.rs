//! Removing a connection: always a confirmation that names the one person, then the removal,
//! answered to the remover alone. Nothing here produces a notification.

use super::{Cx, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::bot::text::mention;
use crate::network::{GuildId, MemberId, NetworkError};

/// The first step, from /disconnect, the profile menu, a profile or the list's menu.
pub(super) async fn confirm(
    cx: Cx<'_>,
    guild: GuildId,
    remover: MemberId,
    removed: MemberId,
    kind: ReplyKind,
) -> Response {
    if remover == removed {
        return Response::only(refusal(cx, NetworkError::SelfTarget, kind));
    }
    match cx.network.is_connected(guild, remover, removed).await {
        Ok(true) => Response::only(
            Reply::new(cx.format("disconnect-confirm", &[("member", mention(removed).into())]))
                .with_kind(kind)
                .with_button(Button::new(
                    cx.text("button-remove-connection"),
                    ButtonStyle::Danger,
                    ComponentAction::ConfirmRemove {
                        guild,
                        remover,
                        removed,
                    },
                ))
                .with_button(Button::new(
                    cx.text("button-cancel"),
                    ButtonStyle::Secondary,
                    ComponentAction::CancelRemove {
                        guild,
                        remover,
                        removed,
                    },
                )),
        ),
        Ok(false) => Response::only(refusal(cx, NetworkError::NotConnected, kind)),
        Err(error) => Response::only(refusal(cx, error, kind)),
    }
}

/// Confirmed. Silent by design: the response carries no notification, whatever happens.
pub(super) async fn remove(
    cx: Cx<'_>,
    guild: GuildId,
    remover: MemberId,
    removed: MemberId,
) -> Response {
    let reply = match cx.network.disconnect(guild, remover, removed).await {
        Ok(_) => {
            Reply::update(cx.format("disconnect-done", &[("member", mention(removed).into())]))
        }
        Err(NetworkError::NotConnected) => {
            Reply::update(cx.format("disconnect-stale", &[("member", mention(removed).into())]))
        }
        Err(other) => refusal(cx, other, ReplyKind::UpdateClicked),
    };
    Response::only(reply)
}

pub(super) fn keep(cx: Cx<'_>, removed: MemberId) -> Response {
    Response::only(Reply::update(
        cx.format("disconnect-kept", &[("member", mention(removed).into())]),
    ))
}
