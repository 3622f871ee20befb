//! Interactions in, typed requests out: the seam where serenity's types become ours. Every id is
//! parsed into a newtype here and every target is checked (a member of this server, not a bot);
//! every component is checked to belong to the person using it.

use serenity::all::{
    ActionRowComponent, CommandInteraction, ComponentInteraction, ComponentInteractionDataKind,
    Member, ModalInteraction, PartialMember, ResolvedOption, ResolvedTarget, ResolvedValue, User,
};

use super::commands::{
    AUTO_ACCEPT_OPTION, CONNECTION_CAP_OPTION, CommandName, DM_OPTION, INCLUDE_OPTION,
    INCLUDE_SECOND_DEGREE, INVITE_LINKS_OPTION, INVITES_FROM_OPTION, INVITES_PER_WEEK_OPTION,
    MEMBER_OPTION, MYDATA_EXPORT, NETWORK_CLEAR_PROFILE, NETWORK_LIMITS, NETWORK_REMOVE_MEMBER,
    NETWORK_STATS, NOTE_OPTION, OPEN_TO_OPTION, PROFILE_EDIT, PROFILE_VISIBLE_TO_OPTION,
    REPORTS_TO_SUSPEND_OPTION, SEARCH_OPTION, SHOW_OPTION, SHOW_SENT, SKILL_OPTION, TAG_ADD,
    TAG_OPTION, TEXT_OPTION,
};
use super::custom_id::ComponentAction;
use super::handlers::{ABOUT_FIELD, HEADLINE_FIELD, LINKS_FIELD, SKILLS_FIELD};
use super::request::{Actor, InputError, Moderation, Parsed, Request, Seen, Target};
use crate::network::{
    GuildId, InvitationSide, InvitePolicy, LimitsUpdate, MemberId, MemberNames, OpenTo,
    PeopleFilter, ProfileDraft, ProfileVisibility, SettingsUpdate,
};

