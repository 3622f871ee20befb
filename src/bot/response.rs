//! What a handler decides should happen, as plain values: the reply to the person who acted and
//! the notifications for others. Rendering them into Discord requests is `render`'s job; a test
//! can read a `Response` and know, for instance, that a disconnect notifies nobody.

use super::custom_id::ButtonAction;
use crate::network::Notification;

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
    pub buttons: Vec<Button>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    /// A new ephemeral message.
    New,
    /// Replace the message whose button was clicked (its buttons go unless new ones are given).
    /// Answering a slash command this way falls back to a new message.
    UpdateClicked,
}

impl Reply {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::New,
            text: text.into(),
            buttons: Vec::new(),
        }
    }

    pub fn update(text: impl Into<String>) -> Self {
        Self {
            kind: ReplyKind::UpdateClicked,
            text: text.into(),
            buttons: Vec::new(),
        }
    }

    pub fn with_button(mut self, button: Button) -> Self {
        self.buttons.push(button);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: &'static str,
    pub style: ButtonStyle,
    pub action: ButtonAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
    Success,
    Danger,
}
