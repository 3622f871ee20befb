//! Responses out, Discord requests in: turns replies and notifications into serenity builders.
//! Every message gets empty `allowed_mentions`, so names render but nobody is pinged; every
//! reply is ephemeral.

use serenity::all::{
    AutocompleteChoice, ButtonStyle as DiscordButtonStyle, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedAuthor,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, CreateSelectMenu,
    CreateSelectMenuKind, CreateSelectMenuOption, InputTextStyle,
};

use super::custom_id::ComponentAction;
use super::i18n::Language;
use super::response::{
    AUTOCOMPLETE_CHOICES, Button, ButtonStyle, Card, Form, Reply, ReplyKind, Row,
};
use super::text::{escape_markdown, inert};
use crate::network::{Notification, NotificationEvent};

/// No @everyone, no roles, no users, no reply ping.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .everyone(false)
        .all_roles(false)
        .all_users(false)
        .replied_user(false)
}

/// The callback for an interaction. `clicked` says whether it answers a button click, which is
/// the only case where the clicked message can be updated in place.
pub fn interaction_response(reply: &Reply, clicked: bool) -> CreateInteractionResponse {
    match &reply.kind {
        ReplyKind::Choices(choices) => {
            let choices = choices
                .iter()
                .take(AUTOCOMPLETE_CHOICES)
                .map(|c| AutocompleteChoice::new(c.name.clone(), c.value.clone()))
                .collect();
            return CreateInteractionResponse::Autocomplete(
                CreateAutocompleteResponse::new().set_choices(choices),
            );
        }
        ReplyKind::Form(form) => return CreateInteractionResponse::Modal(modal(form)),
        ReplyKind::New | ReplyKind::UpdateClicked => {}
    }
    let message = CreateInteractionResponseMessage::new()
        .content(&reply.text)
        .allowed_mentions(no_pings())
        .components(rows(&reply.rows))
        .embeds(reply.card.iter().map(embed).collect());
    let message = match &reply.file {
        Some((name, contents)) => {
            message.add_file(CreateAttachment::bytes(contents.clone(), name.clone()))
        }
        None => message,
    };
    match (&reply.kind, clicked) {
        (ReplyKind::UpdateClicked, true) => CreateInteractionResponse::UpdateMessage(message),
        _ => CreateInteractionResponse::Message(message.ephemeral(true)),
    }
}

fn modal(form: &Form) -> CreateModal {
    let fields = form
        .fields
        .iter()
        .map(|field| {
            let style = if field.paragraph {
                InputTextStyle::Paragraph
            } else {
                InputTextStyle::Short
            };
            let input = CreateInputText::new(style, &field.label, field.id)
                .value(&field.value)
                .max_length(field.max_chars)
                // Emptying a field clears it.
                .required(false);
            let input = if field.placeholder.is_empty() {
                input
            } else {
                input.placeholder(&field.placeholder)
            };
            CreateActionRow::InputText(input)
        })
        .collect();
    CreateModal::new(form.action.to_string(), &form.title).components(fields)
}

fn embed(card: &Card) -> CreateEmbed {
    let author = CreateEmbedAuthor::new(&card.author);
    let author = match &card.avatar_url {
        Some(url) => author.icon_url(url),
        None => author,
    };
    let mut embed = CreateEmbed::new().author(author);
    if let Some(title) = &card.title {
        embed = embed.title(title);
    }
    if let Some(description) = &card.description {
        embed = embed.description(description);
    }
    for field in &card.fields {
        embed = embed.field(&field.name, &field.value, field.inline);
    }
    embed
}

/// A follow-up to the person who acted, after the reply (e.g. "they don't accept DMs").
pub fn followup(text: &str) -> CreateInteractionResponseFollowup {
    CreateInteractionResponseFollowup::new()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(no_pings())
}

/// Names a notification mentions, looked up before rendering.
pub struct NotificationNames {
    /// The other member, already formatted (bold name or mention).
    pub other: String,
    pub server: String,
}

/// The DM for a notification, in the recipient's language.
pub fn notification_message(
    notification: &Notification,
    names: &NotificationNames,
    language: Language,
) -> CreateMessage {
    let server = format!("**{}**", escape_markdown(&names.server));
    let other = &names.other;
    let guild = notification.guild();
    let me = notification.recipient();
    let message = CreateMessage::new().allowed_mentions(no_pings());
    match notification.event() {
        NotificationEvent::InvitationReceived { from, note } => {
            let mut text = language.format(
                "dm-invited",
                &[
                    ("member", other.clone().into()),
                    ("server", server.clone().into()),
                ],
            );
            if let Some(note) = note {
                text.push('\n');
                for line in note.as_str().lines() {
                    text.push_str("\n> ");
                    text.push_str(&inert(line));
                }
            }
            let accept = ComponentAction::Accept {
                guild,
                inviter: *from,
                invitee: me,
            };
            let ignore = ComponentAction::Ignore {
                guild,
                inviter: *from,
                invitee: me,
            };
            let buttons = vec![
                Button::new(language.text("button-accept"), ButtonStyle::Success, accept),
                Button::new(
                    language.text("button-ignore"),
                    ButtonStyle::Secondary,
                    ignore,
                ),
                Button::new(
                    language.text(super::handlers::DONT_KNOW),
                    ButtonStyle::Danger,
                    ComponentAction::Report {
                        guild,
                        inviter: *from,
                        invitee: me,
                    },
                ),
            ];
            message
                .content(text)
                .components(rows(&[Row::Buttons(buttons)]))
        }
        NotificationEvent::InvitationAccepted { .. } => message.content(language.format(
            "dm-accepted",
            &[("member", other.clone().into()), ("server", server.into())],
        )),
        NotificationEvent::AutoAccepted { .. } => message.content(language.format(
            "dm-auto-accepted",
            &[("member", other.clone().into()), ("server", server.into())],
        )),
    }
}

fn rows(rows: &[Row]) -> Vec<CreateActionRow> {
    rows.iter()
        .map(|row| match row {
            Row::Buttons(buttons) => CreateActionRow::Buttons(buttons.iter().map(button).collect()),
            Row::Select(select) => {
                let options = select
                    .options
                    .iter()
                    .map(|o| {
                        let option = CreateSelectMenuOption::new(&o.label, &o.value)
                            .default_selection(o.picked);
                        match &o.description {
                            Some(description) => option.description(description),
                            None => option,
                        }
                    })
                    .collect();
                CreateActionRow::SelectMenu(
                    CreateSelectMenu::new(
                        select.action.to_string(),
                        CreateSelectMenuKind::String { options },
                    )
                    .placeholder(&select.placeholder)
                    .min_values(select.least)
                    .max_values(select.most),
                )
            }
        })
        .collect()
}

fn button(button: &Button) -> CreateButton {
    let style = match button.style {
        ButtonStyle::Primary => DiscordButtonStyle::Primary,
        ButtonStyle::Secondary => DiscordButtonStyle::Secondary,
        ButtonStyle::Success => DiscordButtonStyle::Success,
        ButtonStyle::Danger => DiscordButtonStyle::Danger,
    };
    CreateButton::new(button.action.to_string())
        .label(&button.label)
        .style(style)
        .disabled(button.disabled)
}
