//! `/network …` for moderators: stats, limits, and the report queue with Restore buttons.
//! Nothing a moderator sees concerns two members: no disconnects, no who-reported-whom.

use super::{Cx, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::{Actor, Moderation};
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::bot::text::{label_name, mention, relative_time};
use crate::network::{GuildId, GuildLimits, LimitsUpdate, MemberId, StatsHistory};

pub(super) const NOT_MODERATOR: &str = "not-moderator";

pub(super) async fn handle(cx: Cx<'_>, actor: Actor, action: Moderation) -> Response {
    match action {
        Moderation::Stats => stats(cx, actor.guild).await,
        Moderation::Limits(update) => limits(cx, actor.guild, update).await,
        Moderation::Reports => queue(cx, actor.guild, actor.member, None, ReplyKind::New).await,
        Moderation::RemoveMember(target) => {
            let (guild, moderator, member) = (actor.guild, actor.member, target.member);
            Response::only(
                Reply::new(cx.format("remove-member-ask", &[("member", mention(member).into())]))
                    .with_button(Button::new(
                        cx.text("button-erase-their-data"),
                        ButtonStyle::Danger,
                        ComponentAction::RemoveMember {
                            guild,
                            moderator,
                            member,
                        },
                    ))
                    .with_button(Button::new(
                        cx.text("button-cancel"),
                        ButtonStyle::Secondary,
                        ComponentAction::Dismiss {
                            guild,
                            owner: moderator,
                        },
                    )),
            )
        }
        Moderation::ClearProfile(target) => {
            let member = target.member;
            let reply = match cx
                .network
                .clear_profile(actor.guild, actor.member, member)
                .await
            {
                Ok(true) => {
                    Reply::new(cx.format("profile-cleared", &[("member", mention(member).into())]))
                }
                Ok(false) => Reply::new(cx.format(
                    "profile-nothing-to-clear",
                    &[("member", mention(member).into())],
                )),
                Err(error) => refusal(cx, error, ReplyKind::New),
            };
            Response::only(reply)
        }
    }
}

async fn stats(cx: Cx<'_>, guild: GuildId) -> Response {
    let weeks = super::pictures::CHART_WEEKS;
    match cx.network.stats_with_history(guild, weeks).await {
        Ok((s, history)) => Response::only(
            with_chart(
                cx,
                history,
                Reply::new(cx.format(
                    "network-stats",
                    &[
                        ("members", s.members.into()),
                        ("connections", s.connections.into()),
                        ("pending", s.pending_invitations.into()),
                        ("sent", s.invitations_sent_last_7_days.into()),
                        ("median", s.median_connections.into()),
                        ("most", s.max_connections.into()),
                    ],
                )),
            )
            .await,
        ),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

/// The figures with the chart beneath them; without it if it could not be drawn (the chart is
/// a picture of figures the text gives).
async fn with_chart(cx: Cx<'_>, history: StatsHistory, reply: Reply) -> Reply {
    match super::pictures::stats_chart(cx, history).await {
        Some(chart) => reply.with_file(super::pictures::CHART_FILE, chart.png),
        None => reply,
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
        Ok(limits) => Response::only(Reply::new(limits_text(cx, limits, changing))),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::New)),
    }
}

fn limits_text(cx: Cx<'_>, limits: GuildLimits, saved: bool) -> String {
    let key = if saved {
        "limits-saved"
    } else {
        "limits-shown"
    };
    let links = cx.text(if limits.allow_invite_links {
        "limits-links-allowed"
    } else {
        "limits-links-not-allowed"
    });
    cx.format(
        key,
        &[
            ("per_week", limits.invites_per_week.into()),
            ("cap", limits.connection_cap.into()),
            ("reports", limits.reports_to_suspend.into()),
            ("links", links.into()),
        ],
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
        Ok(()) => Response::only(Reply::update(
            cx.format("member-erased", &[("member", mention(member).into())]),
        )),
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
        Ok(()) => cx.format("member-restored", &[("member", mention(member).into())]),
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
    text.push_str(&cx.text("reports-heading"));
    if reported.is_empty() {
        text.push('\n');
        text.push_str(&cx.text("reports-none"));
    }
    let ids: Vec<MemberId> = reported.iter().map(|r| r.member).collect();
    let names = cx.network.names_of(guild, &ids).await.unwrap_or_default();
    let mut reply = Reply::new(String::new()).with_kind(kind);
    for (n, entry) in reported.iter().enumerate() {
        text.push('\n');
        text.push_str(&cx.format(
            "reports-line",
            &[
                ("member", mention(entry.member).into()),
                ("count", entry.recent_reports.into()),
            ],
        ));
        if let Some(since) = entry.suspended_since {
            text.push_str(" · ");
            text.push_str(&cx.format(
                "reports-suspended",
                &[("when", relative_time(since).into())],
            ));
            let name = label_name(
                cx.language,
                names.get(n).and_then(Option::as_ref),
                entry.member,
            );
            reply = reply.with_button(Button::new(
                cx.format("button-restore-name", &[("name", name.into())]),
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
