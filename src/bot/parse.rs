//! Interactions in, typed requests out: the seam where serenity's types become ours. Every id is
//! parsed into a newtype here and every target is checked (a member of this server, not a bot).

use serenity::all::{
    CommandInteraction, ComponentInteraction, Member, PartialMember, ResolvedTarget, ResolvedValue,
    User,
};

use super::commands::{CommandName, MEMBER_OPTION, NOTE_OPTION};
use super::custom_id::ButtonAction;
use super::request::{Actor, InputError, Parsed, Request, Seen, Target};
use crate::network::{GuildId, MemberId, MemberNames};

/// A slash or context-menu command.
pub fn command(interaction: &CommandInteraction) -> Result<Parsed, InputError> {
    let (actor, actor_seen) = actor(interaction)?;
    let name = CommandName::from_name(&interaction.data.name).ok_or(InputError::Unknown)?;
    let mut seen = vec![actor_seen];
    // Checks the target and remembers the names it was seen with.
    let mut checked = |user: &User, member: Option<&PartialMember>| {
        let (target, names) = target(user, member)?;
        seen.push(Seen {
            guild: actor.guild,
            member: target.member,
            names,
        });
        Ok::<_, InputError>(target)
    };
    let request = match name {
        CommandName::Invite => {
            let options = interaction.data.options();
            let (user, member) = user_option(&options)?;
            let note = options.iter().find_map(|o| match o.value {
                ResolvedValue::String(text) if o.name == NOTE_OPTION => Some(text.to_owned()),
                _ => None,
            });
            Request::Invite {
                target: checked(user, member)?,
                actor: actor.clone(),
                note,
            }
        }
        CommandName::Connect => {
            let (user, member) = user_option(&interaction.data.options())?;
            Request::Connect {
                target: checked(user, member)?,
                actor: actor.clone(),
            }
        }
        CommandName::Disconnect => {
            let (user, member) = user_option(&interaction.data.options())?;
            Request::Disconnect {
                target: checked(user, member)?,
                actor: actor.clone(),
            }
        }
        CommandName::InviteToConnect => {
            let (user, member) = user_target(interaction)?;
            Request::Invite {
                target: checked(user, member)?,
                actor: actor.clone(),
                note: None,
            }
        }
        CommandName::RemoveConnection => {
            let (user, member) = user_target(interaction)?;
            Request::Disconnect {
                target: checked(user, member)?,
                actor: actor.clone(),
            }
        }
    };
    Ok(Parsed { request, seen })
}

/// A button click, in a server or in a DM.
pub fn component(interaction: &ComponentInteraction) -> Result<Parsed, InputError> {
    let action = ButtonAction::parse(&interaction.data.custom_id).ok_or(InputError::Unknown)?;
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
    Ok(Parsed {
        request: Request::Button(action),
        seen,
    })
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
    options: &[serenity::all::ResolvedOption<'a>],
) -> Result<(&'a User, Option<&'a PartialMember>), InputError> {
    options
        .iter()
        .find_map(|o| match o.value {
            ResolvedValue::User(user, member) if o.name == MEMBER_OPTION => Some((user, member)),
            _ => None,
        })
        .ok_or(InputError::Malformed("member option"))
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
