//! Discord objects as Discord sends them, with the fields its documentation lists (not just the
//! ones serenity needs): serenity silently drops an event it cannot read, and the bot then
//! never answers. `tests/fake_discord_payloads.rs` checks that serenity reads every one.

use serde_json::{Value, json};

pub const APP_ID: u64 = 1_100_000_000_000_000_001;
pub const BOT_ID: u64 = APP_ID;
pub const GUILD_ID: u64 = 1_200_000_000_000_000_001;
pub const GUILD_NAME: &str = "Rustaceans";
pub const CHANNEL_ID: u64 = 1_300_000_000_000_000_001;
pub const TIMESTAMP: &str = "2026-11-28T12:00:00.000000+00:00";
/// Every permission a regular member has in the test channel, as Discord serializes them.
pub const MEMBER_PERMISSIONS: &str = "2248473465835073";
pub const APP_PERMISSIONS: &str = "2248473465835073";

/// A person (or bot) account.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: u64,
    pub username: String,
    pub global_name: Option<String>,
    pub nick: Option<String>,
    pub bot: bool,
    /// Whether they may manage the server (the Manage Server permission).
    pub moderator: bool,
}

impl Person {
    pub fn new(id: u64, username: &str) -> Self {
        Self {
            id,
            username: username.into(),
            global_name: Some(capitalised(username)),
            nick: None,
            bot: false,
            moderator: false,
        }
    }

    pub fn bot(id: u64, username: &str) -> Self {
        Self {
            bot: true,
            global_name: None,
            ..Self::new(id, username)
        }
    }

    pub fn moderator(mut self) -> Self {
        self.moderator = true;
        self
    }

    /// Their permissions in the test channel, as Discord serializes them.
    pub fn permissions(&self) -> String {
        let base: u64 = MEMBER_PERMISSIONS.parse().unwrap();
        let manage_server = 1 << 5;
        if self.moderator {
            base | manage_server
        } else {
            base
        }
        .to_string()
    }

    pub fn with_nick(mut self, nick: &str) -> Self {
        self.nick = Some(nick.into());
        self
    }

