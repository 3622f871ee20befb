//! End to end through a fake Discord and the real serenity client: registration, invitations,
//! accepting from the DM, closed DMs, /connect.

mod support;

use axum::http::Method;
use serde_json::Value;
use support::bot::{TestBot, button_ids, callback_data};
use support::discord_json::{self as dj, ClickedIn};
use support::people::{alice, bob};

/// The callback must be an ephemeral new message that pings nobody.
fn assert_ephemeral_message(callback: &Value) {
    assert_eq!(callback["type"], 4, "a new message: {callback:#}");
    assert_eq!(callback["data"]["flags"], 64, "ephemeral: {callback:#}");
    assert_eq!(
        callback["data"]["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "no pings: {callback:#}"
    );
}

#[tokio::test]
async fn registration_is_one_bulk_overwrite_of_every_command_for_servers_only() {
    let bot = TestBot::start().await;
    let registration = &bot.registration;
    assert_eq!(registration.method, Method::PUT);
    assert_eq!(
        registration.path,
        format!("/applications/{}/commands", dj::APP_ID)
    );
    assert_eq!(
        registration.authorization.as_deref(),
        Some(format!("Bot {}", support::bot::TEST_TOKEN).as_str()),
        "the bot authenticates with its token"
    );
    let commands = registration.body.as_array().expect("an array of commands");
    let by_name = |name: &str| {
        commands
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} is registered"))
    };
    assert_eq!(commands.len(), 16);
    let map = by_name("map");
    let map_options: Vec<(&str, bool)> = map["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["autocomplete"] == true))
        .collect();
    assert_eq!(map_options, [("include", false), ("tag", true)]);
    assert_eq!(map["options"][0]["choices"][0]["value"], "second_degree");
    let mydata: Vec<&str> = by_name("mydata")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(mydata, ["export", "delete"]);
    let network = by_name("network");
    assert_eq!(
        network["default_member_permissions"], "32",
        "Manage Server only"
    );
    let subcommands: Vec<&str> = network["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        subcommands,
        [
            "stats",
            "limits",
            "reports",
            "remove-member",
            "clear-profile"
        ]
    );
    let profile: Vec<&str> = by_name("profile")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(profile, ["view", "edit"]);
    let people = &by_name("people")["options"];
    assert_eq!(people[0]["name"], "skill");
    assert_eq!(people[0]["autocomplete"], true);
    assert_eq!(people[0]["max_length"], 32);
    assert_eq!(people[2]["choices"].as_array().unwrap().len(), 6);
    for command in commands {
        assert_eq!(
            command["contexts"],
            serde_json::json!([0]),
            "servers only: {command:#}"
        );
        assert_eq!(
            command["integration_types"],
            serde_json::json!([0]),
            "{command:#}"
        );
    }
    let invite = by_name("invite");
    assert!(
        invite["type"].is_null() || invite["type"] == 1,
        "a slash command (type 1, Discord's default)"
    );
    assert_eq!(invite["options"][0]["name"], "member");
    assert_eq!(invite["options"][0]["type"], 6, "a user option");
    assert_eq!(invite["options"][0]["required"], true);
    assert_eq!(invite["options"][1]["name"], "note");
    assert_eq!(invite["options"][1]["type"], 3);
    assert_eq!(invite["options"][1]["max_length"], 300);
    assert_ne!(invite["options"][1]["required"], true);
    for name in ["connect", "disconnect"] {
        let command = by_name(name);
        assert_eq!(command["options"][0]["type"], 6);
        assert_eq!(command["options"][0]["required"], true);
    }
    let connections = by_name("connections");
    assert_eq!(connections["options"][0]["name"], "search");
    assert_eq!(connections["options"][0]["max_length"], 100);
    assert_eq!(connections["options"][1]["name"], "tag");
    assert_eq!(connections["options"][1]["autocomplete"], true);
    assert_eq!(connections["options"][1]["max_length"], 32);
    let show = &by_name("invitations")["options"][0];
    let choices: Vec<&str> = show["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(choices, ["received", "sent"]);
    assert_ne!(
        by_name("profile")["options"][0]["options"][0]["required"],
        true,
        "a profile defaults to your own"
    );
    let tag = by_name("tag");
    let subcommands: Vec<&str> = tag["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(subcommands, ["add", "remove"]);
    assert_eq!(tag["options"][0]["type"], 1, "a subcommand");
    assert_eq!(tag["options"][0]["options"][1]["autocomplete"], true);
    assert!(
        by_name("suggestions")["options"]
            .as_array()
            .is_none_or(|o| o.is_empty())
    );
    for name in [
        "Invite to connect",
        "Remove connection",
        "View network profile",
    ] {
        assert_eq!(
            by_name(name)["type"],
            2,
            "{name} is a user context-menu command"
        );
    }
    bot.stop().await;
}

#[tokio::test]
async fn registration_goes_to_the_development_server_when_one_is_set() {
    let bot = TestBot::start_with(&[("DISCORD_GUILD_ID", dj::GUILD_ID.to_string())]).await;
    assert_eq!(
        bot.registration.path,
        format!(
            "/applications/{}/guilds/{}/commands",
            dj::APP_ID,
            dj::GUILD_ID
        )
    );
    bot.stop().await;
}

#[tokio::test]
async fn invite_dm_accept_connects_both_and_tells_the_inviter() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.know(&alice);
    bot.discord.know(&bob);

    // Alice invites Bob with a note.
    let invite = dj::slash_command(
        bot.interaction_id(),
        "tok-invite",
        &alice,
        "invite",
        &bob,
        true,
        Some("We met at RustConf"),
    );
    let (callback, before) = bot.discord.interact(invite).await;
    assert_ephemeral_message(&callback.body);
    assert_eq!(
        callback_data(&callback)["content"],
        format!("Invitation sent to <@{}>.", bob.id)
    );

    // Bob gets a DM with the note, the server's name, and Accept / Ignore.
    let dm = bot
        .discord
        .wait_for(before, "the invitation DM", |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await;
    let opened = bot
        .requests_since(before)
        .into_iter()
        .find(|r| r.is(Method::POST, "/users/@me/channels"))
        .expect("a DM channel was opened");
    assert_eq!(opened.body["recipient_id"], bob.id.to_string());
    let text = dm.body["content"].as_str().unwrap();
    assert!(
        text.contains("**Alice** invited you to connect on **Rustaceans**."),
        "{text}"
    );
    assert!(text.contains("> We met at RustConf"), "{text}");
    assert_eq!(dm.body["allowed_mentions"]["parse"], serde_json::json!([]));
    let buttons = button_ids(&dm.body);
    let guild = dj::GUILD_ID;
    assert_eq!(
        buttons,
        [
            format!("hs:accept:{guild}:{}:{}", alice.id, bob.id),
            format!("hs:ignore:{guild}:{}:{}", alice.id, bob.id),
            format!("hs:report:{guild}:{}:{}", alice.id, bob.id),
        ]
    );
    // The directory learned both names from the interaction.
    let names = bot
        .network
        .member_names(TestBot::guild(), TestBot::id(&bob))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (names.display_name.as_str(), names.username.as_str()),
        ("Bobby", "bob")
    );

    // Bob clicks Accept in his DM.
    let dm_channel: u64 = dm.path.split('/').nth(2).unwrap().parse().unwrap();
    let message = dj::message(
        bot.interaction_id(),
        dm_channel,
        text,
        dm.body["components"].clone(),
        0,
    );
    let (callback, before) = bot
        .click(
            "tok-accept",
            &bob,
            &buttons[0],
            message,
            ClickedIn::Dm(dm_channel),
        )
        .await;
    assert_eq!(
        callback.body["type"], 7,
        "the DM is updated in place: {:#}",
        callback.body
    );
    assert_eq!(
        callback_data(&callback)["content"],
        "You're now connected with **Alice**."
    );
    assert_eq!(
        callback_data(&callback)["components"],
        serde_json::json!([]),
        "the buttons are gone"
    );
    assert!(
        bot.network
            .is_connected(TestBot::guild(), TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );

    // Alice hears about it by DM.
    let news = bot
        .discord
        .wait_for(before, "the acceptance DM", |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await;
    assert!(
        news.body["content"]
            .as_str()
            .unwrap()
            .contains("**Bobby** accepted your invitation on **Rustaceans**"),
        "{:#}",
        news.body
    );
    let opened: Vec<_> = bot
        .requests_since(before)
        .into_iter()
        .filter(|r| r.is(Method::POST, "/users/@me/channels"))
        .collect();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].body["recipient_id"], alice.id.to_string());
    bot.stop().await;
}
