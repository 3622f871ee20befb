//! Requests in, responses out: what should happen, decided against the network and returned as
//! a value. Nothing here talks to Discord; `deliver` does that with the result. One routing
//! `match` over every request and every component action, so nothing is half-wired.

mod connections;
mod disconnect;
mod invitations;

use invitations::Answer;
pub(crate) use invitations::DONT_KNOW;
mod moderation;
mod mydata;
mod people;
mod profile;

pub(crate) use profile::{ABOUT_FIELD, HEADLINE_FIELD, LINKS_FIELD, SKILLS_FIELD};
mod settings;
mod tags;

use super::custom_id::ComponentAction;
use super::request::Request;
use super::response::{Outgoing, Reply, ReplyKind, Response};
use crate::network::{Connection, Network, NetworkError, Notification};

pub async fn handle(network: &Network, request: Request) -> Response {
    match request {
        Request::Invite {
            actor,
            target,
            note,
        } => {
            invitations::invite(
                network,
                actor.guild,
                actor.member,
                target.member,
                note.as_deref(),
                ReplyKind::New,
            )
            .await
        }
        Request::Connect { actor, target } => {
            invitations::connect(network, actor.guild, actor.member, target.member).await
        }
        Request::Disconnect { actor, target } => {
            disconnect::confirm(
                network,
                actor.guild,
                actor.member,
                target.member,
                ReplyKind::New,
            )
            .await
        }
        Request::Connections { actor, search, tag } => {
            connections::first_page(network, actor, search, tag).await
        }
        Request::Invitations { actor, side } => {
            invitations::list(
                network,
                actor.guild,
                actor.member,
                side,
                0,
                None,
                ReplyKind::New,
            )
            .await
        }
        Request::Profile {
            actor,
            target: Some(target),
            avatar,
        } => profile::of_other(network, actor, target.member, avatar).await,
        Request::Profile {
            actor,
            target: None,
            avatar,
        } => profile::own(network, actor, avatar).await,
        Request::EditProfile { actor } => profile::form(network, actor.guild, actor.member).await,
        Request::SaveProfile {
            guild,
            member,
            draft,
        } => profile::save(network, guild, member, draft).await,
        Request::People { actor, filter } => people::search(network, actor, filter).await,
        Request::SkillChoices { actor, typed } => {
            people::skill_choices(network, actor, &typed).await
        }
        Request::Tag {
            actor,
            target,
            tag,
            add,
        } => tags::change(network, actor, target.member, &tag, add).await,
        Request::TagChoices { actor, typed } => tags::choices(network, actor, &typed).await,
        Request::Suggestions { actor } => profile::suggestions(network, actor).await,
        Request::Settings { actor, update } => {
            settings::show_or_change(network, actor, update).await
        }
        Request::Moderate { actor, action } => moderation::handle(network, actor, action).await,
        Request::Restore {
            guild,
            moderator,
            member,
        } => moderation::restore(network, guild, moderator, member).await,
        Request::MyData { actor, export } => mydata::export_or_ask(network, actor, export).await,
        Request::ConfirmRemoveMember {
            guild,
            moderator,
            member,
        } => moderation::remove_member(network, guild, moderator, member).await,
        Request::NotModerator => Response::only(Reply::new(moderation::NOT_MODERATOR)),
        Request::Button(action) => button(network, action).await,
        Request::Pick { action, values } => pick(network, action, &values).await,
    }
}

