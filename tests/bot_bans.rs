//! End to end: a ban (GUILD_BAN_ADD) cancels the member's pending invitations and takes them
//! out of everyone's lists and suggestions; an unban brings their connections back as they
//! were. The bot asks Discord for no privileged intent.

mod support;

use serde_json::json;
use support::bot::{TestBot, ephemeral_text, eventually, mentioned};
use support::discord_json::{self as dj, Person};
use support::people::{alice, bob, carol, dave};

#[tokio::test]
async fn a_ban_hides_the_member_and_an_unban_brings_their_connections_back() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let (alice, bob, carol, dave) = (alice(), bob(), carol(), dave());
    let erin = Person::new(1_700_000_000_000_000_005, "erin");
    bot.connect(&alice, &bob).await;
    bot.connect(&alice, &carol).await;
    bot.connect(&bob, &dave).await; // dave is someone alice may know, through bob
    bot.network
        .invite(g, TestBot::id(&erin), TestBot::id(&bob), None)
        .await
        .unwrap();
    let since = bot
        .network
        .connected_since(g, TestBot::id(&alice), TestBot::id(&bob))
        .await
        .unwrap();

    let identify = bot.discord.identify().expect("the bot identified");
    assert_eq!(
        identify["intents"],
        1 | 4,
        "GUILDS | GUILD_MODERATION, nothing privileged"
    );

    bot.discord
        .dispatch(
            "GUILD_BAN_ADD",
            json!({ "guild_id": dj::GUILD_ID.to_string(), "user": dj::user(&bob) }),
        )
        .await;
    let network = bot.network.clone();
    let erin_id = TestBot::id(&erin);
    eventually("the ban is applied", || {
        let network = network.clone();
        async move { network.counts(g, erin_id).await.unwrap().invitations_sent == 0 }
    })
    .await;

    let (list, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "l",
            &alice,
            "connections",
            &[],
        ))
        .await;
    assert_eq!(
        mentioned(&ephemeral_text(&list)),
        [carol.id],
        "bob is out of alice's list"
    );
    let (suggestions, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "s",
            &alice,
            "suggestions",
            &[],
        ))
        .await;
    assert!(
        ephemeral_text(&suggestions).starts_with("No suggestions"),
        "dave came through bob"
    );

    bot.discord
        .dispatch(
            "GUILD_BAN_REMOVE",
            json!({ "guild_id": dj::GUILD_ID.to_string(), "user": dj::user(&bob) }),
        )
        .await;
    let network = bot.network.clone();
    let alice_id = TestBot::id(&alice);
    eventually("the unban is applied", || {
        let network = network.clone();
        async move {
            let page = network
                .connections(
                    g,
                    alice_id,
                    Default::default(),
                    handshake::network::ConnectionWindow::first(10),
                )
                .await
                .unwrap();
            page.items.len() == 2
        }
    })
    .await;
    assert_eq!(
        bot.network
            .connected_since(g, TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap(),
        since,
        "as they were"
    );
    let (suggestions, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "s2",
            &alice,
            "suggestions",
            &[],
        ))
        .await;
    assert_eq!(mentioned(&ephemeral_text(&suggestions)), [dave.id]);
    assert!(bot.network.storage().audit().await.unwrap().is_empty());
    bot.stop().await;
}
