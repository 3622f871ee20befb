//! Talking to Discord: answering interactions and delivering notifications by DM.

use serenity::all::{
    CommandInteraction, ComponentInteraction, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateMessage, Http, ModalInteraction, UserId,
};

use super::i18n::Language;
use crate::network::MemberId;

/// Discord's error code for "Cannot send messages to this user" (DMs closed to the bot).
const DMS_CLOSED: isize = 50007;

/// The interaction being answered, whichever kind it is.
#[derive(Clone, Copy)]
pub enum Answering<'a> {
    Command(&'a CommandInteraction),
    Autocomplete(&'a CommandInteraction),
    Component(&'a ComponentInteraction),
    /// A form submitted.
    Form(&'a ModalInteraction),
}

impl<'a> Answering<'a> {
    pub fn is_click(self) -> bool {
        matches!(self, Self::Component(_))
    }

    pub fn is_autocomplete(self) -> bool {
        matches!(self, Self::Autocomplete(_))
    }

    /// Who acted.
    pub fn user(self) -> serenity::all::UserId {
        match self {
            Self::Command(i) | Self::Autocomplete(i) => i.user.id,
            Self::Component(i) => i.user.id,
            Self::Form(i) => i.user.id,
        }
    }

    /// The client's locale, and the server's where the interaction came from one.
    pub fn locales(self) -> (&'a str, Option<&'a str>) {
        match self {
            Self::Command(i) | Self::Autocomplete(i) => (&i.locale, i.guild_locale.as_deref()),
            Self::Component(i) => (&i.locale, i.guild_locale.as_deref()),
            Self::Form(i) => (&i.locale, i.guild_locale.as_deref()),
        }
    }

    /// The language to answer in: the one the person's Discord client uses.
    pub fn language(self) -> Language {
        Language::from_discord(match self {
            Self::Command(i) | Self::Autocomplete(i) => &i.locale,
            Self::Component(i) => &i.locale,
            Self::Form(i) => &i.locale,
        })
    }

    pub async fn respond(
        self,
        http: &Http,
        response: CreateInteractionResponse,
    ) -> serenity::Result<()> {
        match self {
            Self::Command(i) | Self::Autocomplete(i) => i.create_response(http, response).await,
            Self::Component(i) => i.create_response(http, response).await,
            Self::Form(i) => i.create_response(http, response).await,
        }
    }

    pub async fn follow_up(
        self,
        http: &Http,
        message: CreateInteractionResponseFollowup,
    ) -> serenity::Result<()> {
        match self {
            Self::Command(i) | Self::Autocomplete(i) => {
                i.create_followup(http, message).await.map(drop)
            }
            Self::Component(i) => i.create_followup(http, message).await.map(drop),
            Self::Form(i) => i.create_followup(http, message).await.map(drop),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DmError {
    #[error("the member does not accept direct messages from the bot")]
    Closed,
    #[error("sending the direct message failed")]
    Failed(#[source] serenity::Error),
}

/// Opens (or reuses) the DM channel with `recipient` and sends `message`.
pub async fn direct_message(
    http: &Http,
    recipient: MemberId,
    message: CreateMessage,
) -> Result<(), DmError> {
    let channel = UserId::new(recipient.get())
        .create_dm_channel(http)
        .await
        .map_err(classify)?;
    channel
        .send_message(http, message)
        .await
        .map_err(classify)?;
    Ok(())
}

/// Discord refuses with 50007 either when the DM is opened or when the message is sent.
fn classify(error: serenity::Error) -> DmError {
    match &error {
        serenity::Error::Http(serenity::all::HttpError::UnsuccessfulRequest(response))
            if response.error.code == DMS_CLOSED =>
        {
            DmError::Closed
        }
        _ => DmError::Failed(error),
    }
}
