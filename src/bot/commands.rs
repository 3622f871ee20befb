//! The routing table: every command the bot registers, its definition, and (in `parse`) how its
//! interactions become requests. Both are exhaustive `match`es over [`CommandName`], so a
//! command cannot be registered without being handled, or handled without being registered.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext, Permissions,
};

use strum::IntoEnumIterator;

use crate::network::{
    GuildLimits, InvitePolicy, MAX_NOTE_CHARS, MAX_SKILL_CHARS, MAX_TAG_CHARS, OpenTo,
    ProfileVisibility,
};

/// Every command; the list is derived (`CommandName::iter()`), so none can be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum CommandName {
    Invite,
    Connect,
    Disconnect,
    Connections,
    Invitations,
    /// `/profile view|edit`.
    Profile,
    /// `/people`: find members by skill, words and what they are open to.
    People,
    Tag,
    Suggestions,
    Settings,
    /// `/mydata export|delete`.
    MyData,
    /// Moderators: `/network stats|limits|reports|remove-member|clear-profile`.
    Network,
    /// User context menu (a member's profile → Apps).
    InviteToConnect,
    /// User context menu. Names the one person; never "Remove connections".
    RemoveConnection,
    /// User context menu.
    ViewProfile,
}

/// Option and subcommand names, shared by the definitions and the parser.
pub const MEMBER_OPTION: &str = "member";
pub const NOTE_OPTION: &str = "note";
pub const SEARCH_OPTION: &str = "search";
pub const TAG_OPTION: &str = "tag";
pub const SHOW_OPTION: &str = "show";
pub const SHOW_RECEIVED: &str = "received";
pub const SHOW_SENT: &str = "sent";
pub const TAG_ADD: &str = "add";
pub const TAG_REMOVE: &str = "remove";
pub const INVITES_FROM_OPTION: &str = "invitations_from";
pub const AUTO_ACCEPT_OPTION: &str = "auto_accept";
pub const DM_OPTION: &str = "dm_notifications";
pub const PROFILE_VISIBLE_TO_OPTION: &str = "profile_visible_to";
pub const INVITE_LINKS_OPTION: &str = "allow_invite_links";
pub const MYDATA_EXPORT: &str = "export";
pub const MYDATA_DELETE: &str = "delete";
pub const NETWORK_REMOVE_MEMBER: &str = "remove-member";
pub const NETWORK_STATS: &str = "stats";
pub const NETWORK_LIMITS: &str = "limits";
pub const NETWORK_REPORTS: &str = "reports";
pub const NETWORK_CLEAR_PROFILE: &str = "clear-profile";
pub const PROFILE_VIEW: &str = "view";
pub const PROFILE_EDIT: &str = "edit";
pub const SKILL_OPTION: &str = "skill";
pub const TEXT_OPTION: &str = "text";
pub const OPEN_TO_OPTION: &str = "open_to";
pub const INVITES_PER_WEEK_OPTION: &str = "invites_per_week";
pub const CONNECTION_CAP_OPTION: &str = "connection_cap";
pub const REPORTS_TO_SUSPEND_OPTION: &str = "reports_to_suspend";

/// The longest search text accepted (Discord's own limit on a string option is 6000).
pub const MAX_SEARCH_CHARS: u16 = 100;

impl CommandName {
    pub fn name(self) -> &'static str {
        match self {
            Self::Invite => "invite",
            Self::Connect => "connect",
            Self::Disconnect => "disconnect",
            Self::Connections => "connections",
            Self::Invitations => "invitations",
            Self::Profile => "profile",
            Self::People => "people",
            Self::Tag => "tag",
            Self::Suggestions => "suggestions",
            Self::Settings => "settings",
            Self::MyData => "mydata",
            Self::Network => "network",
            Self::InviteToConnect => "Invite to connect",
            Self::RemoveConnection => "Remove connection",
            Self::ViewProfile => "View network profile",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::iter().find(|c| c.name() == name)
    }