/// A slash or context-menu command.
pub fn command(interaction: &CommandInteraction) -> Result<Parsed, InputError> {
    let (actor, actor_seen) = actor(interaction)?;
    let name = CommandName::from_name(&interaction.data.name).ok_or(InputError::Unknown)?;
    let mut seen = vec![actor_seen];
    // Checks a target and remembers the names it was seen with.
    let mut checked = |user: &User, member: Option<&PartialMember>| {
        let (target, names) = target(user, member)?;
        seen.push(Seen {
            guild: actor.guild,
            member: target.member,
            names,
        });
        Ok::<_, InputError>(target)
    };
    let options = interaction.data.options();
    let actor = actor.clone();
    let request = match name {
        CommandName::Invite => {
            let (user, member) = user_option(&options)?;
            let note = string_option(&options, NOTE_OPTION);
            Request::Invite {
                target: checked(user, member)?,
                actor,
                note,
            }
        }
        CommandName::Connect => {
            let (user, member) = user_option(&options)?;
            Request::Connect {
                target: checked(user, member)?,
                actor,
            }
        }
        CommandName::Disconnect => {
            let (user, member) = user_option(&options)?;
            Request::Disconnect {
                target: checked(user, member)?,
                actor,
            }
        }
        CommandName::Connections => Request::Connections {
            actor,
            search: string_option(&options, SEARCH_OPTION),
            tag: string_option(&options, TAG_OPTION),
        },
        CommandName::Invitations => {
            let side = match string_option(&options, SHOW_OPTION).as_deref() {
                Some(SHOW_SENT) => InvitationSide::Sent,
                _ => InvitationSide::Received,
            };
            Request::Invitations { actor, side }
        }
        CommandName::Profile => {
            let Some(ResolvedOption {
                name: sub,
                value: ResolvedValue::SubCommand(sub_options),
                ..
            }) = options.first()
            else {
                return Err(InputError::Malformed("profile subcommand"));
            };
            if *sub == PROFILE_EDIT {
                Request::EditProfile { actor }
            } else {
                let (target, avatar) = match user_option(sub_options) {
                    Ok((user, _)) if user.id.get() == actor.member.get() => {
                        (None, Some(invoker_avatar(interaction)))
                    }
                    Ok((user, member)) => (Some(checked(user, member)?), Some(user.face())),
                    Err(_) => (None, Some(invoker_avatar(interaction))),
                };
                Request::Profile {
                    actor,
                    target,
                    avatar,
                }
            }
        }
        CommandName::People => Request::People {
            actor,
            filter: PeopleFilter {
                skill: string_option(&options, SKILL_OPTION)
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty()),
                text: string_option(&options, TEXT_OPTION)
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty()),
                open_to: string_option(&options, OPEN_TO_OPTION)
                    .as_deref()
                    .and_then(OpenTo::parse),
            },
        },
        CommandName::Tag => {
            let Some(ResolvedOption {
                name: sub,
                value: ResolvedValue::SubCommand(sub_options),
                ..
            }) = options.first()
            else {
                return Err(InputError::Malformed("tag subcommand"));
            };
            let (user, member) = user_option(sub_options)?;
            let tag = string_option(sub_options, TAG_OPTION)
                .ok_or(InputError::Malformed("tag option"))?;
            Request::Tag {
                target: checked(user, member)?,
                actor,
                tag,
                add: *sub == TAG_ADD,
            }
        }
        CommandName::Suggestions => Request::Suggestions { actor },
        CommandName::Map => Request::Map {
            actor,
            second_degree: string_option(&options, INCLUDE_OPTION).as_deref()
                == Some(INCLUDE_SECOND_DEGREE),
            tag: string_option(&options, TAG_OPTION),
        },
        CommandName::Settings => Request::Settings {
            actor,
            update: SettingsUpdate {
                invite_policy: string_option(&options, INVITES_FROM_OPTION)
                    .as_deref()
                    .and_then(InvitePolicy::parse),
                auto_accept: bool_option(&options, AUTO_ACCEPT_OPTION),
                dm_notifications: bool_option(&options, DM_OPTION),
                profile_visibility: string_option(&options, PROFILE_VISIBLE_TO_OPTION)
                    .as_deref()
                    .and_then(ProfileVisibility::parse),
            },
        },
        CommandName::MyData => {
            let export = matches!(options.first(), Some(o) if o.name == MYDATA_EXPORT);
            Request::MyData { actor, export }
        }
        CommandName::Network => {
            if !can_manage_server(interaction.member.as_deref()) {
                return Ok(Parsed {
                    request: Request::NotModerator,
                    seen,
                });
            }
            let Some(ResolvedOption {
                name: sub,
                value: ResolvedValue::SubCommand(sub_options),
                ..
            }) = options.first()
            else {
                return Err(InputError::Malformed("network subcommand"));
            };
            let action = match *sub {
                NETWORK_STATS => Moderation::Stats,
                NETWORK_REMOVE_MEMBER => {
                    let (user, member) = user_option(sub_options)?;
                    Moderation::RemoveMember(checked(user, member)?)
                }
                NETWORK_CLEAR_PROFILE => {
                    let (user, member) = user_option(sub_options)?;
                    Moderation::ClearProfile(checked(user, member)?)
                }
                NETWORK_LIMITS => Moderation::Limits(LimitsUpdate {
                    invites_per_week: count_option(sub_options, INVITES_PER_WEEK_OPTION),
                    connection_cap: count_option(sub_options, CONNECTION_CAP_OPTION),
                    reports_to_suspend: count_option(sub_options, REPORTS_TO_SUSPEND_OPTION),
                    allow_invite_links: bool_option(sub_options, INVITE_LINKS_OPTION),
                }),
                _ => Moderation::Reports,
            };
            Request::Moderate { actor, action }
        }
        CommandName::InviteToConnect => {
            let (user, member) = user_target(interaction)?;
            Request::Invite {
                target: checked(user, member)?,
                actor,
                note: None,
            }
        }
        CommandName::RemoveConnection => {
            let (user, member) = user_target(interaction)?;
            Request::Disconnect {
                target: checked(user, member)?,
                actor,
            }
        }
        CommandName::ViewProfile => {
            let (user, member) = user_target(interaction)?;
            let target = if user.id.get() == actor.member.get() {
                None
            } else {
                Some(checked(user, member)?)
            };
            Request::Profile {
                actor,
                target,
                avatar: Some(user.face()),
            }
        }
    };
    Ok(Parsed { request, seen })
}

