//! Profile cards (a member's profile and how you are linked to them, or your own), the profile
//! form and the "Open to" menu that follows it, and People you may know.

use super::{Cx, refusal};
use crate::bot::commands::open_to_label;
use crate::bot::custom_id::ComponentAction;
use crate::bot::i18n::Language;
use crate::bot::request::Actor;
use crate::bot::response::{
    Button, ButtonStyle, CARD_FIELD_VALUE_CHARS, CARD_TITLE_CHARS, Card, CardField, Form,
    FormField, Reply, ReplyKind, Response, Row, Select, SelectOption,
};
use crate::bot::text::{date, escape_markdown, inert, label_name, mention, shorten};
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
    let degree = match relation.degree {
        Degree::First => "1st degree: you're connected",
        Degree::Second => "2nd degree",
        Degree::Third => "3rd degree",
        Degree::Outside => "outside your network",
    };
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
        let noun = if relation.mutuals.count == 1 {
            "mutual connection"
        } else {
            "mutual connections"
        };
        let more = relation.mutuals.count as usize - shown.len();
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "\n{} {noun}: {}{tail}",
            relation.mutuals.count,
            shown.join(", ")
        ));
    }
    if let Some(since) = relation.connected_since {
        text.push_str(&format!("\nConnected since {}", date(since)));
    }
    if !relation.tags.is_empty() {
        let tags: Vec<String> = relation
            .tags
            .iter()
            .map(|t| format!("`{}`", t.as_str().replace('`', "'")))
            .collect();
        text.push_str(&format!("\nYour tags: {}", tags.join(" ")));
    }
    // The one action that fits.
    let button = match (relation.connected_since.is_some(), relation.pending) {
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
    let reply = Reply::new(text).with_card(card_of(&card, avatar));
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
    let mut text = format!(
        "**Your network**\nConnections: {}\nInvitations waiting for you: {}\nInvitations you sent, pending: {}\nInvitations left this week: {}",
        counts.connections,
        counts.invitations_received,
        counts.invitations_sent,
        counts.invitations_left_this_week
    );
    if card.profile.is_none() {
        text.push_str(
            "\n\nYou have no profile yet: add a headline, skills and links so that people can \
             find you with /people.",
        );
    }
    Response::only(
        Reply::new(text)
            .with_card(card_of(&card, avatar))
            .with_button(edit_button(guild, me)),
    )
}

fn edit_button(guild: GuildId, member: MemberId) -> Button {
    Button::new(
        "Edit profile",
        ButtonStyle::Primary,
        ComponentAction::EditProfile { guild, member },
    )
}

/// A profile card: what the viewer may see of it.
fn card_of(card: &ProfileCard, avatar: Option<String>) -> Card {
    let author = match &card.names {
        Some(names) => shorten(&names.display_name, CARD_TITLE_CHARS),
        None => label_name(None, card.member),
    };
    let mut shown = Card {
        author,
        avatar_url: avatar,
        ..Card::default()
    };
    let connections = CardField {
        name: "Connections".to_owned(),
        value: card.connections.to_string(),
        inline: true,
    };
    if card.hidden {
        shown.description = Some("Their profile is visible to their connections.".to_owned());
        return shown;
    }
    let Some(profile) = &card.profile else {
        shown.description = Some("No profile yet.".to_owned());
        shown.fields.push(connections);
        return shown;
    };
    shown.title = profile
        .headline
        .as_deref()
        .map(|h| shorten(&inert(h), CARD_TITLE_CHARS));
    shown.description = profile.about.as_deref().map(inert);
    let field = |name: &str, value: String| CardField {
        name: name.to_owned(),
        value: shorten(&value, CARD_FIELD_VALUE_CHARS),
        inline: false,
    };
    if !profile.skills.is_empty() {
        let skills: Vec<String> = profile.skills.iter().map(|s| inert(s.as_str())).collect();
        shown.fields.push(field("Skills", skills.join(" · ")));
    }
    if !profile.open_to.is_empty() {
        shown
            .fields
            .push(field("Open to", open_to_text(&profile.open_to)));
    }
    if !profile.links.is_empty() {
        // The one field that makes links: checked https addresses, shown as they are.
        let links: Vec<&str> = profile.links.iter().map(|l| l.as_str()).collect();
        shown.fields.push(field("Links", links.join("\n")));
    }
    shown.fields.push(connections);
    shown
}

