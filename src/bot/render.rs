//! Responses out, Discord requests in: turns replies and notifications into serenity builders.
//! Every message gets empty `allowed_mentions`, so names render but nobody is pinged; every
//! reply is ephemeral.

use serenity::all::{
    AutocompleteChoice, ButtonStyle as DiscordButtonStyle, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateAutocompleteResponse, CreateButton, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage,
    CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
};

use super::custom_id::ComponentAction;
use super::response::{AUTOCOMPLETE_CHOICES, Button, ButtonStyle, Reply, ReplyKind, Row};
use super::text::escape_markdown;
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
    if let ReplyKind::Choices(choices) = &reply.kind {
        let choices = choices
            .iter()
            .take(AUTOCOMPLETE_CHOICES)
            .map(|c| AutocompleteChoice::new(c.clone(), c.clone()))
            .collect();
        return CreateInteractionResponse::Autocomplete(
            CreateAutocompleteResponse::new().set_choices(choices),
        );
    }
    let message = CreateInteractionResponseMessage::new()
        .content(&reply.text)
        .allowed_mentions(no_pings())
        .components(rows(&reply.rows));
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

/// The DM for a notification.
pub fn notification_message(
    notification: &Notification,
    names: &NotificationNames,
) -> CreateMessage {
    let server = format!("**{}**", escape_markdown(&names.server));
    let other = &names.other;
    let guild = notification.guild();
    let me = notification.recipient();
    let message = CreateMessage::new().allowed_mentions(no_pings());
    match notification.event() {
        NotificationEvent::InvitationReceived { from, note } => {
            let mut text = format!("{other} invited you to connect on {server}.");
            if let Some(note) = note {
                text.push('\n');
                for line in note.as_str().lines() {
                    text.push_str("\n> ");
                    text.push_str(line);
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
                Button::new("Accept", ButtonStyle::Success, accept),
                Button::new("Ignore", ButtonStyle::Secondary, ignore),
                Button::new(
                    super::handlers::DONT_KNOW,
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
        NotificationEvent::InvitationAccepted { .. } => message.content(format!(
            "{other} accepted your invitation on {server}. You're now connected."
        )),
        NotificationEvent::AutoAccepted { .. } => message.content(format!(
            "{other} invited you to connect on {server}, and you're now connected \
             (you accept invitations automatically)."
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
                        let option = CreateSelectMenuOption::new(&o.label, &o.value);
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
                    .placeholder(&select.placeholder),
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
