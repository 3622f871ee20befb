//! The routing table: every command the bot registers, its definition, and (in `parse`) how its
//! interactions become requests. Both are exhaustive `match`es over [`CommandName`], so a
//! command cannot be registered without being handled, or handled without being registered.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext, Permissions,
};

use strum::IntoEnumIterator;

use super::i18n::Language;

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
    /// `/map`: a picture of your network.
    Map,
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
pub const INCLUDE_OPTION: &str = "include";
pub const INCLUDE_SECOND_DEGREE: &str = "second_degree";
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
            Self::Map => "map",
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

    /// The command as registered with Discord: usable in servers only, installed to servers,
    /// named and described in every language (`locales/*/commands.ftl`).
    pub fn definition(self) -> CreateCommand {
        let name = self.name();
        let member = |command: &str| {
            option(
                CommandOptionType::User,
                MEMBER_OPTION,
                &format!("{command}-member"),
            )
            .required(true)
        };
        let tag = |command: &str| {
            option(
                CommandOptionType::String,
                TAG_OPTION,
                &format!("{command}-tag"),
            )
            .max_length(MAX_TAG_CHARS as u16)
            .set_autocomplete(true)
        };
        let command = match self {
            Self::Invite => slash(name).add_option(member(name)).add_option(
                option(CommandOptionType::String, NOTE_OPTION, "invite-note")
                    .max_length(MAX_NOTE_CHARS as u16),
            ),
            Self::Connect | Self::Disconnect => slash(name).add_option(member(name)),
            Self::Connections => slash(name)
                .add_option(
                    option(
                        CommandOptionType::String,
                        SEARCH_OPTION,
                        "connections-search",
                    )
                    .max_length(MAX_SEARCH_CHARS),
                )
                .add_option(tag(name)),
            Self::Invitations => slash(name).add_option(choices(
                option(CommandOptionType::String, SHOW_OPTION, "invitations-show"),
                [
                    ("choice-received", SHOW_RECEIVED),
                    ("choice-sent", SHOW_SENT),
                ],
            )),
            Self::Profile => slash(name)
                .add_option(
                    option(CommandOptionType::SubCommand, PROFILE_VIEW, "profile-view")
                        .add_sub_option(option(
                            CommandOptionType::User,
                            MEMBER_OPTION,
                            "profile-view-member",
                        )),
                )
                .add_option(option(
                    CommandOptionType::SubCommand,
                    PROFILE_EDIT,
                    "profile-edit",
                )),
            Self::People => slash(name)
                .add_option(
                    option(CommandOptionType::String, SKILL_OPTION, "people-skill")
                        .max_length(MAX_SKILL_CHARS as u16)
                        .set_autocomplete(true),
                )
                .add_option(
                    option(CommandOptionType::String, TEXT_OPTION, "people-text")
                        .max_length(MAX_SEARCH_CHARS),
                )
                .add_option(choices(
                    option(CommandOptionType::String, OPEN_TO_OPTION, "people-open_to"),
                    OpenTo::all().map(|o| (open_to_key(o), o.as_str())),
                )),
            Self::Tag => {
                let sub = |sub: &'static str| {
                    option(CommandOptionType::SubCommand, sub, &format!("tag-{sub}"))
                        .add_sub_option(member(name))
                        .add_sub_option(tag(name).required(true))
                };
                slash(name)
                    .add_option(sub(TAG_ADD))
                    .add_option(sub(TAG_REMOVE))
            }
            Self::Suggestions => slash(name),
            Self::Map => slash(name)
                .add_option(choices(
                    option(CommandOptionType::String, INCLUDE_OPTION, "map-include"),
                    [("choice-second-degree", INCLUDE_SECOND_DEGREE)],
                ))
                .add_option(tag(name)),
            Self::Settings => slash(name)
                .add_option(choices(
                    option(
                        CommandOptionType::String,
                        INVITES_FROM_OPTION,
                        "settings-invitations_from",
                    ),
                    InvitePolicy::ALL.map(|p| (policy_key(p), p.as_str())),
                ))
                .add_option(option(
                    CommandOptionType::Boolean,
                    AUTO_ACCEPT_OPTION,
                    "settings-auto_accept",
                ))
                .add_option(option(
                    CommandOptionType::Boolean,
                    DM_OPTION,
                    "settings-dm_notifications",
                ))
                .add_option(choices(
                    option(
                        CommandOptionType::String,
                        PROFILE_VISIBLE_TO_OPTION,
                        "settings-profile_visible_to",
                    ),
                    ProfileVisibility::iter().map(|v| (visibility_key(v), v.as_str())),
                )),
            Self::MyData => slash(name)
                .add_option(option(
                    CommandOptionType::SubCommand,
                    MYDATA_EXPORT,
                    "mydata-export",
                ))
                .add_option(option(
                    CommandOptionType::SubCommand,
                    MYDATA_DELETE,
                    "mydata-delete",
                )),
            Self::Network => {
                let limit = |name: &'static str, (min, max): (u32, u32)| {
                    option(CommandOptionType::Integer, name, &format!("network-{name}"))
                        .min_int_value(u64::from(min))
                        .max_int_value(u64::from(max))
                };
                let sub = |sub: &'static str| {
                    option(
                        CommandOptionType::SubCommand,
                        sub,
                        &format!("network-{sub}"),
                    )
                };
                let about_member = |sub: &'static str| sub_member(sub).required(true);
                slash(name)
                    // Shown to members who can manage the server; the handler checks again.
                    .default_member_permissions(Permissions::MANAGE_GUILD)
                    .add_option(sub(NETWORK_STATS))
                    .add_option(
                        sub(NETWORK_LIMITS)
                            .add_sub_option(limit(
                                INVITES_PER_WEEK_OPTION,
                                GuildLimits::INVITES_PER_WEEK_RANGE,
                            ))
                            .add_sub_option(limit(
                                CONNECTION_CAP_OPTION,
                                GuildLimits::CONNECTION_CAP_RANGE,
                            ))
                            .add_sub_option(limit(
                                REPORTS_TO_SUSPEND_OPTION,
                                GuildLimits::REPORTS_TO_SUSPEND_RANGE,
                            ))
                            .add_sub_option(option(
                                CommandOptionType::Boolean,
                                INVITE_LINKS_OPTION,
                                "network-allow_invite_links",
                            )),
                    )
                    .add_option(sub(NETWORK_REPORTS))
                    .add_option(
                        sub(NETWORK_REMOVE_MEMBER)
                            .add_sub_option(about_member(NETWORK_REMOVE_MEMBER)),
                    )
                    .add_option(
                        sub(NETWORK_CLEAR_PROFILE)
                            .add_sub_option(about_member(NETWORK_CLEAR_PROFILE)),
                    )
            }
            Self::InviteToConnect | Self::RemoveConnection | Self::ViewProfile => {
                let key = format!("name-{}", name.to_lowercase().replace(' ', "-"));
                Language::translated().fold(
                    CreateCommand::new(name).kind(CommandType::User),
                    |command, l| command.name_localized(l.code(), l.text(&key)),
                )
            }
        };
        command
            .contexts(vec![InteractionContext::Guild])
            .integration_types(vec![InstallationContext::Guild])
    }
}

