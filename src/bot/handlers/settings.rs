//! `/settings`: who may invite you, automatic accepting, DM notifications.

use super::{Cx, refusal};
use crate::bot::commands::{policy_label, visibility_label};
use crate::bot::i18n::Language;
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
    let on_off = |on: bool| if on { "on" } else { "off" };
    let heading = if changing {
        "Saved. **Your settings**"
    } else {
        "**Your settings**"
    };
    Response::only(Reply::new(format!(
        "{heading}\nWho may invite you: {}\nAccept invitations automatically: {}\nDM notifications: {}\n\
         Who sees your profile: {}\n\
         Nobody is told about your settings: refused invitations all get the same neutral answer.",
        policy_label(Language::English, settings.invite_policy),
        on_off(settings.auto_accept),
        on_off(settings.dm_notifications),
        visibility_label(Language::English, settings.profile_visibility),
    )))
}
