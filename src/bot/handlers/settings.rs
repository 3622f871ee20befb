//! `/settings`: who may invite you, automatic accepting, DM notifications.

use super::{Cx, refusal};
use crate::bot::commands::{policy_label, visibility_label};
use crate::bot::request::Actor;
use crate::bot::response::{Reply, ReplyKind, Response};
use crate::network::SettingsUpdate;

pub(super) async fn show_or_change(cx: Cx<'_>, actor: Actor, update: SettingsUpdate) -> Response {
    let changing = update != SettingsUpdate::default();
    let settings = if changing {
        cx.network
            .update_settings(actor.guild, actor.member, update)
            .await
    } else {
        cx.network.settings(actor.guild, actor.member).await
    };
    let settings = match settings {
        Ok(settings) => settings,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    let on_off = |on: bool| cx.text(if on { "setting-on" } else { "setting-off" });
    let key = if changing {
        "settings-saved"
    } else {
        "settings-shown"
    };
    Response::only(Reply::new(cx.format(
        key,
        &[
            (
                "policy",
                policy_label(cx.language, settings.invite_policy).into(),
            ),
            ("auto_accept", on_off(settings.auto_accept).into()),
            ("dms", on_off(settings.dm_notifications).into()),
            (
                "visibility",
                visibility_label(cx.language, settings.profile_visibility).into(),
            ),
        ],
    )))
}
