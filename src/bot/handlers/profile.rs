//! Profile cards (a member's profile and how you are linked to them, or your own), the profile
//! form and the "Open to" menu that follows it, and People you may know.

use super::{Cx, refusal};
use crate::bot::commands::open_to_label;
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::Actor;
use crate::bot::response::{
    Button, ButtonStyle, CARD_FIELD_VALUE_CHARS, CARD_TITLE_CHARS, Card, CardField, Form,
    FormField, Reply, ReplyKind, Response, Row, Select, SelectOption,
};
use crate::bot::text::{code_span, date, escape_markdown, inert, label_name, mention, shorten};
use crate::network::{
    Degree, GuildId, MAX_ABOUT_CHARS, MAX_HEADLINE_CHARS, MAX_LINK_CHARS, MAX_LINKS,
    MAX_SKILL_CHARS, MAX_SKILLS, MemberId, OpenTo, Pending, Profile, ProfileCard, ProfileDraft,
};

/// How many people /suggestions lists (two rows of five buttons).
const SUGGESTIONS: usize = 10;
/// How many shared skills a suggestion names.
const SHARED_SKILLS_SHOWN: usize = 3;

/// The profile form's fields, as its submission names them.
pub(crate) const HEADLINE_FIELD: &str = "headline";
pub(crate) const ABOUT_FIELD: &str = "about";
pub(crate) const SKILLS_FIELD: &str = "skills";
pub(crate) const LINKS_FIELD: &str = "links";