    /// The name the bot should store for them in the server.
    pub fn display_name(&self) -> String {
        self.nick
            .clone()
            .or(self.global_name.clone())
            .unwrap_or(self.username.clone())
    }
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn user(person: &Person) -> Value {
    let mut user = json!({
        "id": person.id.to_string(),
        "username": person.username,
        "discriminator": "0",
        "global_name": person.global_name,
        "avatar": null,
        "public_flags": 0,
        "primary_guild": null,
        "collectibles": null,
        "display_name_styles": null,
        "avatar_decoration_data": null,
        "clan": null,
    });
    if person.bot {
        user["bot"] = json!(true);
    }
    user
}

/// A member object without `user`, as in `resolved.members`.
fn member_fields(person: &Person) -> Value {
    json!({
        "avatar": null,
        "banner": null,
        "communication_disabled_until": null,
        "flags": 0,
        "joined_at": "2025-03-01T10:00:00.000000+00:00",
        "nick": person.nick,
        "pending": false,
        "premium_since": null,
        "roles": [],
        "unusual_dm_activity_until": null,
        "collectibles": null,
        "display_name_styles": null,
        "permissions": person.permissions(),
    })
}

/// The member who invoked an interaction: with `user`, `deaf` and `mute`.
pub fn invoking_member(person: &Person) -> Value {
    let mut member = member_fields(person);
    member["user"] = user(person);
    member["deaf"] = json!(false);
    member["mute"] = json!(false);
    member
}

pub fn guild_channel() -> Value {
    json!({
        "id": CHANNEL_ID.to_string(),
        "type": 0,
        "guild_id": GUILD_ID.to_string(),
        "name": "general",
        "position": 0,
        "parent_id": null,
        "topic": null,
        "nsfw": false,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "flags": 0,
        "permissions": MEMBER_PERMISSIONS,
        "permission_overwrites": [],
        "theme_color": null,
        "icon_emoji": null,
    })
}

fn dm_channel_partial(id: u64, recipient: &Person) -> Value {
    json!({
        "id": id.to_string(),
        "type": 1,
        "last_message_id": null,
        "flags": 0,
        "recipients": [user(recipient)],
        "recipient_flags": 0,
    })
}

/// The full server, as in GUILD_CREATE.
pub fn guild_create() -> Value {
    let mut guild = json!({
        "id": GUILD_ID.to_string(),
        "name": GUILD_NAME,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": "1400000000000000001",
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 1,
        "default_message_notifications": 1,
        "explicit_content_filter": 2,
        "roles": [{
            "id": GUILD_ID.to_string(),
            "name": "@everyone",
            "color": 0,
            "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
            "hoist": false,
            "icon": null,
            "unicode_emoji": null,
            "position": 0,
            "permissions": MEMBER_PERMISSIONS,
            "managed": false,
            "mentionable": false,
            "flags": 0,
            "description": null,
        }],
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": CHANNEL_ID.to_string(),
        "system_channel_flags": 0,
        "rules_channel_id": null,
    });
    // Two halves: one json! literal this size exceeds the macro's recursion limit.
    let rest = json!({
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "incidents_data": null,
        "hub_type": null,
        "latest_onboarding_question_id": null,
        "home_header": null,
        "inventory_settings": null,
        "embedded_activities": [],
        "activity_instances": [],
        "application_command_counts": {},
        "soundboard_sounds": [],
        "version": 1_764_000_000_000u64,
        "lazy": true,
        "joined_at": "2026-11-01T09:00:00.000000+00:00",
        "large": false,
        "unavailable": false,
        "member_count": 4,
        "voice_states": [],
        "members": [],
        "channels": [guild_channel()],
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    });
    guild
        .as_object_mut()
        .unwrap()
        .extend(rest.as_object().unwrap().clone());
    guild
}

pub fn ready(gateway_url: &str) -> Value {
    ready_on_shard(gateway_url, 0, 1, &[GUILD_ID])
}

/// GUILD_CREATE for another server than the usual one.
pub fn guild_create_for(guild: u64, name: &str) -> Value {
    let mut created = moved_to_guild(guild_create(), guild);
    created["name"] = json!(name);
    created
}

/// Any payload built for the usual server ([`GUILD_ID`]), about `guild` instead.
pub fn moved_to_guild(mut payload: Value, guild: u64) -> Value {
    fn replace(value: &mut Value, from: &str, to: &str) {
        match value {
            Value::String(text) if text == from => *text = to.to_owned(),
            Value::Array(items) => items.iter_mut().for_each(|v| replace(v, from, to)),
            Value::Object(fields) => fields.values_mut().for_each(|v| replace(v, from, to)),
            _ => {}
        }
    }
    replace(&mut payload, &GUILD_ID.to_string(), &guild.to_string());
    payload
}

/// READY for shard `shard` of `total`, in the given servers (all still unavailable).
pub fn ready_on_shard(gateway_url: &str, shard: u32, total: u32, guilds: &[u64]) -> Value {
    let guilds: Vec<Value> = guilds
        .iter()
        .map(|g| json!({ "id": g.to_string(), "unavailable": true }))
        .collect();
    json!({
        "v": 10,
        "user": {
            "id": BOT_ID.to_string(),
            "username": "handshake",
            "discriminator": "0",
            "global_name": null,
            "avatar": null,
            "bot": true,
            "verified": true,
            "mfa_enabled": false,
            "flags": 0,
            "email": null,
            "public_flags": 0,
        },
        "guilds": guilds,
        "session_id": format!("fake-session-{shard}"),
        "resume_gateway_url": gateway_url,
        "shard": [shard, total],
        "application": { "id": APP_ID.to_string(), "flags": 8_953_856 },
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "user_settings": {},
        "geo_ordered_rtc_regions": ["rotterdam"],
        "session_type": "normal",
        "auth_session_id_hash": "fake",
    })
}

/// A message, as returned by REST (and as attached to a component interaction).
pub fn message(id: u64, channel_id: u64, content: &str, components: Value, flags: u64) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": {
            "id": BOT_ID.to_string(), "username": "handshake", "discriminator": "0",
            "global_name": null, "avatar": null, "bot": true, "public_flags": 0,
        },
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0,
        "flags": flags,
        "components": components,
        "application_id": APP_ID.to_string(),
        "webhook_id": null,
    })
}

/// A private (DM) channel, as returned by `POST /users/@me/channels`.
pub fn dm_channel(id: u64, recipient: &Person) -> Value {
    dm_channel_partial(id, recipient)
}