/// Autocomplete: what is being typed into which option (tags, and skills in /people).
pub fn autocomplete(interaction: &CommandInteraction) -> Result<Parsed, InputError> {
    let (actor, _) = actor(interaction)?;
    let focused = interaction
        .data
        .autocomplete()
        .ok_or(InputError::Malformed("focused option"))?;
    let typed = focused.value.to_owned();
    let request = match focused.name {
        TAG_OPTION => Request::TagChoices { actor, typed },
        SKILL_OPTION => Request::SkillChoices { actor, typed },
        _ => return Err(InputError::Unknown),
    };
    Ok(Parsed {
        request,
        seen: Vec::new(),
    })
}

/// A form submitted: only the profile form exists, and only its owner can submit it.
pub fn form(interaction: &ModalInteraction) -> Result<Parsed, InputError> {
    let action = ComponentAction::parse(&interaction.data.custom_id).ok_or(InputError::Unknown)?;
    let ComponentAction::EditProfile { guild, member } = action else {
        return Err(InputError::Unknown);
    };
    if member_id(&interaction.user)? != member {
        return Err(InputError::NotYourButton);
    }
    let mut draft = ProfileDraft::default();
    for input in interaction
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
    {
        if let ActionRowComponent::InputText(input) = input {
            let value = input.value.clone().unwrap_or_default();
            match input.custom_id.as_str() {
                HEADLINE_FIELD => draft.headline = value,
                ABOUT_FIELD => draft.about = value,
                SKILLS_FIELD => draft.skills = value,
                LINKS_FIELD => draft.links = value,
                _ => {}
            }
        }
    }
    let seen = match (&interaction.member, interaction.guild_id) {
        (Some(seen_as), Some(id)) if id.get() == guild.get() => vec![Seen {
            guild,
            member,
            names: member_names(seen_as),
        }],
        _ => Vec::new(),
    };
    Ok(Parsed {
        request: Request::SaveProfile {
            guild,
            member,
            draft,
        },
        seen,
    })
}

/// A button click or menu choice, in a server or in a DM.
pub fn component(interaction: &ComponentInteraction) -> Result<Parsed, InputError> {
    let action = ComponentAction::parse(&interaction.data.custom_id).ok_or(InputError::Unknown)?;
    let clicker = member_id(&interaction.user)?;
    if clicker != action.owner() {
        return Err(InputError::NotYourButton);
    }
    // In a server we see the clicker's server names; in a DM we only see their account.
    let seen = match (&interaction.member, interaction.guild_id) {
        (Some(member), Some(guild)) if guild.get() == action.guild().get() => {
            vec![Seen {
                guild: action.guild(),
                member: clicker,
                names: member_names(member),
            }]
        }
        _ => Vec::new(),
    };
    let request = match &interaction.data.kind {
        ComponentInteractionDataKind::Button => match action {
            // Moderation is checked against the clicker's permissions now, not when shown.
            ComponentAction::RemoveMember {
                guild,
                moderator,
                member,
            } => {
                if can_manage_server(interaction.member.as_ref()) {
                    Request::ConfirmRemoveMember {
                        guild,
                        moderator,
                        member,
                    }
                } else {
                    Request::NotModerator
                }
            }
            ComponentAction::Restore {
                guild,
                moderator,
                member,
            } => {
                if can_manage_server(interaction.member.as_ref()) {
                    Request::Restore {
                        guild,
                        moderator,
                        member,
                    }
                } else {
                    Request::NotModerator
                }
            }
            _ => Request::Button(action),
        },
        ComponentInteractionDataKind::StringSelect { values } => Request::Pick {
            action,
            values: values.clone(),
        },
        _ => return Err(InputError::Unknown),
    };
    Ok(Parsed { request, seen })
}

