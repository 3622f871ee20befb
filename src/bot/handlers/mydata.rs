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
            Reply::new(cx.text("mydata-delete-ask"))
                .with_button(Button::new(
                    cx.text("button-delete-my-data"),
                    ButtonStyle::Danger,
                    ComponentAction::EraseMyData { guild, member },
                ))
                .with_button(Button::new(
                    cx.text("button-cancel"),
                    ButtonStyle::Secondary,
                    ComponentAction::Dismiss {
                        guild,
                        owner: member,
                    },
                )),
        );
    }
    match cx.network.export(guild, member).await {
        Ok(data) => match serde_json::to_vec_pretty(&data) {
            Ok(json) => Response::only(
                Reply::new(cx.text("mydata-exported"))
                    .with_file(format!("handshake-{guild}-{member}.json"), json),
            ),
            Err(error) => {
                tracing::error!(%error, "could not write an export");
                Response::only(Reply::new(cx.text("error-internal")))
            }
        },
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

pub(super) async fn erase(cx: Cx<'_>, guild: GuildId, member: MemberId) -> Response {
    match cx.network.erase_my_data(guild, member).await {
        Ok(()) => Response::only(Reply::update(cx.text("mydata-deleted"))),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    }
}

pub(super) fn dismiss(cx: Cx<'_>) -> Response {
    Response::only(Reply::update(cx.text("nothing-changed")))
}
