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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyKind {
    /// A new ephemeral message.
    New,
    /// Replace the message whose component was used (its components go unless new ones are
    /// given). Answering a command this way falls back to a new message.
    UpdateClicked,
    /// Suggestions for what is being typed (autocomplete): the text and rows are unused.
    Choices(Vec<String>),
}

impl Reply {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::New,
            text: text.into(),
            rows: Vec::new(),
            file: None,
        }
    }

    pub fn update(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::UpdateClicked,
            text: text.into(),
            rows: Vec::new(),
            file: None,
        }
    }

    pub fn choices(choices: Vec<String>) -> Self {
        Self {
            kind: ReplyKind::Choices(choices),
            text: String::new(),
            rows: Vec::new(),
            file: None,
        }
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

/// A menu to pick one option from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    pub action: ComponentAction,
    pub placeholder: String,
    pub options: Vec<SelectOption>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
    pub description: Option<String>,
}
