//! `/tag add` and `/tag remove`, and autocomplete of the tags a member already uses.

use super::{Cx, refusal};
use crate::bot::request::Actor;
use crate::bot::response::{AUTOCOMPLETE_CHOICES, Choice, Reply, ReplyKind, Response};
use crate::bot::text::{code_span, mention};
use crate::network::MemberId;

pub(super) async fn change(
    cx: Cx<'_>,
    actor: Actor,
    peer: MemberId,
    tag: &str,
    add: bool,
) -> Response {
    let (guild, owner) = (actor.guild, actor.member);
    let shown = |tag: &str| code_span(tag.trim());
    let reply = if add {
        match cx.network.add_tag(guild, owner, peer, tag).await {
            Ok(()) => Reply::new(cx.format(
                "tag-added",
                &[("member", mention(peer).into()), ("tag", shown(tag).into())],
            )),
            Err(error) => refusal(cx, error, ReplyKind::New),
        }
    } else {
        match cx.network.remove_tag(guild, owner, peer, tag).await {
            Ok(true) => Reply::new(cx.format(
                "tag-removed",
                &[("member", mention(peer).into()), ("tag", shown(tag).into())],
            )),
            Ok(false) => Reply::new(cx.format(
                "tag-absent",
                &[("member", mention(peer).into()), ("tag", shown(tag).into())],
            )),
            Err(error) => refusal(cx, error, ReplyKind::New),
        }
    };
    Response::only(reply)
}

pub(super) async fn choices(cx: Cx<'_>, actor: Actor, typed: &str) -> Response {
    let tags = cx
        .network
        .tags_in_use(
            actor.guild,
            actor.member,
            typed,
            AUTOCOMPLETE_CHOICES as u32,
        )
        .await
        .unwrap_or_default();
    Response::only(Reply::choices(
        tags.iter().map(|t| Choice::plain(t.as_str())).collect(),
    ))
}
