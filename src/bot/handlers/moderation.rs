//! `/network …` for moderators: stats, limits, and the report queue with Restore buttons.
//! Nothing a moderator sees concerns two members: no disconnects, no who-reported-whom.

use super::{Cx, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::{Actor, Moderation};
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::bot::text::{label_name, mention, relative_time};
use crate::network::{GuildId, GuildLimits, LimitsUpdate, MemberId};

pub(super) const NOT_MODERATOR: &str = "Only members who can manage this server can do that.";

pub(super) async fn handle(cx: Cx<'_>, actor: Actor, action: Moderation) -> Response {
    match action {
        Moderation::Stats => stats(cx, actor.guild).await,
        Moderation::Limits(update) => limits(cx, actor.guild, update).await,
        Moderation::Reports => queue(cx, actor.guild, actor.member, None, ReplyKind::New).await,
        Moderation::RemoveMember(target) => {
            let (guild, moderator, member) = (actor.guild, actor.member, target.member);
            Response::only(
                Reply::new(format!(
                    "Erase {}'s network data in this server? Their connections, invitations, tags and \
                     settings go; they are not told. The audit log records that you did it.",
                    mention(member)
                ))
                .with_button(Button::new(
                    "Erase their data",
                    ButtonStyle::Danger,
                    ComponentAction::RemoveMember { guild, moderator, member },
                ))
                .with_button(Button::new("Cancel", ButtonStyle::Secondary, ComponentAction::Dismiss { guild, owner: moderator })),
            )
        }
        Moderation::ClearProfile(target) => {
            let member = target.member;
            let reply = match cx
                .network
                .clear_profile(actor.guild, actor.member, member)
                .await
            {
                Ok(true) => Reply::new(format!(
                    "Cleared {}'s profile. Their connections stay; they are not told. \
                     The audit log records that you did it.",
                    mention(member)
                )),
                Ok(false) => Reply::new(format!("{} has no profile to clear.", mention(member))),
                Err(error) => refusal(cx, error, ReplyKind::New),
            };
            Response::only(reply)
        }
    }
}

async fn stats(cx: Cx<'_>, guild: GuildId) -> Response {
    match cx.network.stats(guild).await {
        Ok(s) => Response::only(Reply::new(format!(
            "**Network stats**\nMembers in the network: {}\nConnections: {}\nPending invitations: {}\n\
             Invitations sent in the last 7 days: {}\nConnections per member: median {}, most {}",
            s.members,
            s.connections,
            s.pending_invitations,
            s.invitations_sent_last_7_days,
            s.median_connections,
            s.max_connections
        ))),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

async fn limits(cx: Cx<'_>, guild: GuildId, update: LimitsUpdate) -> Response {
    let changing = update != LimitsUpdate::default();
    let limits = if changing {
        cx.network.update_limits(guild, update).await
    } else {
        cx.network.limits(guild).await
    };
    match limits {
        Ok(limits) => Response::only(Reply::new(limits_text(limits, changing))),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

fn limits_text(limits: GuildLimits, saved: bool) -> String {
    let heading = if saved {
        "Saved. **Limits**"
    } else {
        "**Limits**"
    };
    format!(
        "{heading}\nInvitations a member may send in 7 days: {}\nConnections a member may have: {}\n\
         Reports in 30 days that suspend a sender: {}\nDiscord invite links on profiles: {}",
        limits.invites_per_week,
        limits.connection_cap,
        limits.reports_to_suspend,
        if limits.allow_invite_links {
            "allowed"
        } else {
            "not allowed"
        }
    )
}

/// Confirmed by a moderator (checked again on the click).
pub(super) async fn remove_member(
    cx: Cx<'_>,
    guild: GuildId,
    moderator: MemberId,
    member: MemberId,
) -> Response {
    match cx.network.remove_member(guild, moderator, member).await {
        Ok(()) => Response::only(Reply::update(format!(
            "Erased {}'s network data in this server.",
            mention(member)
        ))),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    }
}

/// A moderator restores a suspended sender; the queue is shown again.
pub(super) async fn restore(
    cx: Cx<'_>,
    guild: GuildId,
    moderator: MemberId,
    member: MemberId,
) -> Response {
    let status = match cx.network.restore(guild, moderator, member).await {
        Ok(()) => format!(
            "Restored {}: they can send invitations again.",
            mention(member)
        ),
        Err(error) => refusal(cx, error, ReplyKind::UpdateClicked).text,
    };
    queue(cx, guild, moderator, Some(status), ReplyKind::UpdateClicked).await
}

async fn queue(
    cx: Cx<'_>,
    guild: GuildId,
    moderator: MemberId,
    status: Option<String>,
    kind: ReplyKind,
) -> Response {
    let reported = match cx.network.report_queue(guild).await {
        Ok(list) => list,
        Err(error) => return Response::only(refusal(cx, error, kind)),
    };
    let mut text = status.map(|s| format!("{s}\n\n")).unwrap_or_default();
    text.push_str("**Reported senders** (\"I don't know this person\", last 30 days)");
    if reported.is_empty() {
        text.push_str("\nNobody has been reported.");
    }
    let ids: Vec<MemberId> = reported.iter().map(|r| r.member).collect();
    let names = cx.network.names_of(guild, &ids).await.unwrap_or_default();
    let mut reply = Reply::new(String::new()).with_kind(kind);
    for (n, entry) in reported.iter().enumerate() {
        let noun = if entry.recent_reports == 1 {
            "report"
        } else {
            "reports"
        };
        text.push_str(&format!(
            "\n{} — {} {noun}",
            mention(entry.member),
            entry.recent_reports
        ));
        if let Some(since) = entry.suspended_since {
            text.push_str(&format!(" · suspended {}", relative_time(since)));
            let name = label_name(names.get(n).and_then(Option::as_ref), entry.member);
            reply = reply.with_button(Button::new(
                format!("Restore {name}"),
                ButtonStyle::Primary,
                ComponentAction::Restore {
                    guild,
                    moderator,
                    member: entry.member,
                },
            ));
        }
    }
    reply.text = text;
    Response::only(reply)
}