/// The avatar of whoever used the command, as the server shows it.
fn invoker_avatar(interaction: &CommandInteraction) -> String {
    match interaction.member.as_deref() {
        Some(member) => member.face(),
        None => interaction.user.face(),
    }
}

fn actor(interaction: &CommandInteraction) -> Result<(Actor, Seen), InputError> {
    let (Some(guild), Some(member)) = (interaction.guild_id, interaction.member.as_deref()) else {
        return Err(InputError::NotInServer);
    };
    let guild = GuildId::new(guild.get()).map_err(|_| InputError::Malformed("guild id"))?;
    let id = member_id(&member.user)?;
    let seen = Seen {
        guild,
        member: id,
        names: member_names(member),
    };
    Ok((Actor { guild, member: id }, seen))
}

fn user_option<'a>(
    options: &[ResolvedOption<'a>],
) -> Result<(&'a User, Option<&'a PartialMember>), InputError> {
    options
        .iter()
        .find_map(|o| match o.value {
            ResolvedValue::User(user, member) if o.name == MEMBER_OPTION => Some((user, member)),
            _ => None,
        })
        .ok_or(InputError::Malformed("member option"))
}

fn string_option(options: &[ResolvedOption<'_>], name: &str) -> Option<String> {
    options.iter().find_map(|o| match o.value {
        ResolvedValue::String(text) if o.name == name => Some(text.to_owned()),
        _ => None,
    })
}

/// Whether the member's permissions (as Discord computed them for this interaction) include
/// Manage Server. Discord only shows moderator commands to such members by default, but a
/// server can change who sees a command, so the handler checks again.
fn can_manage_server(member: Option<&Member>) -> bool {
    member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_guild())
}

/// A whole-number option that must be positive (Discord enforces the declared range too).
fn count_option(options: &[ResolvedOption<'_>], name: &str) -> Option<u32> {
    options.iter().find_map(|o| match o.value {
        ResolvedValue::Integer(value) if o.name == name => u32::try_from(value).ok(),
        _ => None,
    })
}

fn bool_option(options: &[ResolvedOption<'_>], name: &str) -> Option<bool> {
    options.iter().find_map(|o| match o.value {
        ResolvedValue::Boolean(value) if o.name == name => Some(value),
        _ => None,
    })
}

fn user_target(
    interaction: &CommandInteraction,
) -> Result<(&User, Option<&PartialMember>), InputError> {
    match interaction.data.target() {
        Some(ResolvedTarget::User(user, member)) => Ok((user, member)),
        _ => Err(InputError::Malformed("context menu target")),
    }
}

/// A target must be a person who is a member of this server: Discord resolves a member object
/// only for those.
fn target(
    user: &User,
    member: Option<&PartialMember>,
) -> Result<(Target, MemberNames), InputError> {
    if user.bot || user.system {
        return Err(InputError::BotTarget);
    }
    let member_of_server = member.ok_or(InputError::NotAMember)?;
    let names = names(user, member_of_server.nick.as_deref());
    Ok((
        Target {
            member: member_id(user)?,
        },
        names,
    ))
}

fn member_id(user: &User) -> Result<MemberId, InputError> {
    MemberId::new(user.id.get()).map_err(|_| InputError::Malformed("user id"))
}

fn member_names(member: &Member) -> MemberNames {
    names(&member.user, member.nick.as_deref())
}

/// The name people see in the server: nickname, else display name, else username.
fn names(user: &User, nick: Option<&str>) -> MemberNames {
    let display = nick.or(user.global_name.as_deref()).unwrap_or(&user.name);
    MemberNames {
        display_name: display.to_owned(),
        username: user.name.clone(),
    }
}
