//! What a handler decides should happen, as plain values: the reply to the person who acted and
//! the notifications for others. Rendering them into Discord requests is `render`'s job; a test
//! can read a `Response` and know, for instance, that a disconnect notifies nobody.

use super::custom_id::ComponentAction;
use crate::network::Notification;

/// Discord allows at most 5 buttons in a row and 5 rows in a message.
pub const BUTTONS_PER_ROW: usize = 5;
pub const ROWS_PER_MESSAGE: usize = 5;
/// Discord's limits on a select menu and on autocomplete.
pub const SELECT_OPTIONS: usize = 25;
pub const AUTOCOMPLETE_CHOICES: usize = 25;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub reply: Reply,
    /// Sent after the reply, never before: the person who acted never waits on a DM.
    pub notifications: Vec<Outgoing>,
}

impl Response {
    /// A reply and nothing else.
    pub fn only(reply: Reply) -> Self {
        Self {
            reply,
            notifications: Vec::new(),
        }
    }
}

/// A notification to deliver by DM, and what to tell the person who acted if it cannot be
/// delivered because the recipient does not accept DMs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub notification: Notification,
    pub if_dms_closed: Option<String>,
}

/// The answer to an interaction. Always ephemeral: only the person who acted sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub kind: ReplyKind,
    pub text: String,
    pub rows: Vec<Row>,
    /// A file to attach: its name and contents.
    pub file: Option<(String, Vec<u8>)>,
    /// A card shown under the text (an embed).
    pub card: Option<Card>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyKind {
    /// A new ephemeral message.
    New,
    /// Replace the message whose component was used (its components go unless new ones are
    /// given). Answering a command this way falls back to a new message.
    UpdateClicked,
    /// Suggestions for what is being typed (autocomplete): the text and rows are unused.
    Choices(Vec<Choice>),
    /// A form to fill in (a modal): the text and rows are unused.
    Form(Form),
}

/// One autocomplete suggestion: what the list shows, and what choosing it types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

impl Choice {
    /// A suggestion shown as the value it types.
    pub fn plain(value: impl Into<String>) -> Self {
        let value = value.into();
        Self {
            name: value.clone(),
            value,
        }
    }
}

/// Discord's limits on a modal: its title and each field's label.
pub const FORM_TITLE_CHARS: usize = 45;
pub const FIELD_LABEL_CHARS: usize = 45;
pub const FIELD_PLACEHOLDER_CHARS: usize = 100;

/// A modal form; submitting it comes back as an interaction carrying `action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub action: ComponentAction,
    pub title: String,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// What the submission calls it.
    pub id: &'static str,
    pub label: String,
    /// Several lines, or one.
    pub paragraph: bool,
    /// Prefilled.
    pub value: String,
    pub placeholder: String,
    pub max_chars: u16,
}

/// Discord's limits on an embed.
pub const CARD_TITLE_CHARS: usize = 256;
pub const CARD_FIELD_NAME_CHARS: usize = 256;
pub const CARD_FIELD_VALUE_CHARS: usize = 1024;

/// An embed: a profile card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    /// Shown at the top, with the avatar.
    pub author: String,
    pub avatar_url: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub fields: Vec<CardField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardField {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

impl Reply {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::New,
            text: text.into(),
            rows: Vec::new(),
            file: None,
            card: None,
        }
    }

    pub fn update(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::UpdateClicked,
            text: text.into(),
            rows: Vec::new(),
            file: None,
            card: None,
        }
    }

    pub fn choices(choices: Vec<Choice>) -> Self {
        Self {
            kind: ReplyKind::Choices(choices),
            text: String::new(),
            rows: Vec::new(),
            file: None,
            card: None,
        }
    }

    /// A modal form to fill in.
    pub fn form(form: Form) -> Self {
        Self::new(String::new()).with_kind(ReplyKind::Form(form))
    }

    pub fn with_card(mut self, card: Card) -> Self {
        self.card = Some(card);
        self
    }

    pub fn with_file(mut self, name: impl Into<String>, contents: Vec<u8>) -> Self {
        self.file = Some((name.into(), contents));
        self
    }

    pub fn with_kind(mut self, kind: ReplyKind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds a button to the last row of buttons, or starts a new row when it is full.
    pub fn with_button(mut self, button: Button) -> Self {
        match self.rows.last_mut() {
            Some(Row::Buttons(row)) if row.len() < BUTTONS_PER_ROW => row.push(button),
            _ => self.rows.push(Row::Buttons(vec![button])),
        }
        self
    }

    pub fn with_row(mut self, row: Row) -> Self {
        self.rows.push(row);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Buttons(Vec<Button>),
    Select(Select),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub style: ButtonStyle,
    pub action: ComponentAction,
    pub disabled: bool,
}

impl Button {
    pub fn new(label: impl Into<String>, style: ButtonStyle, action: ComponentAction) -> Self {
        Self {
            label: label.into(),
            style,
            action,
            disabled: false,
        }
    }

    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
    Success,
    Danger,
}

/// A menu to pick from: one option, or (with `most` above 1) several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    pub action: ComponentAction,
    pub placeholder: String,
    pub options: Vec<SelectOption>,
    /// How many options may be picked: at least, at most.
    pub least: u8,
    pub most: u8,
}

impl Select {
    /// A menu to pick one option from.
    pub fn one(action: ComponentAction, placeholder: impl Into<String>) -> Self {
        Self {
            action,
            placeholder: placeholder.into(),
            options: Vec::new(),
            least: 1,
            most: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
    pub description: Option<String>,
    /// Shown picked when the menu appears.
    pub picked: bool,
}