/// A slash command named `name`, with its name and description in every language.
fn slash(name: &'static str) -> CreateCommand {
    let description = format!("command-{name}-description");
    Language::translated().fold(
        CreateCommand::new(name).description(Language::English.text(&description)),
        |command, l| {
            command
                .name_localized(l.code(), l.text(&format!("name-{name}")))
                .description_localized(l.code(), l.text(&description))
        },
    )
}

/// An option (or subcommand) `name`, described by `option-<about>-description`.
fn option(kind: CommandOptionType, name: &'static str, about: &str) -> CreateCommandOption {
    let description = format!("option-{about}-description");
    Language::translated().fold(
        CreateCommandOption::new(kind, name, Language::English.text(&description)),
        |option, l| {
            option
                .name_localized(l.code(), l.text(&format!("name-{name}")))
                .description_localized(l.code(), l.text(&description))
        },
    )
}

/// The member option of `/network <sub>`.
fn sub_member(sub: &'static str) -> CreateCommandOption {
    option(
        CommandOptionType::User,
        MEMBER_OPTION,
        &format!("network-{sub}-member"),
    )
}

/// String choices, each named by a text key in every language.
fn choices<'k>(
    option: CreateCommandOption,
    choices: impl IntoIterator<Item = (&'k str, &'static str)>,
) -> CreateCommandOption {
    choices.into_iter().fold(option, |option, (key, value)| {
        option.add_string_choice_localized(
            Language::English.text(key),
            value,
            Language::translated().map(|l| (l.code(), l.text(key))),
        )
    })
}

