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
mod pictures;
mod profile;

pub(crate) use profile::{ABOUT_FIELD, HEADLINE_FIELD, LINKS_FIELD, SKILLS_FIELD};
mod settings;
mod tags;

use super::custom_id::ComponentAction;
use super::i18n::{Language, Value};
use super::request::Request;
use super::response::{Outgoing, Reply, ReplyKind, Response};
use crate::network::{Connection, Network, NetworkError, Notification};

/// What every handler works with: the network, and the language to answer in.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub(crate) network: &'a Network,
    pub(crate) language: Language,
}

impl Cx<'_> {
    /// The text `key` in the language of the person answered.
    pub(crate) fn text(self, key: &str) -> String {
        self.language.text(key)
    }

    /// The text `key`, with `values`, in the language of the person answered.
    pub(crate) fn format(self, key: &str, values: &[(&'static str, Value)]) -> String {
        self.language.format(key, values)
    }
}

/// What should happen for `request`, said in `language`.
pub async fn handle(network: &Network, request: Request, language: Language) -> Response {
    dispatch(Cx { network, language }, request).await
}

async fn dispatch(cx: Cx<'_>, request: Request) -> Response {
    match request {
        Request::Invite {
            actor,
            target,
            note,
        } => {
            invitations::invite(
                cx,
                actor.guild,
                actor.member,
                target.member,
                note.as_deref(),
                ReplyKind::New,
            )
            .await
        }
        Request::Connect { actor, target } => {
            invitations::connect(cx, actor.guild, actor.member, target.member).await
        }
        Request::Disconnect { actor, target } => {
            disconnect::confirm(cx, actor.guild, actor.member, target.member, ReplyKind::New).await
        }
        Request::Connections { actor, search, tag } => {
            connections::first_page(cx, actor, search, tag).await
        }
        Request::Invitations { actor, side } => {
            invitations::list(cx, actor.guild, actor.member, side, 0, None, ReplyKind::New).await
        }
        Request::Profile {
            actor,
            target: Some(target),
            avatar,
        } => profile::of_other(cx, actor, target.member, avatar).await,
        Request::Profile {
            actor,
            target: None,
            avatar,
        } => profile::own(cx, actor, avatar).await,
        Request::EditProfile { actor } => profile::form(cx, actor.guild, actor.member).await,
        Request::SaveProfile {
            guild,
            member,
            draft,
        } => profile::save(cx, guild, member, draft).await,
        Request::People { actor, filter } => people::search(cx, actor, filter).await,
        Request::SkillChoices { actor, typed } => people::skill_choices(cx, actor, &typed).await,
        Request::Tag {
            actor,
            target,
            tag,
            add,
        } => tags::change(cx, actor, target.member, &tag, add).await,
        Request::TagChoices { actor, typed } => tags::choices(cx, actor, &typed).await,
        Request::Suggestions { actor } => profile::suggestions(cx, actor).await,
        Request::Map {
            actor,
            second_degree,
            tag,
        } => pictures::map(cx, actor, second_degree, tag).await,
        Request::Settings { actor, update } => settings::show_or_change(cx, actor, update).await,
        Request::Moderate { actor, action } => moderation::handle(cx, actor, action).await,
        Request::Restore {
            guild,
            moderator,
            member,
        } => moderation::restore(cx, guild, moderator, member).await,
        Request::MyData { actor, export } => mydata::export_or_ask(cx, actor, export).await,
        Request::ConfirmRemoveMember {
            guild,
            moderator,
            member,
        } => moderation::remove_member(cx, guild, moderator, member).await,
        Request::NotModerator => Response::only(Reply::new(cx.text(moderation::NOT_MODERATOR))),
        Request::Button(action) => button(cx, action).await,
        Request::Pick { action, values } => pick(cx, action, &values).await,
    }
}

async fn button(cx: Cx<'_>, action: ComponentAction) -> Response {
    use ComponentAction as A;
    match action {
        A::Accept {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(cx, guild, invitee, inviter, Answer::Accept).await,
        A::Ignore {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(cx, guild, invitee, inviter, Answer::Ignore).await,
        A::Invite { guild, from, to } => {
            invitations::invite(cx, guild, from, to, None, ReplyKind::UpdateClicked).await
        }
        A::InviteSuggested { guild, from, to } => {
            invitations::invite(cx, guild, from, to, None, ReplyKind::New).await
        }
        A::AskRemove {
            guild,
            remover,
            removed,
        } => disconnect::confirm(cx, guild, remover, removed, ReplyKind::UpdateClicked).await,
        A::ConfirmRemove {
            guild,
            remover,
            removed,
        } => disconnect::remove(cx, guild, remover, removed).await,
        A::CancelRemove { removed, .. } => disconnect::keep(cx, removed),
        // A menu clicked like a button carries no choice: nothing to do.
        A::RemovePick { .. } => Response::only(Reply::new(cx.text("pick-connection"))),
        A::ConnectionsPage {
            guild,
            owner,
            filter,
            cursor,
            forward,
        } => connections::other_page(cx, guild, owner, filter, cursor, forward).await,
        A::InvitationsPage {
            guild,
            owner,
            side,
            offset,
        } => {
            invitations::list(
                cx,
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
            invitations::answer_from_list(cx, guild, invitee, inviter, Answer::Accept, offset).await
        }
        A::ListIgnore {
            guild,
            inviter,
            invitee,
            offset,
        } => {
            invitations::answer_from_list(cx, guild, invitee, inviter, Answer::Ignore, offset).await
        }
        A::Report {
            guild,
            inviter,
            invitee,
        } => invitations::answer_from_dm(cx, guild, invitee, inviter, Answer::Report).await,
        A::ListReport {
            guild,
            inviter,
            invitee,
            offset,
        } => {
            invitations::answer_from_list(cx, guild, invitee, inviter, Answer::Report, offset).await
        }
        A::EraseMyData { guild, member } => mydata::erase(cx, guild, member).await,
        A::Dismiss { .. } => mydata::dismiss(cx),
        // The parser sends moderators' clicks to their own requests after checking permissions.
        A::RemoveMember { .. } => Response::only(Reply::new(cx.text(moderation::NOT_MODERATOR))),
        // The parser sends Restore clicks to Request::Restore after checking permissions.
        A::Restore { .. } => Response::only(Reply::new(cx.text(moderation::NOT_MODERATOR))),
        A::ListWithdraw {
            guild,
            inviter,
            invitee,
            offset,
        } => invitations::withdraw_from_list(cx, guild, inviter, invitee, offset).await,
        A::EditProfile { guild, member } => profile::form(cx, guild, member).await,
        // A menu clicked like a button carries no choice: nothing to do.
        A::OpenToPick { .. } => Response::only(Reply::new(cx.text("pick-from-menu"))),
        A::ViewCard {
            guild,
            viewer,
            member,
        } => {
            let actor = super::request::Actor {
                guild,
                member: viewer,
            };
            profile::of_other(cx, actor, member, None).await
        }
        A::PeoplePage {
            guild,
            owner,
            search,
            offset,
        } => people::other_page(cx, guild, owner, search, offset).await,
    }
}

async fn pick(cx: Cx<'_>, action: ComponentAction, values: &[String]) -> Response {
    match action {
        ComponentAction::RemovePick { guild, owner } => match values.first().map(|v| v.parse()) {
            Some(Ok(removed)) => {
                disconnect::confirm(cx, guild, owner, removed, ReplyKind::UpdateClicked).await
            }
            _ => Response::only(refusal(cx, NetworkError::InvalidId, ReplyKind::New)),
        },
        ComponentAction::OpenToPick { guild, member } => {
            profile::pick_open_to(cx, guild, member, values).await
        }
        // Every other action is a button; a choice for it is not something this version sent.
        _ => Response::only(Reply::new(super::error_text::input_error(
            cx.language,
            &super::request::InputError::Unknown,
        ))),
    }
}

fn connected_text(cx: Cx<'_>, connection: &Connection, name: &str) -> String {
    let key = if connection.restored {
        "connected-again"
    } else {
        "connected-new"
    };
    cx.format(key, &[("member", name.into())])
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
fn refusal(cx: Cx<'_>, error: NetworkError, kind: ReplyKind) -> Reply {
    if error.is_internal() {
        tracing::error!(error = %super::text::error_chain(&error), "network operation failed");
    }
    Reply::new(super::error_text::network_error(cx.language, &error)).with_kind(kind)
}
