//! End to end: /map answers with a PNG of the promised size (decoded here), ephemeral and
//! pinging nobody; with no connections, or none with the tag asked for, a sentence instead; a
//! bad tag is refused; /network stats carries its chart.

mod support;

use handshake::network::MemberNames;
use serde_json::json;
use support::bot::{TestBot, ephemeral_text};
use support::discord::Recorded;
use support::discord_json::{self as dj, Person};
use support::people::{alice, bob, carol, dave};

/// The one attached picture of a callback, decoded: (width, height, file name).
fn picture(callback: &Recorded) -> (u32, u32, String) {
    assert_eq!(callback.files.len(), 1, "one attachment");
    let (name, bytes) = &callback.files[0];
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.as_slice()));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut pixels).expect("whole image data");
    (frame.width, frame.height, name.clone())
}

fn map_command(bot: &TestBot, who: &Person, options: serde_json::Value) -> serde_json::Value {
    dj::slash_with_options(bot.interaction_id(), "map", who, "map", options)
}

#[tokio::test]
async fn the_map_is_a_png_of_the_promised_size_for_the_asker_alone() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let (alice, bob, carol, dave) = (alice(), bob(), carol(), dave());
    for (who, name) in [
        (&bob, "Боб Петров"),
        (&carol, "山田 花子"),
        (&dave, "Dave <@everyone>"),
    ] {
        bot.network
            .see_member(
                g,
                TestBot::id(who),
                MemberNames {
                    display_name: name.into(),
                    username: who.username.clone(),
                },
            )
            .await
            .unwrap();
    }
    bot.connect(&alice, &bob).await;
    bot.connect(&alice, &carol).await;
    bot.connect(&bob, &carol).await;
    bot.connect(&carol, &dave).await;

    let (callback, _) = bot
        .discord
        .interact(map_command(&bot, &alice, json!([])))
        .await;
    assert_eq!(callback.body["type"], 4, "answered at once, not deferred");
    assert_eq!(callback.body["data"]["flags"], 64, "ephemeral");
    assert_eq!(
        callback.body["data"]["allowed_mentions"]["parse"],
        json!([]),
        "a map pings nobody"
    );
    let (width, height, name) = picture(&callback);
    assert_eq!((width, height), (1200, 900));
    assert!(name.ends_with(".png"), "{name}");
    assert!(
        ephemeral_text(&callback).contains("2 connections"),
        "{}",
        ephemeral_text(&callback)
    );

    // With the second degree: still one picture.
    let (callback, _) = bot
        .discord
        .interact(map_command(
            &bot,
            &alice,
            json!([{ "name": "include", "type": 3, "value": "second_degree" }]),
        ))
        .await;
    assert_eq!(picture(&callback).0, 1200);
    bot.stop().await;
}

#[tokio::test]
async fn no_connections_or_no_tagged_ones_get_a_sentence_not_an_empty_picture() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    let (callback, _) = bot
        .discord
        .interact(map_command(&bot, &alice, json!([])))
        .await;
    assert!(callback.files.is_empty());
    assert!(
        ephemeral_text(&callback).starts_with("You have no connections yet"),
        "{}",
        ephemeral_text(&callback)
    );

    bot.connect(&alice, &bob).await;
    let (callback, _) = bot
        .discord
        .interact(map_command(
            &bot,
            &alice,
            json!([{ "name": "tag", "type": 3, "value": "climbing" }]),
        ))
        .await;
    assert!(callback.files.is_empty());
    assert_eq!(
        ephemeral_text(&callback),
        "None of your connections has the tag `climbing`."
    );
    bot.network
        .add_tag(
            TestBot::guild(),
            TestBot::id(&alice),
            TestBot::id(&bob),
            "climbing",
        )
        .await
        .unwrap();
    let (callback, _) = bot
        .discord
        .interact(map_command(
            &bot,
            &alice,
            json!([{ "name": "tag", "type": 3, "value": "Climbing" }]),
        ))
        .await;
    assert_eq!(picture(&callback).1, 900);

    // A tag longer than any tag can be is refused, nothing drawn.
    let (callback, _) = bot
        .discord
        .interact(map_command(
            &bot,
            &alice,
            json!([{ "name": "tag", "type": 3, "value": "x".repeat(40) }]),
        ))
        .await;
    assert!(callback.files.is_empty());
    assert!(
        ephemeral_text(&callback).contains("32"),
        "{}",
        ephemeral_text(&callback)
    );
    bot.stop().await;
}

#[tokio::test]
async fn stats_carry_the_chart() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.connect(&alice, &bob).await;
    let moderator = Person::new(1_700_000_000_000_000_099, "mod").moderator();
    let command = dj::slash_with_options(
        bot.interaction_id(),
        "net",
        &moderator,
        "network",
        json!([{ "name": "stats", "type": 1, "options": [] }]),
    );
    let (callback, _) = bot.discord.interact(command).await;
    assert!(ephemeral_text(&callback).contains("Connections: 1"));
    assert_eq!(picture(&callback).0, 1200);
    bot.stop().await;
}
