//! End to end: the disconnect flows (slash command and profile menu) are seen by the remover
//! alone; the removed member is refused neutrally; the remover's re-invite restores the
//! connection with its original date.

mod support;

use axum::http::Method;
use support::bot::{
    TestBot, button_ids, ephemeral_text, reaches_others, reply_message, updated_text,
};
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::{alice, bob, carol};

/// Runs a disconnect flow started by `start` (slash or menu), confirms it, and checks that every
/// request the bot made was an answer to the remover's own interactions.
async fn disconnect_flow(
    bot: &TestBot,
    start: serde_json::Value,
    remover: &Person,
    removed: &Person,
) {
    let (callback, before) = bot.discord.interact(start).await;
    let text = ephemeral_text(&callback);
    assert_eq!(
        text,
        format!(
            "Remove <@{}> from your connections? They won't be notified. You can re-invite them later.",
            removed.id
        )
    );
    let buttons = button_ids(&callback.body["data"]);
    let guild = dj::GUILD_ID;
    assert_eq!(
        buttons,
        [
            format!("hs:remove:{guild}:{}:{}", remover.id, removed.id),
            format!("hs:keep:{guild}:{}:{}", remover.id, removed.id)
        ]
    );
    let labels: Vec<&str> = callback.body["data"]["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Remove connection", "Cancel"]);
    assert_eq!(
        callback.body["data"]["components"][0]["components"][0]["style"], 4,
        "danger"
    );

    let (confirm, _) = bot
        .click(
            "tok-confirm",
            remover,
            &buttons[0],
            reply_message(&callback),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        updated_text(&confirm),
        format!(
            "Removed <@{}> from your connections. They won't be notified.",
            removed.id
        )
    );
    assert_eq!(confirm.body["data"]["components"], serde_json::json!([]));

    let sent = bot.settle(before).await;
    assert_eq!(sent.len(), 2, "exactly two requests: {sent:#?}");
    for request in &sent {
        assert_eq!(request.method, Method::POST);
        assert!(
            request.path.starts_with("/interactions/") && request.path.ends_with("/callback"),
            "only interaction callbacks: {request:#?}"
        );
        assert!(!reaches_others(request));
    }
    assert!(
        !bot.network
            .is_connected(TestBot::guild(), TestBot::id(remover), TestBot::id(removed))
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn disconnecting_with_the_slash_command_is_seen_by_the_remover_alone() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.connect(&alice, &bob).await;
    let start = dj::slash_command(
        bot.interaction_id(),
        "tok-dc",
        &alice,
        "disconnect",
        &bob,
        true,
        None,
    );
    disconnect_flow(&bot, start, &alice, &bob).await;
    bot.stop().await;
}

#[tokio::test]
async fn disconnecting_from_the_profile_menu_is_seen_by_the_remover_alone() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.connect(&alice, &bob).await;
    let start = dj::user_command(
        bot.interaction_id(),
        "tok-menu",
        &alice,
        "Remove connection",
        &bob,
        true,
    );
    disconnect_flow(&bot, start, &alice, &bob).await;
    bot.stop().await;
}

#[tokio::test]
async fn cancelling_keeps_the_connection() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.connect(&alice, &bob).await;
    let start = dj::slash_command(
        bot.interaction_id(),
        "tok-dc",
        &alice,
        "disconnect",
        &bob,
        true,
        None,
    );
    let (callback, _) = bot.discord.interact(start).await;
    let cancel = &button_ids(&callback.body["data"])[1];
    let (answer, _) = bot
        .click(
            "tok-cancel",
            &alice,
            cancel,
            reply_message(&callback),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        updated_text(&answer),
        format!("Okay, <@{}> stays in your connections.", bob.id)
    );
    assert!(
        bot.network
            .is_connected(TestBot::guild(), TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_removed_member_is_refused_exactly_like_someone_whose_settings_refuse() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    bot.connect(&alice, &bob).await;
    bot.network
        .disconnect(TestBot::guild(), TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();
    let closed = handshake::network::SettingsUpdate {
        invite_policy: Some(handshake::network::InvitePolicy::Nobody),
        ..Default::default()
    };
    bot.network
        .update_settings(TestBot::guild(), TestBot::id(&carol), closed)
        .await
        .unwrap();

    let (to_remover, before) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "t1",
            &bob,
            "invite",
            &alice,
            true,
            None,
        ))
        .await;
    let (to_closed, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "t2",
            &bob,
            "invite",
            &carol,
            true,
            None,
        ))
        .await;

    assert_eq!(
        ephemeral_text(&to_remover),
        "This member can't be invited at this time."
    );
    assert_eq!(
        to_remover.body, to_closed.body,
        "the two refusals are the same bytes"
    );
    let sent = bot.settle(before).await;
    assert!(
        sent.iter().all(|r| !reaches_others(r)),
        "nobody hears of a refused invitation: {sent:#?}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_removers_reinvite_once_accepted_restores_the_original_date() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    let g = TestBot::guild();
    bot.connect(&alice, &bob).await;
    let original = bot
        .network
        .connected_since(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap()
        .unwrap();
    bot.network
        .add_tag(g, TestBot::id(&alice), TestBot::id(&bob), "mentor")
        .await
        .unwrap();
    let start = dj::slash_command(
        bot.interaction_id(),
        "tok-dc",
        &alice,
        "disconnect",
        &bob,
        true,
        None,
    );
    disconnect_flow(&bot, start, &alice, &bob).await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await; // so "now" differs from the original date

    let (invite, _) = bot
        .discord
        .interact(dj::user_command(
            bot.interaction_id(),
            "tok-re",
            &alice,
            "Invite to connect",
            &bob,
            true,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&invite),
        format!("Invitation sent to <@{}>.", bob.id)
    );
    let (accept, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "tok-acc",
            &bob,
            "connect",
            &alice,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&accept),
        format!("You're connected with <@{}> again.", alice.id)
    );

    assert_eq!(
        bot.network
            .connected_since(g, TestBot::id(&bob), TestBot::id(&alice))
            .await
            .unwrap(),
        Some(original)
    );
    let tags = bot
        .network
        .tags(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();
    assert_eq!(tags.len(), 1, "alice's private tag is back");
    bot.stop().await;
}