async fn button(network: &Network, action: ComponentAction) -> Response {
    use ComponentAction as A;
    match action {
        A::Accept {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(network, guild, invitee, inviter, Answer::Accept).await,
        A::Ignore {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(network, guild, invitee, inviter, Answer::Ignore).await,
        A::Invite { guild, from, to } => {
            invitations::invite(network, guild, from, to, None, ReplyKind::UpdateClicked).await
        }
        A::InviteSuggested { guild, from, to } => {
            invitations::invite(network, guild, from, to, None, ReplyKind::New).await
        }
        A::AskRemove {
            guild,
            remover,
            removed,
        } => disconnect::confirm(network, guild, remover, removed, ReplyKind::UpdateClicked).await,
        A::ConfirmRemove {
            guild,
            remover,
            removed,
        } => disconnect::remove(network, guild, remover, removed).await,
        A::CancelRemove { removed, .. } => disconnect::keep(removed),
        // A menu clicked like a button carries no choice: nothing to do.
        A::RemovePick { .. } => Response::only(Reply::new("Pick a connection from the menu.")),
        A::ConnectionsPage {
            guild,
            owner,
            filter,
            cursor,
            forward,
        } => connections::other_page(network, guild, owner, filter, cursor, forward).await,
        A::InvitationsPage {
            guild,
            owner,
            side,
            offset,
        } => {
            invitations::list(
                network,
                guild,
                owner,
                side,
                offset,
                None,
                ReplyKind::UpdateClicked,
            )
            .await
        }
        A::ListAccept {
            guild,
            inviter,
            invitee,
            offset,
        } => {
            invitations::answer_from_list(network, guild, invitee, inviter, Answer::Accept, offset)
                .await
        }
        A::ListIgnore {
            guild,
            inviter,
            invitee,
            offset,
        } => {
            invitations::answer_from_list(network, guild, invitee, inviter, Answer::Ignore, offset)
                .await
        }
        A::Report {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(network, guild, invitee, inviter, Answer::Report).await,
        A::ListReport {
            guild,
            inviter,
            invitee,
            offset,
        } => {
            invitations::answer_from_list(network, guild, invitee, inviter, Answer::Report, offset)
                .await
        }
        A::EraseMyData { guild, member } => mydata::erase(network, guild, member).await,
        A::Dismiss { .. } => mydata::dismiss(),
        // The parser sends moderators' clicks to their own requests after checking permissions.
        A::RemoveMember { .. } => Response::only(Reply::new(moderation::NOT_MODERATOR)),
        // The parser sends Restore clicks to Request::Restore after checking permissions.
        A::Restore { .. } => Response::only(Reply::new(moderation::NOT_MODERATOR)),
        A::ListWithdraw {
            guild,
            inviter,
            invitee,
            offset,
        } => invitations::withdraw_from_list(network, guild, inviter, invitee, offset).await,
        A::EditProfile { guild, member } => profile::form(network, guild, member).await,
        // A menu clicked like a button carries no choice: nothing to do.
        A::OpenToPick { .. } => Response::only(Reply::new("Pick from the menu.")),
        A::ViewCard {
            guild,
            viewer,
            member,
        } => {
            let actor = super::request::Actor {
                guild,
                member: viewer,
            };
            profile::of_other(network, actor, member, None).await
        }
        A::PeoplePage {
            guild,
            owner,
            search,
            offset,
        } => people::other_page(network, guild, owner, search, offset).await,
    }
}

async fn pick(network: &Network, action: ComponentAction, values: &[String]) -> Response {
    match action {
        ComponentAction::RemovePick { guild, owner } => match values.first().map(|v| v.parse()) {
            Some(Ok(removed)) => {
                disconnect::confirm(network, guild, owner, removed, ReplyKind::UpdateClicked).await
            }
            _ => Response::only(Reply::new(NetworkError::InvalidId.to_string())),
        },
        ComponentAction::OpenToPick { guild, member } => {
            profile::pick_open_to(network, guild, member, values).await
        }
        // Every other action is a button; a choice for it is not something this version sent.
        _ => Response::only(Reply::new(super::request::InputError::Unknown.to_string())),
    }
}

fn connected_text(connection: &Connection, name: &str) -> String {
    if connection.restored {
        format!("You're connected with {name} again.")
    } else {
        format!("You're now connected with {name}.")
    }
}

fn notify(notification: Option<Notification>, if_dms_closed: Option<String>) -> Vec<Outgoing> {
    notification
        .map(|notification| Outgoing {
            notification,
            if_dms_closed,
        })
        .into_iter()
        .collect()
}

/// The reply for a refused or failed operation: the error's own text, which is written for the
/// person; for our own failures, the cause goes to the log and the person gets the short text.
fn refusal(error: NetworkError, kind: ReplyKind) -> Reply {
    if error.is_internal() {
        tracing::error!(error = %super::text::error_chain(&error), "network operation failed");
    }
    Reply::new(error.to_string()).with_kind(kind)
}