fn open_to_text(open_to: &[OpenTo]) -> String {
    let labels: Vec<String> = open_to
        .iter()
        .map(|o| open_to_label(Language::English, *o))
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
            label: "Headline".to_owned(),
            paragraph: false,
            value: current(|p| p.headline.clone().unwrap_or_default()),
            placeholder: "What you do, in a line".to_owned(),
            max_chars: chars(MAX_HEADLINE_CHARS),
        },
        FormField {
            id: ABOUT_FIELD,
            label: "About".to_owned(),
            paragraph: true,
            value: current(|p| p.about.clone().unwrap_or_default()),
            placeholder: "A few words about you and your work".to_owned(),
            max_chars: chars(MAX_ABOUT_CHARS),
        },
        FormField {
            id: SKILLS_FIELD,
            label: format!("Skills, comma-separated (up to {MAX_SKILLS})"),
            paragraph: false,
            value: current(|p| {
                let skills: Vec<&str> = p.skills.iter().map(|s| s.as_str()).collect();
                skills.join(", ")
            }),
            placeholder: "Rust, PostgreSQL, mentoring".to_owned(),
            // Room for every skill at its longest, with separators.
            max_chars: chars(MAX_SKILLS * (MAX_SKILL_CHARS + 2)),
        },
        FormField {
            id: LINKS_FIELD,
            label: format!("Links, one per line (up to {MAX_LINKS})"),
            paragraph: true,
            value: current(|p| {
                let links: Vec<&str> = p.links.iter().map(|l| l.as_str()).collect();
                links.join("\n")
            }),
            placeholder: "https://…".to_owned(),
            max_chars: chars(MAX_LINKS * (MAX_LINK_CHARS + 1)),
        },
    ];
    Response::only(Reply::form(Form {
        action: ComponentAction::EditProfile { guild, member },
        title: "Edit your profile".to_owned(),
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
            Reply::new("Your profile is empty now, so there's nothing to show.")
                .with_button(edit_button(guild, member)),
        ),
        Err(error) => {
            let reply = refusal(cx, error, ReplyKind::New);
            Response::only(reply.with_button(edit_button(guild, member)))
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
            label: open_to_label(Language::English, o),
            value: o.as_str().to_owned(),
            description: None,
            picked: profile.open_to.contains(&o),
        })
        .collect::<Vec<_>>();
    let most = u8::try_from(options.len()).unwrap_or(u8::MAX);
    Response::only(
        Reply::new("Saved. This is your profile; pick what you're open to below.")
            .with_kind(kind)
            .with_card(card_of(&card, None))
            .with_row(Row::Select(Select {
                options,
                least: 0,
                most,
                ..Select::one(
                    ComponentAction::OpenToPick { guild, member },
                    "Open to… (pick any, or none)",
                )
            }))
            .with_button(edit_button(guild, member)),
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
            Reply::update("Your profile is empty now, so there's nothing to show.")
                .with_button(edit_button(guild, member)),
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
        return Response::only(Reply::new(
            "No suggestions right now. They come from your connections' connections: \
             connect with a few people first.",
        ));
    }
    let ids: Vec<MemberId> = suggestions.iter().map(|s| s.member).collect();
    let names = cx.network.names_of(guild, &ids).await.unwrap_or_default();
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
        if !suggestion.shared_skills.is_empty() {
            let shared: Vec<String> = suggestion
                .shared_skills
                .iter()
                .take(SHARED_SKILLS_SHOWN)
                .map(|s| inert(s))
                .collect();
            text.push_str(&format!(" · shares {}", shared.join(", ")));
        }
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
