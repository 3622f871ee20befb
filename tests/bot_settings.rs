//! End to end: /settings shows and changes who may invite you, automatic accepting and DM
//! notifications; each changes what happens to an invitation, and refusals stay neutral.

mod support;

use axum::http::Method;
use serde_json::json;
use support::bot::{TestBot, ephemeral_text};
use support::discord_json::{self as dj, Person};
use support::people::{alice, bob, carol};

fn settings(bot: &TestBot, who: &Person, options: serde_json::Value) -> serde_json::Value {
    dj::slash_with_options(bot.interaction_id(), "set", who, "settings", options)
}

fn invite(bot: &TestBot, from: &Person, to: &Person) -> serde_json::Value {
    dj::slash_command(bot.interaction_id(), "inv", from, "invite", to, true, None)
}

#[tokio::test]
async fn each_setting_changes_what_an_invitation_does() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());

    let (shown, _) = bot.discord.interact(settings(&bot, &bob, json!([]))).await;
    let text = ephemeral_text(&shown);
    assert!(
        text.contains("Who may invite you: Everyone") && text.contains("DM notifications: on"),
        "{text}"
    );

    // Nobody: refused, neutrally.
    let (saved, _) = bot
        .discord
        .interact(settings(
            &bot,
            &bob,
            json!([{ "name": "invitations_from", "type": 3, "value": "nobody" }]),
        ))
        .await;
    assert!(
        ephemeral_text(&saved).starts_with("Saved.")
            && ephemeral_text(&saved).contains("Who may invite you: Nobody")
    );
    let (refused, _) = bot.discord.interact(invite(&bot, &alice, &bob)).await;
    assert_eq!(
        ephemeral_text(&refused),
        "This member can't be invited at this time."
    );

    // People who share a connection: refused until they do.
    bot.discord
        .interact(settings(
            &bot,
            &bob,
            json!([{ "name": "invitations_from", "type": 3, "value": "mutuals" }]),
        ))
        .await;
    let (refused_again, _) = bot.discord.interact(invite(&bot, &alice, &bob)).await;
    assert_eq!(
        refused_again.body, refused.body,
        "the same neutral refusal, byte for byte"
    );
    let g = TestBot::guild();
    for (a, b) in [(&alice, &carol), (&bob, &carol)] {
        bot.network
            .invite(g, TestBot::id(a), TestBot::id(b), None)
            .await
            .unwrap();
        bot.network
            .accept(g, TestBot::id(b), TestBot::id(a))
            .await
            .unwrap();
    }
    let (sent, before) = bot.discord.interact(invite(&bot, &alice, &bob)).await;
    assert_eq!(
        ephemeral_text(&sent),
        format!("Invitation sent to <@{}>.", bob.id)
    );
    bot.discord
        .wait_for(before, "bob's invitation DM", |r| {
            r.path.starts_with("/channels/")
        })
        .await;
    bot.network
        .withdraw(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();

    // Automatic accepting, with DMs off: connected at once, and no DM to anyone.
    let carols = json!([
        { "name": "auto_accept", "type": 5, "value": true },
        { "name": "dm_notifications", "type": 5, "value": false },
    ]);
    let (saved, _) = bot.discord.interact(settings(&bot, &carol, carols)).await;
    let text = ephemeral_text(&saved);
    assert!(
        text.contains("Accept invitations automatically: on")
            && text.contains("DM notifications: off"),
        "{text}"
    );
    let dave = Person::new(1_700_000_000_000_000_004, "dave");
    let (connected, before) = bot.discord.interact(invite(&bot, &dave, &carol)).await;
    assert_eq!(
        ephemeral_text(&connected),
        format!("You're now connected with <@{}>.", carol.id)
    );
    let sent = bot.settle(before).await;
    assert!(
        sent.iter()
            .all(|r| !(r.method == Method::POST && r.path == "/users/@me/channels")),
        "{sent:#?}"
    );
    bot.stop().await;
}