fn policy_key(policy: InvitePolicy) -> &'static str {
    match policy {
        InvitePolicy::Everyone => "policy-everyone",
        InvitePolicy::Mutuals => "policy-mutuals",
        InvitePolicy::Nobody => "policy-nobody",
    }
}

fn visibility_key(visibility: ProfileVisibility) -> &'static str {
    match visibility {
        ProfileVisibility::Everyone => "visibility-everyone",
        ProfileVisibility::Connections => "visibility-connections",
    }
}

fn open_to_key(open_to: OpenTo) -> &'static str {
    match open_to {
        OpenTo::Mentoring => "open-to-mentoring",
        OpenTo::BeingMentored => "open-to-being_mentored",
        OpenTo::Collaborating => "open-to-collaborating",
        OpenTo::Hiring => "open-to-hiring",
        OpenTo::JobSeeking => "open-to-job_seeking",
        OpenTo::Freelance => "open-to-freelance",
    }
}

/// How a policy is named to members.
pub fn policy_label(language: Language, policy: InvitePolicy) -> String {
    language.text(policy_key(policy))
}

/// How what members are open to is named to them.
pub fn open_to_label(language: Language, open_to: OpenTo) -> String {
    language.text(open_to_key(open_to))
}

/// How a profile visibility is named to members.
pub fn visibility_label(language: Language, visibility: ProfileVisibility) -> String {
    language.text(visibility_key(visibility))
}

/// Every command, for one bulk overwrite at start-up.
pub fn definitions() -> Vec<CreateCommand> {
    CommandName::iter().map(CommandName::definition).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name and description as Discord would take them, in every language: names match
    /// Discord's rule (letters, digits, `-` and `_`, at most 32, lowercase for slash commands
    /// and options), descriptions and choices at most 100 characters; English names are the
    /// identifiers the code routes by.
    #[test]
    fn every_language_keeps_discords_rules_for_names_and_descriptions() {
        let definitions: Vec<serde_json::Value> = definitions()
            .into_iter()
            .map(|d| serde_json::to_value(d).unwrap())
            .collect();
        let mut problems = Vec::new();
        let mut check = |what: &serde_json::Value, slash: bool| {
            let name = what["name"].as_str().unwrap();
            let english =
                Language::English.text(&format!("name-{}", name.to_lowercase().replace(' ', "-")));
            if english != name {
                problems.push(format!("English name of {name} reads {english}"));
            }
            let names = what["name_localizations"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for language in Language::translated() {
                let Some(local) = names.get(language.code()).and_then(|n| n.as_str()) else {
                    problems.push(format!("{name} has no {} name", language.code()));
                    continue;
                };
                let chars = local.chars().count();
                let valid = if slash {
                    local
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                        && local == local.to_lowercase()
                } else {
                    true
                };
                if !(1..=32).contains(&chars) || !valid {
                    problems.push(format!("{} name of {name}: {local:?}", language.code()));
                }
            }
            for (language, description) in what["description_localizations"]
                .as_object()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .chain([("en-US".to_owned(), what["description"].clone())])
            {
                let length = description.as_str().map_or(0, |d| d.chars().count());
                if slash && !(1..=100).contains(&length) {
                    problems.push(format!("{language} description of {name}: {length} chars"));
                }
            }
            for choice in what["choices"].as_array().into_iter().flatten() {
                for (_, local) in choice["name_localizations"].as_object().unwrap() {
                    if local.as_str().unwrap().chars().count() > 100 {
                        problems.push(format!("a choice of {name}: {local}"));
                    }
                }
            }
        };
        for command in &definitions {
            let slash = command["type"].as_u64().unwrap_or(1) == 1;
            check(command, slash);
            for option in command["options"].as_array().into_iter().flatten() {
                check(option, true);
                for sub in option["options"].as_array().into_iter().flatten() {
                    check(sub, true);
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn names_round_trip() {
        for command in CommandName::iter() {
            assert_eq!(CommandName::from_name(command.name()), Some(command));
        }
        assert_eq!(CommandName::from_name("Remove connections"), None);
    }
}