/// A command, as returned by a bulk overwrite: the request plus what Discord adds.
pub fn registered_command(request: &Value, index: usize, guild_id: Option<u64>) -> Value {
    let mut command = request.clone();
    let object = command.as_object_mut().expect("a command is an object");
    object.insert(
        "id".into(),
        json!((1_500_000_000_000_000_000u64 + index as u64).to_string()),
    );
    object.insert("application_id".into(), json!(APP_ID.to_string()));
    object.insert("version".into(), json!("1500000000000000100"));
    object.entry("type").or_insert(json!(1));
    object.entry("description").or_insert(json!(""));
    object
        .entry("default_member_permissions")
        .or_insert(Value::Null);
    object.entry("nsfw").or_insert(json!(false));
    if let Some(guild) = guild_id {
        object.insert("guild_id".into(), json!(guild.to_string()));
    }
    command
}

/// What every interaction carries, whatever its kind.
fn interaction_base(id: u64, kind: u8, token: &str) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": token,
        "version": 1,
        "app_permissions": APP_PERMISSIONS,
        "locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": 10_485_760,
    })
}

fn in_guild(interaction: &mut Value, invoker: &Person) {
    interaction["guild_id"] = json!(GUILD_ID.to_string());
    interaction["guild"] = json!({ "id": GUILD_ID.to_string(), "locale": "en-US", "features": [] });
    interaction["guild_locale"] = json!("en-US");
    interaction["channel_id"] = json!(CHANNEL_ID.to_string());
    interaction["channel"] = guild_channel();
    interaction["member"] = invoking_member(invoker);
    interaction["authorizing_integration_owners"] = json!({ "0": GUILD_ID.to_string() });
    interaction["context"] = json!(0);
}

/// `resolved` for the given people; members only for those who are members of the server.
pub fn resolved(people: &[(&Person, bool)]) -> Value {
    let mut users = serde_json::Map::new();
    let mut members = serde_json::Map::new();
    for (person, is_member) in people {
        users.insert(person.id.to_string(), user(person));
        if *is_member {
            members.insert(person.id.to_string(), member_fields(person));
        }
    }
    json!({ "users": users, "members": members })
}

