//! Profiles (how you are linked to a member, or your own counts) and People you may know.

use super::refusal;
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::Actor;
use crate::bot::response::{Button, ButtonStyle, Reply, ReplyKind, Response};
use crate::bot::text::{date, escape_markdown, label_name, mention};
use crate::network::{Degree, MemberId, Network, Pending};

/// How many people /suggestions lists (two rows of five buttons).
const SUGGESTIONS: usize = 10;

pub(super) async fn of_other(network: &Network, actor: Actor, member: MemberId) -> Response {
    let (guild, viewer) = (actor.guild, actor.member);
    let profile = match network.relation(guild, viewer, member).await {
        Ok(profile) => profile,
        Err(error) => return Response::only(refusal(error, ReplyKind::New)),
    };
    let degree = match profile.degree {
        Degree::First => "1st degree: you're connected",
        Degree::Second => "2nd degree",
        Degree::Third => "3rd degree",
        Degree::Outside => "outside your network",
    };
    let mut text = format!("{} · {degree}", mention(member));
    if profile.mutuals.count > 0 {
        let names = network
            .names_of(guild, &profile.mutuals.sample)
            .await
            .unwrap_or_default();
        let shown: Vec<String> = profile
            .mutuals
            .sample
            .iter()
            .zip(names.iter().chain(std::iter::repeat(&None)))
            .map(|(id, names)| match names {
                Some(names) => escape_markdown(&names.display_name),
                None => mention(*id),
            })
            .collect();
        let noun = if profile.mutuals.count == 1 {
            "mutual connection"
        } else {
            "mutual connections"
        };
        let more = profile.mutuals.count as usize - shown.len();
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "\n{} {noun}: {}{tail}",
            profile.mutuals.count,
            shown.join(", ")
        ));
    }
    if let Some(since) = profile.connected_since {
        text.push_str(&format!("\nConnected since {}", date(since)));
    }
    if !profile.tags.is_empty() {
        let tags: Vec<String> = profile
            .tags
            .iter()
            .map(|t| format!("`{}`", t.as_str().replace('`', "'")))
            .collect();
        text.push_str(&format!("\nYour tags: {}", tags.join(" ")));
    }
    // The one action that fits.
    let button = match (profile.connected_since.is_some(), profile.pending) {
        (true, _) => Some(Button::new(
            "Remove connection",
            ButtonStyle::Danger,
            ComponentAction::AskRemove {
                guild,
                remover: viewer,
                removed: member,
            },
        )),
        (false, Pending::ReceivedByViewer) => {
            text.push_str("\nThey invited you to connect.");
            Some(Button::new(
                "Accept",
                ButtonStyle::Success,
                ComponentAction::Accept {
                    guild,
                    inviter: member,
                    invitee: viewer,
                },
            ))
        }
        (false, Pending::SentByViewer) => {
            text.push_str("\nYour invitation is pending.");
            None
        }
        (false, Pending::None) => Some(Button::new(
            "Invite to connect",
            ButtonStyle::Primary,
            ComponentAction::Invite {
                guild,
                from: viewer,
                to: member,
            },
        )),
    };
    let reply = Reply::new(text);
    Response::only(match button {
        Some(button) => reply.with_button(button),
        None => reply,
    })
}

pub(super) async fn own(network: &Network, actor: Actor) -> Response {
    match network.counts(actor.guild, actor.member).await {
        Ok(counts) => Response::only(Reply::new(format!(
            "**Your network**\nConnections: {}\nInvitations waiting for you: {}\nInvitations you sent, pending: {}\nInvitations left this week: {}",
            counts.connections,
            counts.invitations_received,
            counts.invitations_sent,
            counts.invitations_left_this_week
        ))),
        Err(error) => Response::only(refusal(error, ReplyKind::New)),
    }
}

pub(super) async fn suggestions(network: &Network, actor: Actor) -> Response {
    let (guild, me) = (actor.guild, actor.member);
    let suggestions = match network.suggestions(guild, me, SUGGESTIONS).await {
        Ok(list) => list,
        Err(error) => return Response::only(refusal(error, ReplyKind::New)),
    };
    if suggestions.is_empty() {
        return Response::only(Reply::new(
            "No suggestions right now. They come from your connections' connections: \
             connect with a few people first.",
        ));
    }
    let ids: Vec<MemberId> = suggestions.iter().map(|s| s.member).collect();
    let names = network.names_of(guild, &ids).await.unwrap_or_default();
    let mut text = String::from("**People you may know**");
    let mut reply = Reply::new(String::new());
    for (n, suggestion) in suggestions.iter().enumerate() {
        let noun = if suggestion.mutual_connections == 1 {
            "mutual connection"
        } else {
            "mutual connections"
        };
        text.push_str(&format!(
            "\n{}. {} — {} {noun}",
            n + 1,
            mention(suggestion.member),
            suggestion.mutual_connections
        ));
        let name = label_name(names.get(n).and_then(Option::as_ref), suggestion.member);
        reply = reply.with_button(Button::new(
            format!("Invite {name}"),
            ButtonStyle::Primary,
            ComponentAction::InviteSuggested {
                guild,
                from: me,
                to: suggestion.member,
            },
        ));
    }
    reply.text = text;
    Response::only(reply)
}
