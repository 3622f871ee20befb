//! Removing a connection: always a confirmation that names the one person, then the removal,
//! answered to the remover alone. Nothing here produces a notification.

use super::refusal;
use crate::bot::custom_id::ComponentAction;
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::bot::text::mention;
use crate::network::{GuildId, MemberId, Network, NetworkError};

/// The first step, from /disconnect, the profile menu, a profile or the list's menu.
pub(super) async fn confirm(
    network: &Network,
    guild: GuildId,
    remover: MemberId,
    removed: MemberId,
    kind: ReplyKind,
) -> Response {
    if remover == removed {
        return Response::only(refusal(NetworkError::SelfTarget, kind));
    }
    match network.is_connected(guild, remover, removed).await {
        Ok(true) => Response::only(
            Reply::new(format!(
                "Remove {} from your connections? They won't be notified. \
                 You can re-invite them later.",
                mention(removed)
            ))
            .with_kind(kind)
            .with_button(Button::new(
                "Remove connection",
                ButtonStyle::Danger,
                ComponentAction::ConfirmRemove {
                    guild,
                    remover,
                    removed,
                },
            ))
            .with_button(Button::new(
                "Cancel",
                ButtonStyle::Secondary,
                ComponentAction::CancelRemove {
                    guild,
                    remover,
                    removed,
                },
            )),
        ),
        Ok(false) => Response::only(refusal(NetworkError::NotConnected, kind)),
        Err(error) => Response::only(refusal(error, kind)),
    }
}

/// Confirmed. Silent by design: the response carries no notification, whatever happens.
pub(super) async fn remove(
    network: &Network,
    guild: GuildId,
    remover: MemberId,
    removed: MemberId,
) -> Response {
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

pub(super) fn keep(removed: MemberId) -> Response {
    Response::only(Reply::update(format!(
        "Okay, {} stays in your connections.",
        mention(removed)
    )))
}
