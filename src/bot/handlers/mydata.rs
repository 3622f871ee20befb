//! `/mydata export` (a JSON file of everything the bot holds about you here) and
//! `/mydata delete` (after a confirmation, erase it).

use super::{Cx, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::Actor;
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::network::{GuildId, MemberId};

pub(super) async fn export_or_ask(cx: Cx<'_>, actor: Actor, export: bool) -> Response {
    let (guild, member) = (actor.guild, actor.member);
    if !export {
        return Response::only(
            Reply::new(
                "Delete all your network data in this server? Your connections, invitations, tags, \
                 settings and the names the bot saw for you will be erased, and nobody will be told. \
                 This can't be undone.",
            )
            .with_button(Button::new("Delete my data", ButtonStyle::Danger, ComponentAction::EraseMyData { guild, member }))
            .with_button(Button::new("Cancel", ButtonStyle::Secondary, ComponentAction::Dismiss { guild, owner: member })),
        );
    }
    match cx.network.export(guild, member).await {
        Ok(data) => match serde_json::to_vec_pretty(&data) {
            Ok(json) => Response::only(
                Reply::new(
                    "Here is everything the bot holds about you in this server. What others hold \
                     about you (such as whom they removed) is theirs and is not included.",
                )
                .with_file(format!("handshake-{guild}-{member}.json"), json),
            ),
            Err(error) => {
                tracing::error!(%error, "could not write an export");
                Response::only(Reply::new(
                    "Something went wrong on our side. Please try again in a moment.",
                ))
            }
        },
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

pub(super) async fn erase(cx: Cx<'_>, guild: GuildId, member: MemberId) -> Response {
    match cx.network.erase_my_data(guild, member).await {
        Ok(()) => Response::only(Reply::update(
            "Your network data in this server has been deleted.",
        )),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    }
}

pub(super) fn dismiss() -> Response {
    Response::only(Reply::update("Okay, nothing was changed."))
}
