//! End to end: /mydata export is exactly the member's own data, as a JSON file; /mydata delete
//! (after a confirmation) leaves nothing of theirs and leaves others' data intact; a moderator's
//! /network remove-member does the same for a spam account and is audited.

mod support;

use handshake::network::{ConnectionFilter, ConnectionWindow, MemberNames};
use serde_json::{Value, json};
use support::bot::{TestBot, button, ephemeral_text, reaches_others, reply_message, updated_text};
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::{alice, bob, carol, dave};

#[tokio::test]
async fn export_holds_exactly_the_members_own_data() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let (alice, bob, carol, dave) = (alice(), bob(), carol(), dave());
    let erin = Person::new(1_700_000_000_000_000_005, "erin");
    bot.network
        .see_member(
            g,
            TestBot::id(&bob),
            MemberNames {
                display_name: "Bobby".into(),
                username: "bob".into(),
            },
        )
        .await
        .unwrap();
    bot.connect(&alice, &bob).await;
    bot.network
        .add_tag(g, TestBot::id(&alice), TestBot::id(&bob), "mentor")
        .await
        .unwrap();
    bot.network
        .invite(g, TestBot::id(&carol), TestBot::id(&alice), Some("hello"))
        .await
        .unwrap();
    bot.connect(&alice, &dave).await;
    for tag in ["classmate", "climbing"] {
        bot.network
            .add_tag(g, TestBot::id(&alice), TestBot::id(&dave), tag)
            .await
            .unwrap();
    }
    bot.network
        .disconnect(g, TestBot::id(&alice), TestBot::id(&dave))
        .await
        .unwrap();
    bot.connect(&erin, &alice).await;
    bot.network
        .disconnect(g, TestBot::id(&erin), TestBot::id(&alice))
        .await
        .unwrap(); // erin's own record

    let command = dj::slash_with_options(
        bot.interaction_id(),
        "x",
        &alice,
        "mydata",
        json!([{ "name": "export", "type": 1, "options": [] }]),
    );
    let (callback, before) = bot.discord.interact(command).await;
    assert_eq!(callback.body["type"], 4);
    assert_eq!(callback.body["data"]["flags"], 64, "ephemeral");
    assert_eq!(callback.files.len(), 1, "one attachment");
    let (name, contents) = &callback.files[0];
    assert!(name.ends_with(".json"), "{name}");
    let data: Value = serde_json::from_slice(contents).expect("valid JSON");

    assert_eq!(data["member_id"], alice.id);
    assert_eq!(
        data["names"]["display_name"], "Alice",
        "seen in the interaction"
    );
    assert_eq!(data["settings"]["invitations_from"], "everyone");
    let since = bot
        .network
        .connected_since(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        data["connections"],
        json!([{ "member_id": bob.id, "names": { "display_name": "Bobby", "username": "bob" },
                 "connected_since_unix_ms": since.unix_millis(), "your_tags": ["mentor"] }])
    );
    assert_eq!(
        data["tags_on_past_connections"],
        json!([{ "member_id": dave.id, "tags": ["classmate", "climbing"] }]),
        "kept for a restored connection, and still hers"
    );
    assert_eq!(data["invitations_received"][0]["member_id"], carol.id);
    assert_eq!(data["invitations_received"][0]["note"], "hello");
    assert_eq!(data["invitations_sent"], json!([]));
    assert_eq!(data["members_you_removed"][0]["member_id"], dave.id);
    assert!(
        !String::from_utf8_lossy(contents).contains(&erin.id.to_string()),
        "who removed you is not yours"
    );
    assert!(bot.settle(before).await.iter().all(|r| !reaches_others(r)));
    bot.stop().await;
}

#[tokio::test]
async fn delete_asks_then_erases_and_leaves_others_intact() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let (alice, bob, carol) = (alice(), bob(), carol());
    bot.connect(&alice, &bob).await;
    bot.connect(&bob, &carol).await;
    bot.network
        .add_tag(g, TestBot::id(&bob), TestBot::id(&carol), "friend")
        .await
        .unwrap();

    let command = dj::slash_with_options(
        bot.interaction_id(),
        "d1",
        &alice,
        "mydata",
        json!([{ "name": "delete", "type": 1, "options": [] }]),
    );
    let (ask, before) = bot.discord.interact(command).await;
    assert!(ephemeral_text(&ask).starts_with("Delete all your network data in this server?"));
    let (kept, _) = bot
        .click(
            "d2",
            &alice,
            &button(&ask.body["data"], "Cancel"),
            reply_message(&ask),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(updated_text(&kept), "Okay, nothing was changed.");
    assert!(
        bot.network
            .is_connected(g, TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );

    let (done, _) = bot
        .click(
            "d3",
            &alice,
            &button(&ask.body["data"], "Delete my data"),
            reply_message(&ask),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        updated_text(&done),
        "Your network data in this server has been deleted."
    );
    assert_eq!(
        bot.network
            .member_names(g, TestBot::id(&alice))
            .await
            .unwrap(),
        None
    );
    let bobs = bot
        .network
        .connections(
            g,
            TestBot::id(&bob),
            ConnectionFilter::default(),
            ConnectionWindow::first(10),
        )
        .await
        .unwrap();
    assert_eq!(
        bobs.items.iter().map(|c| c.peer).collect::<Vec<_>>(),
        [TestBot::id(&carol)],
        "others keep theirs"
    );
    assert_eq!(bobs.items[0].tags.len(), 1);
    assert!(bot.network.storage().audit().await.unwrap().is_empty());
    assert!(
        bot.settle(before).await.iter().all(|r| !reaches_others(r)),
        "nobody is told"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_moderator_removes_a_members_data_and_it_is_audited() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let moderator = Person::new(1_700_000_000_000_000_090, "mod").moderator();
    let (spam, bob) = (alice(), bob());
    bot.connect(&spam, &bob).await;
    let command = dj::slash_with_options(
        bot.interaction_id(),
        "m1",
        &moderator,
        "network",
        json!([{ "name": "remove-member", "type": 1, "options": [{ "name": "member", "type": 6, "value": spam.id.to_string() }] }]),
    );
    // The member option needs its resolved user and member.
    let mut command = command;
    command["data"]["resolved"] = json!({ "users": { spam.id.to_string(): dj::user(&spam) },
                                           "members": { spam.id.to_string(): { "roles": [], "joined_at": "2025-03-01T10:00:00.000000+00:00", "nick": null, "flags": 0, "pending": false, "premium_since": null, "avatar": null, "banner": null, "communication_disabled_until": null, "permissions": "0" } } });
    let (ask, _) = bot.discord.interact(command).await;
    assert!(ephemeral_text(&ask).starts_with(&format!("Erase <@{}>'s network data", spam.id)));
    let erase = button(&ask.body["data"], "Erase their data");

    // Someone without Manage Server cannot use the button.
    let stranger = carol();
    let (refused, _) = bot
        .click(
            "m2",
            &stranger,
            &erase,
            reply_message(&ask),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(ephemeral_text(&refused), "This button isn't for you.");

    let (done, _) = bot
        .click(
            "m3",
            &moderator,
            &erase,
            reply_message(&ask),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        updated_text(&done),
        format!("Erased <@{}>'s network data in this server.", spam.id)
    );
    assert!(
        !bot.network
            .is_connected(g, TestBot::id(&spam), TestBot::id(&bob))
            .await
            .unwrap()
    );
    let log = bot.network.audit_log(g, 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].0, log[0].1.as_str(), log[0].2),
        (TestBot::id(&moderator), "remove_member", TestBot::id(&spam))
    );
    bot.stop().await;
}
