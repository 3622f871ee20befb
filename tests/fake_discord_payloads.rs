//! The fake Discord's payloads are ones serenity reads: if one stopped parsing, serenity would
//! drop the event silently and every end-to-end test would time out without saying why.

mod support;

use serde_json::json;
use serenity::all::{
    Command, CommandInteraction, ComponentInteraction, Guild, Message, PrivateChannel, Ready,
};
use support::discord_json::{self as dj, ClickedIn, Person};

fn alice() -> Person {
    Person::new(1_700_000_000_000_000_001, "alice")
}

fn bob() -> Person {
    Person::new(1_700_000_000_000_000_002, "bob").with_nick("Bobby")
}

#[test]
fn gateway_events_parse() {
    serde_json::from_value::<Ready>(dj::ready("ws://127.0.0.1:1/gateway-ws")).expect("READY");
    let guild = serde_json::from_value::<Guild>(dj::guild_create()).expect("GUILD_CREATE");
    assert_eq!(guild.name, dj::GUILD_NAME);
}

#[test]
fn interactions_parse() {
    let slash = dj::slash_command(1, "t", &alice(), "invite", &bob(), true, Some("hi"));
    let slash = serde_json::from_value::<CommandInteraction>(slash).expect("slash command");
    assert_eq!(slash.data.options().len(), 2);
    let menu = dj::user_command(2, "t", &alice(), "Remove connection", &bob(), true);
    let menu = serde_json::from_value::<CommandInteraction>(menu).expect("user command");
    assert!(menu.data.target().is_some());
    let message = dj::message(3, dj::CHANNEL_ID, "x", json!([]), 64);
    let click = dj::button_click(
        4,
        "t",
        &alice(),
        "hs:keep:1:2:3",
        message.clone(),
        ClickedIn::Server,
    );
    serde_json::from_value::<ComponentInteraction>(click).expect("button in a server");
    let click = dj::button_click(5, "t", &alice(), "hs:keep:1:2:3", message, ClickedIn::Dm(9));
    let click = serde_json::from_value::<ComponentInteraction>(click).expect("button in a DM");
    assert!(click.member.is_none());
    assert_eq!(click.user.id.get(), alice().id);
}

#[test]
fn rest_answers_parse() {
    serde_json::from_value::<Message>(dj::message(1, 2, "x", json!([]), 0)).expect("message");
    serde_json::from_value::<PrivateChannel>(dj::dm_channel(5, &bob())).expect("DM channel");
    let request = json!({ "name": "invite", "description": "d", "options": [], "contexts": [0], "integration_types": [0] });
    serde_json::from_value::<Command>(dj::registered_command(&request, 0, None)).expect("command");
}

#[test]
fn the_openapi_check_refuses_what_discord_refuses() {
    use support::openapi::validate;
    let callback = "/interactions/1/tok/callback";
    let fine = json!({ "type": 4, "data": { "content": "hi", "flags": 64, "allowed_mentions": { "parse": [] } } });
    validate("POST", callback, &fine).expect("a plain ephemeral reply is valid");
    let too_long = json!({ "type": 4, "data": { "content": "x".repeat(2001) } });
    assert!(
        validate("POST", callback, &too_long).is_err(),
        "content over 2000 characters"
    );
    let long_id = json!({ "type": 7, "data": { "components": [{ "type": 1, "components": [
        { "type": 2, "style": 1, "label": "x", "custom_id": "x".repeat(101) }
    ]}]}});
    assert!(
        validate("POST", callback, &long_id).is_err(),
        "custom_id over 100 characters"
    );
    let bad_option = json!([{ "name": "invite", "description": "d", "options": [{ "type": 3, "name": "note", "description": "d", "max_length": 7000 }] }]);
    assert!(
        validate("PUT", "/applications/1/commands", &bad_option).is_err(),
        "max_length over 6000"
    );
    assert!(validate("POST", "/not/a/discord/route", &fine).is_err());
    // Discord takes integer-parseable strings where the spec says integer, and nothing else.
    let numeric =
        json!([{ "name": "network", "description": "d", "default_member_permissions": "32" }]);
    validate("PUT", "/applications/1/commands", &numeric)
        .expect("a permission bit set as a string");
    let words =
        json!([{ "name": "network", "description": "d", "default_member_permissions": "manage" }]);
    assert!(validate("PUT", "/applications/1/commands", &words).is_err());
}

#[test]
fn a_subcommand_without_options_parses_as_discord_sends_it() {
    // Discord sends a subcommand's `options` even when empty, and serenity requires it.
    let json = dj::slash_with_options(
        1,
        "t",
        &alice(),
        "mydata",
        json!([{ "name": "export", "type": 1, "options": [] }]),
    );
    serde_json::from_value::<CommandInteraction>(json).expect("subcommand with empty options");
}
