//! `/people`: members found by skill, words and what they are open to, closest first, ten a
//! page with a View button each; and skill autocomplete.

use super::{Cx, refusal};
use crate::bot::commands::open_to_label;
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::Actor;
use crate::bot::response::{
    AUTOCOMPLETE_CHOICES, Button, ButtonStyle, Choice, Reply, ReplyKind, Response, Row,
};
use crate::bot::text::{inert, label_name, mention, shorten};
use crate::network::{Degree, GuildId, MemberId, PeopleFilter, PeoplePage};

/// People a page: two rows of five View buttons.
const PER_PAGE: usize = 10;
/// How much of a headline a line shows.
const HEADLINE_PREVIEW_CHARS: usize = 80;

pub(super) async fn search(cx: Cx<'_>, actor: Actor, filter: PeopleFilter) -> Response {
    let (guild, asker) = (actor.guild, actor.member);
    let page = match cx
        .network
        .people(guild, asker, filter.clone(), 0, PER_PAGE)
        .await
    {
        Ok(page) => page,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    // The paging buttons refer to the search by number; one page needs no number.
    let search = if page.has_next() {
        match cx.network.save_search(guild, asker, filter.clone()).await {
            Ok(id) => id,
            Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
        }
    } else {
        0
    };
    Response::only(render(
        cx,
        guild,
        asker,
        &filter,
        search,
        &page,
        ReplyKind::New,
    ))
}

pub(super) async fn other_page(
    cx: Cx<'_>,
    guild: GuildId,
    owner: MemberId,
    search: u64,
    offset: u32,
) -> Response {
    let filter = match cx.network.saved_search(guild, owner, search).await {
        Ok(Some(filter)) => filter,
        Ok(None) => {
            return Response::only(Reply::update(cx.text("people-expired")));
        }
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    };
    let offset = offset as usize;
    match cx
        .network
        .people(guild, owner, filter.clone(), offset, PER_PAGE)
        .await
    {
        Ok(page) => Response::only(render(
            cx,
            guild,
            owner,
            &filter,
            search,
            &page,
            ReplyKind::UpdateClicked,
        )),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    }
}

fn render(
    cx: Cx<'_>,
    guild: GuildId,
    owner: MemberId,
    filter: &PeopleFilter,
    search: u64,
    page: &PeoplePage,
    kind: ReplyKind,
) -> Reply {
    let mut asked = Vec::new();
    if let Some(skill) = &filter.skill {
        asked.push(cx.format("people-skill", &[("skill", inert(skill).into())]));
    }
    if let Some(text) = &filter.text {
        asked.push(cx.format("people-words", &[("words", inert(text).into())]));
    }
    if let Some(open_to) = filter.open_to {
        let label = open_to_label(cx.language, open_to).to_lowercase();
        asked.push(cx.format("people-open-to", &[("open_to", label.into())]));
    }
    let heading = if asked.is_empty() {
        cx.text("people-heading-all")
    } else {
        cx.format("people-heading", &[("filters", asked.join(" · ").into())])
    };
    if page.total == 0 {
        return Reply::new(format!("{heading}\n{}", cx.text("people-none"))).with_kind(kind);
    }
    let mut text = cx.format(
        "people-found",
        &[("heading", heading.into()), ("count", page.total.into())],
    );
    let mut reply = Reply::new(String::new()).with_kind(kind);
    let mut views = Vec::new();
    for (n, person) in page.people.iter().enumerate() {
        let name = match &person.names {
            Some(names) => format!("**{}**", inert(&names.display_name)),
            None => mention(person.member),
        };
        let degree = cx.text(match person.closeness.degree {
            Degree::First => "degree-first",
            Degree::Second => "degree-second-short",
            Degree::Third => "degree-third-short",
            Degree::Outside => "degree-outside",
        });
        let mut line = format!("\n{}. {name}", page.offset + n + 1);
        if let Some(headline) = &person.headline {
            line.push_str(&format!(
                " — {}",
                inert(&shorten(headline, HEADLINE_PREVIEW_CHARS))
            ));
        }
        line.push_str(&format!(" · {degree}"));
        if person.closeness.mutuals > 0 {
            line.push_str(" · ");
            line.push_str(&cx.format(
                "people-mutuals",
                &[("count", person.closeness.mutuals.into())],
            ));
        }
        text.push_str(&line);
        views.push(Button::new(
            cx.format(
                "button-view-name",
                &[(
                    "name",
                    label_name(cx.language, person.names.as_ref(), person.member).into(),
                )],
            ),
            ButtonStyle::Secondary,
            ComponentAction::ViewCard {
                guild,
                viewer: owner,
                member: person.member,
            },
        ));
    }
    for view in views {
        reply = reply.with_button(view);
    }
    if page.has_previous() || page.has_next() {
        let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        let nav = |label: &str, offset: usize, available: bool| {
            Button::new(
                label,
                ButtonStyle::Primary,
                ComponentAction::PeoplePage {
                    guild,
                    owner,
                    search,
                    offset: at(offset),
                },
            )
            .disabled(!available)
        };
        reply = reply.with_row(Row::Buttons(vec![
            nav(
                &cx.text("button-previous"),
                page.offset.saturating_sub(PER_PAGE),
                page.has_previous(),
            ),
            // A disabled button still needs an id of its own.
            nav(
                &cx.text("button-next"),
                page.offset + PER_PAGE.max(page.people.len()),
                page.has_next(),
            ),
        ]));
    }
    reply.text = text;
    reply
}

/// Skills members here list, for what is being typed: "Rust (14)", choosing types "Rust".
pub(super) async fn skill_choices(cx: Cx<'_>, actor: Actor, typed: &str) -> Response {
    let skills = cx
        .network
        .skill_choices(actor.guild, typed)
        .await
        .unwrap_or_default();
    Response::only(Reply::choices(
        skills
            .into_iter()
            .take(AUTOCOMPLETE_CHOICES)
            .map(|(skill, count)| Choice {
                name: cx.format(
                    "skill-choice",
                    &[("skill", skill.clone().into()), ("count", count.into())],
                ),
                value: skill,
            })
            .collect(),
    ))
}