/// A slash command naming one member (`member` option) and maybe a note.
pub fn slash_command(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    target: &Person,
    target_is_member: bool,
    note: Option<&str>,
) -> Value {
    let mut options = vec![json!({ "name": "member", "type": 6, "value": target.id.to_string() })];
    if let Some(note) = note {
        options.push(json!({ "name": "note", "type": 3, "value": note }));
    }
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000000",
        "name": command,
        "type": 1,
        "options": options,
        "resolved": resolved(&[(target, target_is_member)]),
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// The interaction as sent from a Discord client in `locale`, in a server whose language is
/// `server_locale` (`None`: leave the server's as it is, or none for a DM).
pub fn in_locale(mut interaction: Value, locale: &str, server_locale: Option<&str>) -> Value {
    interaction["locale"] = json!(locale);
    if let Some(server_locale) = server_locale {
        interaction["guild_locale"] = json!(server_locale);
        interaction["guild"]["locale"] = json!(server_locale);
    }
    interaction
}

/// `/profile view`, about `target` (and whether they are a member), or one's own.
pub fn profile_view(
    id: u64,
    token: &str,
    invoker: &Person,
    target: Option<(&Person, bool)>,
) -> Value {
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    let (options, resolved) = match target {
        Some((target, is_member)) => (
            json!([{ "name": "member", "type": 6, "value": target.id.to_string() }]),
            resolved(&[(target, is_member)]),
        ),
        None => (json!([]), json!({})),
    };
    interaction["data"] = json!({
        "id": "1500000000000000001",
        "name": "profile",
        "type": 1,
        "options": [{ "name": "view", "type": 1, "options": options }],
        "resolved": resolved,
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// A slash command whose one subcommand `sub` has the given options (`[{name, type, value}]`).
pub fn slash_sub(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    sub: &str,
    options: Value,
) -> Value {
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000008",
        "name": command,
        "type": 1,
        "options": [{ "name": sub, "type": 1, "options": options }],
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// Autocomplete while typing `typed` into option `option` of `command`.
pub fn autocomplete(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    option: &str,
    typed: &str,
) -> Value {
    let mut interaction = interaction_base(id, 4, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000009",
        "name": command,
        "type": 1,
        "options": [{ "name": option, "type": 3, "value": typed, "focused": true }],
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// A form (modal) submitted, with its fields' values.
pub fn form_submit(
    id: u64,
    token: &str,
    submitter: &Person,
    custom_id: &str,
    fields: &[(&str, &str)],
) -> Value {
    let mut interaction = interaction_base(id, 5, token);
    in_guild(&mut interaction, submitter);
    let rows: Vec<Value> = fields
        .iter()
        .map(|(field, value)| {
            json!({ "type": 1, "components": [
                { "type": 4, "custom_id": field, "value": value }
            ]})
        })
        .collect();
    interaction["data"] = json!({ "custom_id": custom_id, "components": rows });
    interaction
}

/// Several choices from a multi-select menu.
pub fn menu_picks(
    id: u64,
    token: &str,
    clicker: &Person,
    custom_id: &str,
    values: &[&str],
    message: Value,
) -> Value {
    let mut interaction = interaction_base(id, 3, token);
    in_guild(&mut interaction, clicker);
    interaction["data"] = json!({ "custom_id": custom_id, "component_type": 3, "values": values });
    interaction["message"] = message;
    interaction
}

/// A slash command with only string options (and, for a subcommand, inside it).
pub fn slash_with_strings(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    strings: &[(&str, &str)],
) -> Value {
    let options: Vec<Value> = strings
        .iter()
        .map(|(name, value)| json!({ "name": name, "type": 3, "value": value }))
        .collect();
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000004",
        "name": command,
        "type": 1,
        "options": options,
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// A slash command with the given options, as Discord sends them (`[{name, type, value}]`).
pub fn slash_with_options(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    options: Value,
) -> Value {
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000007",
        "name": command,
        "type": 1,
        "options": options,
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// `/tag add|remove member tag`.
pub fn tag_command(
    id: u64,
    token: &str,
    invoker: &Person,
    sub: &str,
    target: &Person,
    tag: &str,
) -> Value {
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000006",
        "name": "tag",
        "type": 1,
        "options": [{ "name": sub, "type": 1, "options": [
            { "name": "member", "type": 6, "value": target.id.to_string() },
            { "name": "tag", "type": 3, "value": tag },
        ]}],
        "resolved": resolved(&[(target, true)]),
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// Autocomplete while typing a tag in `/tag add`.
pub fn tag_autocomplete(id: u64, token: &str, invoker: &Person, typed: &str) -> Value {
    let mut interaction = interaction_base(id, 4, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000006",
        "name": "tag",
        "type": 1,
        "options": [{ "name": "add", "type": 1, "options": [
            { "name": "tag", "type": 3, "value": typed, "focused": true },
        ]}],
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// A choice from a select menu.
pub fn menu_pick(
    id: u64,
    token: &str,
    clicker: &Person,
    custom_id: &str,
    value: &str,
    message: Value,
) -> Value {
    let mut interaction = interaction_base(id, 3, token);
    in_guild(&mut interaction, clicker);
    interaction["data"] = json!({ "custom_id": custom_id, "component_type": 3, "values": [value] });
    interaction["message"] = message;
    interaction
}

/// A user context-menu command on `target`'s profile.
pub fn user_command(
    id: u64,
    token: &str,
    invoker: &Person,
    command: &str,
    target: &Person,
    target_is_member: bool,
) -> Value {
    let mut interaction = interaction_base(id, 2, token);
    in_guild(&mut interaction, invoker);
    interaction["data"] = json!({
        "id": "1500000000000000003",
        "name": command,
        "type": 2,
        "target_id": target.id.to_string(),
        "resolved": resolved(&[(target, target_is_member)]),
        "guild_id": GUILD_ID.to_string(),
    });
    interaction
}

/// Where a button was clicked.
pub enum ClickedIn {
    /// An ephemeral reply in the server's channel.
    Server,
    /// The bot's DM with the clicker: this DM channel.
    Dm(u64),
}

/// A click on a button of `message` (whose components must contain the button).
pub fn button_click(
    id: u64,
    token: &str,
    clicker: &Person,
    custom_id: &str,
    message: Value,
    place: ClickedIn,
) -> Value {
    let mut interaction = interaction_base(id, 3, token);
    match place {
        ClickedIn::Server => in_guild(&mut interaction, clicker),
        ClickedIn::Dm(channel) => {
            interaction["channel_id"] = json!(channel.to_string());
            interaction["channel"] = dm_channel_partial(channel, clicker);
            interaction["user"] = user(clicker);
            interaction["authorizing_integration_owners"] = json!({ "0": GUILD_ID.to_string() });
            interaction["context"] = json!(1);
        }
    }
    interaction["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    interaction["message"] = message;
    interaction
}
