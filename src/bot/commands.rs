//! The routing table: every command the bot registers, its definition, and (in `parse`) how its
//! interactions become requests. Both are exhaustive `match`es over [`CommandName`], so a
//! command cannot be registered without being handled, or handled without being registered.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext,
};

use crate::network::MAX_NOTE_CHARS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandName {
    Invite,
    Connect,
    Disconnect,
    /// User context menu (a member's profile → Apps).
    InviteToConnect,
    /// User context menu. Names the one person; never "Remove connections".
    RemoveConnection,
}

/// The option names, shared by the definitions and the parser.
pub const MEMBER_OPTION: &str = "member";
pub const NOTE_OPTION: &str = "note";

impl CommandName {
    pub const ALL: [CommandName; 5] = [
        Self::Invite,
        Self::Connect,
        Self::Disconnect,
        Self::InviteToConnect,
        Self::RemoveConnection,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Invite => "invite",
            Self::Connect => "connect",
            Self::Disconnect => "disconnect",
            Self::InviteToConnect => "Invite to connect",
            Self::RemoveConnection => "Remove connection",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The command as registered with Discord: usable in servers only, installed to servers.
    pub fn definition(self) -> CreateCommand {
        let member = |description: &str| {
            CreateCommandOption::new(CommandOptionType::User, MEMBER_OPTION, description)
                .required(true)
        };
        let command = match self {
            Self::Invite => CreateCommand::new(self.name())
                .description("Invite a member to connect")
                .add_option(member("Who to invite"))
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        NOTE_OPTION,
                        "How you met, or why you'd like to connect",
                    )
                    .max_length(MAX_NOTE_CHARS as u16),
                ),
            Self::Connect => CreateCommand::new(self.name())
                .description("Accept a member's invitation to connect")
                .add_option(member("Whose invitation to accept")),
            Self::Disconnect => CreateCommand::new(self.name())
                .description("Remove one connection (they won't be notified)")
                .add_option(member("Which connection to remove")),
            Self::InviteToConnect | Self::RemoveConnection => {
                CreateCommand::new(self.name()).kind(CommandType::User)
            }
        };
        command
            .contexts(vec![InteractionContext::Guild])
            .integration_types(vec![InstallationContext::Guild])
    }
}

/// Every command, for one bulk overwrite at start-up.
pub fn definitions() -> Vec<CreateCommand> {
    CommandName::ALL
        .into_iter()
        .map(CommandName::definition)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for command in CommandName::ALL {
            assert_eq!(CommandName::from_name(command.name()), Some(command));
        }
        assert_eq!(CommandName::from_name("Remove connections"), None);
    }
}
