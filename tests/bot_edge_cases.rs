//! End to end: closed DMs, /connect without an invitation, buttons clicked by the wrong person
//! or after the fact, and bad targets — each gets one clear ephemeral line and changes nothing.

mod support;

use axum::http::Method;
use support::bot::{
    TestBot, button_ids, ephemeral_text, reaches_others, reply_message, updated_text,
};
use support::discord_json::{self as dj, ClickedIn};
use support::people::{a_bot, alice, bob, carol};

#[tokio::test]
async fn an_invitation_to_someone_with_closed_dms_stands_and_the_inviter_is_told() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.close_dms_of(&bob);

    let (callback, before) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "tok-closed",
            &alice,
            "invite",
            &bob,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&callback),
        format!("Invitation sent to <@{}>.", bob.id)
    );

    let followup = bot
        .discord
        .wait_for(before, "the follow-up", |r| {
            r.method == Method::POST && r.path.starts_with("/webhooks/")
        })
        .await;
    assert_eq!(
        followup.path,
        format!("/webhooks/{}/tok-closed", dj::APP_ID)
    );
    assert_eq!(followup.body["flags"], 64);
    assert_eq!(
        followup.body["allowed_mentions"]["parse"],
        serde_json::json!([])
    );
    assert_eq!(
        followup.body["content"],
        format!(
            "<@{}> doesn't accept direct messages, so they weren't notified. They'll find your invitation among their pending invitations.",
            bob.id
        )
    );
    let counts = bot
        .network
        .counts(TestBot::guild(), TestBot::id(&bob))
        .await
        .unwrap();
    assert_eq!(counts.invitations_received, 1, "the invitation stands");
    bot.stop().await;
}