    /// The command as registered with Discord: usable in servers only, installed to servers.
    pub fn definition(self) -> CreateCommand {
        let member = |description: &str| {
            CreateCommandOption::new(CommandOptionType::User, MEMBER_OPTION, description)
                .required(true)
        };
        let tag = |description: &str| {
            CreateCommandOption::new(CommandOptionType::String, TAG_OPTION, description)
                .max_length(MAX_TAG_CHARS as u16)
                .set_autocomplete(true)
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
            Self::Connections => CreateCommand::new(self.name())
                .description("Your connections, newest first")
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        SEARCH_OPTION,
                        "Part of a name",
                    )
                    .max_length(MAX_SEARCH_CHARS),
                )
                .add_option(tag("Only connections with this tag of yours")),
            Self::Invitations => CreateCommand::new(self.name())
                .description("Invitations you received, or sent")
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        SHOW_OPTION,
                        "Which ones (received by default)",
                    )
                    .add_string_choice("Received", SHOW_RECEIVED)
                    .add_string_choice("Sent", SHOW_SENT),
                ),
            Self::Profile => CreateCommand::new(self.name())
                .description("Profile cards: see one, or edit yours")
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        PROFILE_VIEW,
                        "A member's profile and how you're linked, or your own",
                    )
                    .add_sub_option(CreateCommandOption::new(
                        CommandOptionType::User,
                        MEMBER_OPTION,
                        "Who (yourself if left out)",
                    )),
                )
                .add_option(CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    PROFILE_EDIT,
                    "Edit your headline, about, skills, links and what you're open to",
                )),
            Self::People => {
                let open_to = OpenTo::all().fold(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        OPEN_TO_OPTION,
                        "Only people open to this",
                    ),
                    |option, open_to| {
                        option.add_string_choice(open_to_label(open_to), open_to.as_str())
                    },
                );
                CreateCommand::new(self.name())
                    .description("Find members by skill or what they do, closest first")
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            SKILL_OPTION,
                            "A skill on their profile",
                        )
                        .max_length(MAX_SKILL_CHARS as u16)
                        .set_autocomplete(true),
                    )
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            TEXT_OPTION,
                            "Words in their headline or about",
                        )
                        .max_length(MAX_SEARCH_CHARS),
                    )
                    .add_option(open_to)
            }
            Self::Tag => CreateCommand::new(self.name())
                .description("Your private tags on your connections")
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        TAG_ADD,
                        "Tag a connection",
                    )
                    .add_sub_option(member("Which connection"))
                    .add_sub_option(tag("The tag").required(true)),
                )
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        TAG_REMOVE,
                        "Remove a tag from a connection",
                    )
                    .add_sub_option(member("Which connection"))
                    .add_sub_option(tag("The tag").required(true)),
                ),
            Self::Suggestions => CreateCommand::new(self.name()).description("People you may know"),
            Self::Settings => {
                let policy = InvitePolicy::ALL.into_iter().fold(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        INVITES_FROM_OPTION,
                        "Who may invite you",
                    ),
                    |option, policy| {
                        option.add_string_choice(policy_label(policy), policy.as_str())
                    },
                );
                let visibility = ProfileVisibility::iter().fold(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        PROFILE_VISIBLE_TO_OPTION,
                        "Who sees your profile card and finds you in /people",
                    ),
                    |option, visibility| {
                        option.add_string_choice(visibility_label(visibility), visibility.as_str())
                    },
                );
                CreateCommand::new(self.name())
                    .description("Who may invite you, who sees your profile, notifications")
                    .add_option(policy)
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::Boolean,
                        AUTO_ACCEPT_OPTION,
                        "Accept every invitation you may receive automatically",
                    ))
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::Boolean,
                        DM_OPTION,
                        "Get invitations and acceptances by direct message",
                    ))
                    .add_option(visibility)
            }
            Self::MyData => CreateCommand::new(self.name())
                .description("Your network data in this server")
                .add_option(CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    MYDATA_EXPORT,
                    "Everything the bot holds about you here, as a JSON file",
                ))
                .add_option(CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    MYDATA_DELETE,
                    "Erase your network data here (asks first)",
                )),
            Self::Network => {
                let limit = |name: &str, description: &str, (min, max): (u32, u32)| {
                    CreateCommandOption::new(CommandOptionType::Integer, name, description)
                        .min_int_value(u64::from(min))
                        .max_int_value(u64::from(max))
                };
                CreateCommand::new(self.name())
                    .description("Moderators: the server's network")
                    // Shown to members who can manage the server; the handler checks again.
                    .default_member_permissions(Permissions::MANAGE_GUILD)
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        NETWORK_STATS,
                        "Members, connections, invitations",
                    ))
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::SubCommand,
                            NETWORK_LIMITS,
                            "See or change the limits",
                        )
                        .add_sub_option(limit(
                            INVITES_PER_WEEK_OPTION,
                            "Invitations a member may send in 7 days",
                            GuildLimits::INVITES_PER_WEEK_RANGE,
                        ))
                        .add_sub_option(limit(
                            CONNECTION_CAP_OPTION,
                            "Connections a member may have",
                            GuildLimits::CONNECTION_CAP_RANGE,
                        ))
                        .add_sub_option(limit(
                            REPORTS_TO_SUSPEND_OPTION,
                            "Reports in 30 days that suspend a sender",
                            GuildLimits::REPORTS_TO_SUSPEND_RANGE,
                        ))
                        .add_sub_option(CreateCommandOption::new(
                            CommandOptionType::Boolean,
                            INVITE_LINKS_OPTION,
                            "Whether members may put Discord invite links on their profiles",
                        )),
                    )
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        NETWORK_REPORTS,
                        "Reported and suspended senders",
                    ))
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::SubCommand,
                            NETWORK_REMOVE_MEMBER,
                            "Erase a member's network data here (asks first)",
                        )
                        .add_sub_option(member("Whose data to erase")),
                    )
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::SubCommand,
                            NETWORK_CLEAR_PROFILE,
                            "Clear a member's profile; their network stays",
                        )
                        .add_sub_option(member("Whose profile to clear")),
                    )
            }
            Self::InviteToConnect | Self::RemoveConnection | Self::ViewProfile => {
                CreateCommand::new(self.name()).kind(CommandType::User)
            }
        };
        command
            .contexts(vec![InteractionContext::Guild])
            .integration_types(vec![InstallationContext::Guild])
    }
}