/// Another member's card, and how the viewer is linked to them with the one action that fits.
pub(super) async fn of_other(
    cx: Cx<'_>,
    actor: Actor,
    member: MemberId,
    avatar: Option<String>,
) -> Response {
    let (guild, viewer) = (actor.guild, actor.member);
    let (relation, card) = match tokio::try_join!(
        cx.network.relation(guild, viewer, member),
        cx.network.profile_card(guild, viewer, member)
    ) {
        Ok(both) => both,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    let degree = cx.text(match relation.degree {
        Degree::First => "degree-first-connected",
        Degree::Second => "degree-second",
        Degree::Third => "degree-third",
        Degree::Outside => "degree-outside",
    });
    let mut text = format!("{} · {degree}", mention(member));
    if relation.mutuals.count > 0 {
        let names = cx
            .network
            .names_of(guild, &relation.mutuals.sample)
            .await
            .unwrap_or_default();
        let shown: Vec<String> = relation
            .mutuals
            .sample
            .iter()
            .zip(names.iter().chain(std::iter::repeat(&None)))
            .map(|(id, names)| match names {
                Some(names) => escape_markdown(&names.display_name),
                None => mention(*id),
            })
            .collect();
        let more = relation.mutuals.count as usize - shown.len();
        let values = [
            ("count", relation.mutuals.count.into()),
            ("names", shown.join(", ").into()),
            ("more", more.into()),
        ];
        text.push('\n');
        text.push_str(&cx.format(
            if more > 0 {
                "relation-mutuals-more"
            } else {
                "relation-mutuals"
            },
            &values,
        ));
    }
    if let Some(since) = relation.connected_since {
        text.push('\n');
        text.push_str(&cx.format("relation-since", &[("date", date(since).into())]));
    }
    if !relation.tags.is_empty() {
        let tags: Vec<String> = relation
            .tags
            .iter()
            .map(|t| code_span(t.as_str()))
            .collect();
        text.push('\n');
        text.push_str(&cx.format("relation-tags", &[("tags", tags.join(" ").into())]));
    }
    // The one action that fits.
    let button = match (relation.connected_since.is_some(), relation.pending) {
        (true, _) => Some(Button::new(
            cx.text("button-remove-connection"),
            ButtonStyle::Danger,
            ComponentAction::AskRemove {
                guild,
                remover: viewer,
                removed: member,
            },
        )),
        (false, Pending::ReceivedByViewer) => {
            text.push('\n');
            text.push_str(&cx.text("relation-invited-you"));
            Some(Button::new(
                cx.text("button-accept"),
                ButtonStyle::Success,
                ComponentAction::Accept {
                    guild,
                    inviter: member,
                    invitee: viewer,
                },
            ))
        }
        (false, Pending::SentByViewer) => {
            text.push('\n');
            text.push_str(&cx.text("relation-pending"));
            None
        }
        (false, Pending::None) => Some(Button::new(
            cx.text("button-invite-to-connect"),
            ButtonStyle::Primary,
            ComponentAction::Invite {
                guild,
                from: viewer,
                to: member,
            },
        )),
    };
    let reply = Reply::new(text).with_card(card_of(cx, &card, avatar));
    Response::only(match button {
        Some(button) => reply.with_button(button),
        None => reply,
    })
}

/// The member's own card and counts, with the button to edit it.
pub(super) async fn own(cx: Cx<'_>, actor: Actor, avatar: Option<String>) -> Response {
    let (guild, me) = (actor.guild, actor.member);
    let (counts, card) = match tokio::try_join!(
        cx.network.counts(guild, me),
        cx.network.profile_card(guild, me, me)
    ) {
        Ok(both) => both,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    let mut text = cx.format(
        "own-network",
        &[
            ("connections", counts.connections.into()),
            ("received", counts.invitations_received.into()),
            ("sent", counts.invitations_sent.into()),
            ("left", counts.invitations_left_this_week.into()),
        ],
    );
    if card.profile.is_none() {
        text.push_str("\n\n");
        text.push_str(&cx.text("own-no-profile"));
    }
    Response::only(
        Reply::new(text)
            .with_card(card_of(cx, &card, avatar))
            .with_button(edit_button(cx, guild, me)),
    )
}

fn edit_button(cx: Cx<'_>, guild: GuildId, member: MemberId) -> Button {
    Button::new(
        cx.text("button-edit-profile"),
        ButtonStyle::Primary,
        ComponentAction::EditProfile { guild, member },
    )
}

/// A profile card: what the viewer may see of it.
fn card_of(cx: Cx<'_>, card: &ProfileCard, avatar: Option<String>) -> Card {
    let author = match &card.names {
        Some(names) => shorten(&names.display_name, CARD_TITLE_CHARS),
        None => label_name(cx.language, None, card.member),
    };
    let mut shown = Card {
        author,
        avatar_url: avatar,
        ..Card::default()
    };
    let connections = CardField {
        name: cx.text("card-connections"),
        value: card.connections.to_string(),
        inline: true,
    };
    if card.hidden {
        shown.description = Some(cx.text("card-hidden"));
        return shown;
    }
    let Some(profile) = &card.profile else {
        shown.description = Some(cx.text("card-empty"));
        shown.fields.push(connections);
        return shown;
    };
    shown.title = profile
        .headline
        .as_deref()
        .map(|h| shorten(&inert(h), CARD_TITLE_CHARS));
    shown.description = profile.about.as_deref().map(inert);
    let field = |key: &str, value: String| CardField {
        name: cx.text(key),
        value: shorten(&value, CARD_FIELD_VALUE_CHARS),
        inline: false,
    };
    if !profile.skills.is_empty() {
        let skills: Vec<String> = profile.skills.iter().map(|s| inert(s.as_str())).collect();
        shown.fields.push(field("card-skills", skills.join(" · ")));
    }
    if !profile.open_to.is_empty() {
        shown
            .fields
            .push(field("card-open-to", open_to_text(cx, &profile.open_to)));
    }
    if !profile.links.is_empty() {
        // The one field that makes links: checked https addresses, shown as they are.
        let links: Vec<&str> = profile.links.iter().map(|l| l.as_str()).collect();
        shown.fields.push(field("card-links", links.join("\n")));
    }
    shown.fields.push(connections);
    shown
}

fn open_to_text(cx: Cx<'_>, open_to: &[OpenTo]) -> String {
    let labels: Vec<String> = open_to
        .iter()
        .map(|o| open_to_label(cx.language, *o))
        .collect();
    labels.join(", ")
}

/// The profile form, filled in with what is saved.
pub(super) async fn form(cx: Cx<'_>, guild: GuildId, member: MemberId) -> Response {
    let profile = match cx.network.own_profile(guild, member).await {
        Ok(profile) => profile,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    let current = |pick: fn(&Profile) -> String| profile.as_ref().map(pick).unwrap_or_default();
    let chars = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let fields = vec![
        FormField {
            id: HEADLINE_FIELD,
            label: cx.text("form-headline"),
            paragraph: false,
            value: current(|p| p.headline.clone().unwrap_or_default()),
            placeholder: cx.text("form-headline-placeholder"),
            max_chars: chars(MAX_HEADLINE_CHARS),
        },
        FormField {
            id: ABOUT_FIELD,
            label: cx.text("form-about"),
            paragraph: true,
            value: current(|p| p.about.clone().unwrap_or_default()),
            placeholder: cx.text("form-about-placeholder"),
            max_chars: chars(MAX_ABOUT_CHARS),
        },
        FormField {
            id: SKILLS_FIELD,
            label: cx.format("form-skills", &[("max", MAX_SKILLS.into())]),
            paragraph: false,
            value: current(|p| {
                let skills: Vec<&str> = p.skills.iter().map(|s| s.as_str()).collect();
                skills.join(", ")
            }),
            placeholder: cx.text("form-skills-placeholder"),
            // Room for every skill at its longest, with separators.
            max_chars: chars(MAX_SKILLS * (MAX_SKILL_CHARS + 2)),
        },
        FormField {
            id: LINKS_FIELD,
            label: cx.format("form-links", &[("max", MAX_LINKS.into())]),
            paragraph: true,
            value: current(|p| {
                let links: Vec<&str> = p.links.iter().map(|l| l.as_str()).collect();
                links.join("\n")
            }),
            placeholder: cx.text("form-links-placeholder"),
            max_chars: chars(MAX_LINKS * (MAX_LINK_CHARS + 1)),
        },
    ];
    Response::only(Reply::form(Form {
        action: ComponentAction::EditProfile { guild, member },
        title: cx.text("form-title"),
        fields,
    }))
}

/// The form submitted: saved whole, or refused whole with the problem named; then the card,
/// and the menu for what they are open to (the form has no room for it).
pub(super) async fn save(
    cx: Cx<'_>,
    guild: GuildId,
    member: MemberId,
    draft: ProfileDraft,
) -> Response {
    match cx.network.save_profile(guild, member, draft).await {
        Ok(Some(profile)) => saved(cx, guild, member, &profile, ReplyKind::New).await,
        Ok(None) => Response::only(
            Reply::new(cx.text("profile-empty")).with_button(edit_button(cx, guild, member)),
        ),
        Err(error) => {
            let reply = refusal(cx, error, ReplyKind::New);
            Response::only(reply.with_button(edit_button(cx, guild, member)))
        }
    }
}

/// "Saved", the card as others see it, and the "Open to" menu.
async fn saved(
    cx: Cx<'_>,
    guild: GuildId,
    member: MemberId,
    profile: &Profile,
    kind: ReplyKind,
) -> Response {
    let card = match cx.network.profile_card(guild, member, member).await {
        Ok(card) => card,
        Err(error) => return Response::only(refusal(cx, error, kind)),
    };
    let options = OpenTo::all()
        .map(|o| SelectOption {
            label: open_to_label(cx.language, o),
            value: o.as_str().to_owned(),
            description: None,
            picked: profile.open_to.contains(&o),
        })
        .collect::<Vec<_>>();
    let most = u8::try_from(options.len()).unwrap_or(u8::MAX);
    Response::only(
        Reply::new(cx.text("profile-saved"))
            .with_kind(kind)
            .with_card(card_of(cx, &card, None))
            .with_row(Row::Select(Select {
                options,
                least: 0,
                most,
                ..Select::one(
                    ComponentAction::OpenToPick { guild, member },
                    cx.text("open-to-placeholder"),
                )
            }))
            .with_button(edit_button(cx, guild, member)),
    )
}

/// What they are open to, picked from the menu.
pub(super) async fn pick_open_to(
    cx: Cx<'_>,
    guild: GuildId,
    member: MemberId,
    values: &[String],
) -> Response {
    let Some(open_to) = values
        .iter()
        .map(|v| OpenTo::parse(v))
        .collect::<Option<Vec<_>>>()
    else {
        return Response::only(Reply::new(crate::bot::error_text::input_error(
            cx.language,
            &crate::bot::request::InputError::Unknown,
        )));
    };
    match cx.network.set_open_to(guild, member, open_to).await {
        Ok(Some(profile)) => saved(cx, guild, member, &profile, ReplyKind::UpdateClicked).await,
        Ok(None) => Response::only(
            Reply::update(cx.text("profile-empty")).with_button(edit_button(cx, guild, member)),
        ),
        Err(error) => Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
    }
}

pub(super) async fn suggestions(cx: Cx<'_>, actor: Actor) -> Response {
    let (guild, me) = (actor.guild, actor.member);
    let suggestions = match cx.network.suggestions(guild, me, SUGGESTIONS).await {
        Ok(list) => list,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    if suggestions.is_empty() {
        return Response::only(Reply::new(cx.text("suggestions-none")));
    }
    let ids: Vec<MemberId> = suggestions.iter().map(|s| s.member).collect();
    let names = cx.network.names_of(guild, &ids).await.unwrap_or_default();
    let mut text = cx.text("suggestions-heading");
    let mut reply = Reply::new(String::new());
    for (n, suggestion) in suggestions.iter().enumerate() {
        text.push('\n');
        text.push_str(&cx.format(
            "suggestions-line",
            &[
                ("n", (n + 1).into()),
                ("member", mention(suggestion.member).into()),
                ("count", suggestion.mutual_connections.into()),
            ],
        ));
        if !suggestion.shared_skills.is_empty() {
            let shared: Vec<String> = suggestion
                .shared_skills
                .iter()
                .take(SHARED_SKILLS_SHOWN)
                .map(|s| inert(s))
                .collect();
            text.push_str(" · ");
            text.push_str(&cx.format(
                "suggestions-shares",
                &[("skills", shared.join(", ").into())],
            ));
        }
        let name = label_name(
            cx.language,
            names.get(n).and_then(Option::as_ref),
            suggestion.member,
        );
        reply = reply.with_button(Button::new(
            cx.format("button-invite-name", &[("name", name.into())]),
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