#[tokio::test]
async fn connect_without_an_invitation_offers_to_send_one() {
    let bot = TestBot::start().await;
    let (alice, carol) = (alice(), carol());
    let (callback, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "tok-c",
            &alice,
            "connect",
            &carol,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&callback),
        format!(
            "<@{}> hasn't invited you to connect. Would you like to send them an invitation?",
            carol.id
        )
    );
    let buttons = button_ids(&callback.body["data"]);
    assert_eq!(
        buttons,
        [format!(
            "hs:invite:{}:{}:{}",
            dj::GUILD_ID,
            alice.id,
            carol.id
        )]
    );

    let (sent, before) = bot
        .click(
            "tok-send",
            &alice,
            &buttons[0],
            reply_message(&callback),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        updated_text(&sent),
        format!("Invitation sent to <@{}>.", carol.id)
    );
    bot.discord
        .wait_for(before, "carol's invitation DM", |r| {
            r.path.starts_with("/channels/")
        })
        .await;
    assert_eq!(
        bot.network
            .counts(TestBot::guild(), TestBot::id(&carol))
            .await
            .unwrap()
            .invitations_received,
        1
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_button_is_only_for_the_person_it_was_made_for() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    let g = TestBot::guild();
    bot.network
        .invite(g, TestBot::id(&alice), TestBot::id(&bob), None)
        .await
        .unwrap();
    let accept = format!("hs:accept:{}:{}:{}", dj::GUILD_ID, alice.id, bob.id);
    let message = dj::message(1, dj::CHANNEL_ID, "x", serde_json::json!([]), 64);

    let (callback, _) = bot
        .click("tok-x", &carol, &accept, message, ClickedIn::Server)
        .await;
    assert_eq!(ephemeral_text(&callback), "This button isn't for you.");
    assert!(
        !bot.network
            .is_connected(g, TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );
    bot.stop().await;
}

#[tokio::test]
async fn stale_buttons_get_a_clear_message() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    let g = TestBot::guild();
    let message = || dj::message(1, 77, "x", serde_json::json!([]), 0);
    let accept = format!("hs:accept:{}:{}:{}", dj::GUILD_ID, alice.id, bob.id);
    let ignore = format!("hs:ignore:{}:{}:{}", dj::GUILD_ID, alice.id, bob.id);

    // Withdrawn before Bob clicked.
    bot.network
        .invite(g, TestBot::id(&alice), TestBot::id(&bob), None)
        .await
        .unwrap();
    bot.network
        .withdraw(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();
    let (callback, _) = bot
        .click("t1", &bob, &accept, message(), ClickedIn::Dm(77))
        .await;
    assert_eq!(
        updated_text(&callback),
        "This invitation is no longer available."
    );
    let (callback, _) = bot
        .click("t2", &bob, &ignore, message(), ClickedIn::Dm(77))
        .await;
    assert_eq!(
        updated_text(&callback),
        "This invitation is no longer available."
    );

    // Already connected (accepted elsewhere) when the old DM button is clicked.
    bot.network
        .invite(g, TestBot::id(&bob), TestBot::id(&alice), None)
        .await
        .unwrap();
    bot.network
        .accept(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();
    bot.network
        .see_member(
            g,
            TestBot::id(&alice),
            handshake::network::MemberNames {
                display_name: "Alice".into(),
                username: "alice".into(),
            },
        )
        .await
        .unwrap();
    let (callback, _) = bot
        .click("t3", &bob, &accept, message(), ClickedIn::Dm(77))
        .await;
    assert_eq!(
        updated_text(&callback),
        "You're already connected with **Alice**."
    );

    // A button this version never made.
    let (callback, _) = bot
        .click("t4", &bob, "legacy:thing", message(), ClickedIn::Dm(77))
        .await;
    assert_eq!(
        ephemeral_text(&callback),
        "That action isn't available anymore."
    );
    bot.stop().await;
}

#[tokio::test]
async fn ignoring_from_the_dm_tells_nobody() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    let g = TestBot::guild();
    bot.network
        .invite(g, TestBot::id(&alice), TestBot::id(&bob), None)
        .await
        .unwrap();
    let ignore = format!("hs:ignore:{}:{}:{}", dj::GUILD_ID, alice.id, bob.id);
    let (callback, before) = bot
        .click(
            "t",
            &bob,
            &ignore,
            dj::message(1, 77, "x", serde_json::json!([]), 0),
            ClickedIn::Dm(77),
        )
        .await;
    assert!(
        updated_text(&callback).starts_with("You ignored the invitation from"),
        "{:#}",
        callback.body
    );
    let sent = bot.settle(before).await;
    assert_eq!(sent.len(), 1, "only the callback: {sent:#?}");
    assert_eq!(
        bot.network
            .counts(g, TestBot::id(&alice))
            .await
            .unwrap()
            .invitations_sent,
        1,
        "still pending for alice"
    );
    bot.stop().await;
}

#[tokio::test]
async fn bad_targets_and_bad_notes_get_one_clear_line() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    let cases = [
        (
            dj::slash_command(
                bot.interaction_id(),
                "t1",
                &alice,
                "invite",
                &a_bot(),
                true,
                None,
            ),
            "Bots can't be part of your network.",
        ),
        (
            dj::slash_command(
                bot.interaction_id(),
                "t2",
                &alice,
                "invite",
                &bob,
                false,
                None,
            ),
            "That person isn't a member of this server.",
        ),
        (
            dj::user_command(
                bot.interaction_id(),
                "t3",
                &alice,
                "Remove connection",
                &bob,
                false,
            ),
            "That person isn't a member of this server.",
        ),
        (
            dj::slash_command(
                bot.interaction_id(),
                "t4",
                &alice,
                "invite",
                &alice,
                true,
                None,
            ),
            "You can't do that with yourself.",
        ),
        (
            dj::slash_command(
                bot.interaction_id(),
                "t5",
                &alice,
                "disconnect",
                &alice,
                true,
                None,
            ),
            "You can't do that with yourself.",
        ),
        (
            dj::slash_command(
                bot.interaction_id(),
                "t6",
                &alice,
                "disconnect",
                &bob,
                true,
                None,
            ),
            "You aren't connected with this member.",
        ),
        (
            dj::slash_command(
                bot.interaction_id(),
                "t7",
                &alice,
                "invite",
                &bob,
                true,
                Some(&"x".repeat(301)),
            ),
            "Your note is 301 characters long; a note can have at most 300.",
        ),
    ];
    let before = bot.discord.requests().len();
    for (interaction, expected) in cases {
        let (callback, _) = bot.discord.interact(interaction).await;
        assert_eq!(ephemeral_text(&callback), expected);
        assert!(
            callback.body["data"]["components"]
                .as_array()
                .is_none_or(|c| c.is_empty())
        );
    }
    let sent = bot.settle(before).await;
    assert!(sent.iter().all(|r| !reaches_others(r)), "{sent:#?}");
    let counts = bot
        .network
        .counts(TestBot::guild(), TestBot::id(&alice))
        .await
        .unwrap();
    assert_eq!(
        (counts.invitations_sent, counts.connections),
        (0, 0),
        "nothing was changed"
    );
    bot.stop().await;
}

#[tokio::test]
async fn an_internal_failure_is_a_short_generic_message_and_the_bot_keeps_going() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    // Break one table under the running bot, as a damaged database would.
    let raw = rusqlite::Connection::open(&bot.path).unwrap();
    raw.execute_batch("ALTER TABLE withdrawals RENAME TO withdrawals_lost")
        .unwrap();

    let (callback, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "t1",
            &alice,
            "invite",
            &bob,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&callback),
        "Something went wrong on our side. Please try again in a moment."
    );
    assert_eq!(
        bot.network
            .counts(TestBot::guild(), TestBot::id(&bob))
            .await
            .unwrap()
            .invitations_received,
        0,
        "rolled back"
    );

    // The shard is still up: the next interaction is answered.
    let (callback, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "t2",
            &alice,
            "connect",
            &bob,
            true,
            None,
        ))
        .await;
    assert!(ephemeral_text(&callback).contains("hasn't invited you"));
    raw.execute_batch("ALTER TABLE withdrawals_lost RENAME TO withdrawals")
        .unwrap();
    bot.stop().await;
}