/// How a policy is named to members.
pub fn policy_label(policy: InvitePolicy) -> &'static str {
    match policy {
        InvitePolicy::Everyone => "Everyone",
        InvitePolicy::Mutuals => "People who share a connection with me",
        InvitePolicy::Nobody => "Nobody",
    }
}

/// How what members are open to is named to them.
pub fn open_to_label(open_to: OpenTo) -> &'static str {
    match open_to {
        OpenTo::Mentoring => "Mentoring",
        OpenTo::BeingMentored => "Being mentored",
        OpenTo::Collaborating => "Collaborating",
        OpenTo::Hiring => "Hiring",
        OpenTo::JobSeeking => "Job seeking",
        OpenTo::Freelance => "Freelance work",
    }
}

/// How a profile visibility is named to members.
pub fn visibility_label(visibility: ProfileVisibility) -> &'static str {
    match visibility {
        ProfileVisibility::Everyone => "Everyone in the server",
        ProfileVisibility::Connections => "My connections only",
    }
}

/// Every command, for one bulk overwrite at start-up.
pub fn definitions() -> Vec<CreateCommand> {
    CommandName::iter().map(CommandName::definition).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for command in CommandName::iter() {
            assert_eq!(CommandName::from_name(command.name()), Some(command));
        }
        assert_eq!(CommandName::from_name("Remove connections"), None);
    }
}
