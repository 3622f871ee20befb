//! End to end: "I don't know this person" reports lead to a suspension at the threshold, which
//! a moderator lifts from /network reports; /network is for moderators only (registration and a
//! re-check in the handler); stats and limits.

mod support;

use serde_json::json;
use support::bot::{
    TestBot, button, buttons, ephemeral_text, reaches_others, reply_message, updated_text,
};
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::alice;

fn network_command(
    bot: &TestBot,
    who: &Person,
    sub: &str,
    options: serde_json::Value,
) -> serde_json::Value {
    dj::slash_with_options(
        bot.interaction_id(),
        "net",
        who,
        "network",
        json!([{ "name": sub, "type": 1, "options": options }]),
    )
}

fn person(n: u64, name: &str) -> Person {
    Person::new(1_900_000_000_000_000_000 + n, name)
}

#[tokio::test]
async fn reports_suspend_a_sender_until_a_moderator_restores_them() {
    let bot = TestBot::start().await;
    let moderator = person(99, "mod").moderator();
    let spammer = person(1, "spammer");
    let g = TestBot::guild();

    let (limits, _) = bot
        .discord
        .interact(network_command(
            &bot,
            &moderator,
            "limits",
            json!([{ "name": "reports_to_suspend", "type": 4, "value": 2 }]),
        ))
        .await;
    assert!(ephemeral_text(&limits).contains("Reports in 30 days that suspend a sender: 2"));

    // Two members say they don't know the spammer: once from the DM, once from the list.
    let (first, second) = (person(10, "first"), person(11, "second"));
    for target in [&first, &second] {
        bot.network
            .invite(g, TestBot::id(&spammer), TestBot::id(target), None)
            .await
            .unwrap();
    }
    let report = format!("hs:report:{}:{}:{}", dj::GUILD_ID, spammer.id, first.id);
    let dm = dj::message(1, 77, "x", json!([]), 0);
    let (answer, before) = bot
        .click("r1", &first, &report, dm, ClickedIn::Dm(77))
        .await;
    assert!(
        updated_text(&answer).contains("they can't invite you again"),
        "{:#}",
        answer.body
    );
    assert!(
        bot.settle(before).await.iter().all(|r| !reaches_others(r)),
        "nobody is told"
    );

    let (inbox, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "r2",
            &second,
            "invitations",
            &[],
        ))
        .await;
    let dont_know = button(&inbox.body["data"], "I don't know this person");
    let (after, _) = bot
        .click(
            "r3",
            &second,
            &dont_know,
            reply_message(&inbox),
            ClickedIn::Server,
        )
        .await;
    assert!(updated_text(&after).contains("No invitations waiting."));

    // Suspended: the neutral line for the sender.
    let third = person(12, "third");
    let (refused, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "r4",
            &spammer,
            "invite",
            &third,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&refused),
        "You can't send invitations right now."
    );

    // The moderator sees the queue and restores.
    let (queue, _) = bot
        .discord
        .interact(network_command(&bot, &moderator, "reports", json!([])))
        .await;
    let text = ephemeral_text(&queue);
    assert!(
        text.contains(&format!("<@{}> — 2 reports · suspended", spammer.id)),
        "{text}"
    );
    assert!(
        !text.contains(&first.id.to_string()) && !text.contains(&second.id.to_string()),
        "reporters stay private: {text}"
    );
    let restore = button(&queue.body["data"], "Restore Spammer");
    let (restored, _) = bot
        .click(
            "r5",
            &moderator,
            &restore,
            reply_message(&queue),
            ClickedIn::Server,
        )
        .await;
    let text = updated_text(&restored);
    assert!(
        text.starts_with(&format!("Restored <@{}>", spammer.id))
            && text.contains("Nobody has been reported."),
        "{text}"
    );
    let (sent, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "r6",
            &spammer,
            "invite",
            &third,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&sent),
        format!("Invitation sent to <@{}>.", third.id)
    );
    // The blocks stay: the two who reported still refuse, neutrally (once the ignored
    // invitation, still pending for the sender, is withdrawn).
    bot.network
        .withdraw(g, TestBot::id(&spammer), TestBot::id(&first))
        .await
        .unwrap();
    let (still, _) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "r7",
            &spammer,
            "invite",
            &first,
            true,
            None,
        ))
        .await;
    assert_eq!(
        ephemeral_text(&still),
        "This member can't be invited at this time."
    );
    bot.stop().await;
}

#[tokio::test]
async fn only_moderators_can_use_network_commands() {
    let bot = TestBot::start().await;
    let member = alice();
    for sub in ["stats", "limits", "reports"] {
        let (answer, _) = bot
            .discord
            .interact(network_command(&bot, &member, sub, json!([])))
            .await;
        assert_eq!(
            ephemeral_text(&answer),
            "Only members who can manage this server can do that.",
            "{sub}"
        );
    }
    let (answer, _) = bot
        .discord
        .interact(network_command(
            &bot,
            &member,
            "limits",
            json!([{ "name": "connection_cap", "type": 4, "value": 1 }]),
        ))
        .await;
    assert!(ephemeral_text(&answer).starts_with("Only members"));
    assert_eq!(
        bot.network
            .limits(TestBot::guild())
            .await
            .unwrap()
            .connection_cap,
        30_000,
        "nothing changed"
    );
    // A Restore button made for a moderator, clicked by that same person after losing the
    // permission, is refused too.
    let restore = format!("hs:restore:{}:{}:{}", dj::GUILD_ID, member.id, 5);
    let (answer, _) = bot
        .click(
            "x",
            &member,
            &restore,
            dj::message(1, dj::CHANNEL_ID, "x", json!([]), 64),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        ephemeral_text(&answer),
        "Only members who can manage this server can do that."
    );
    bot.stop().await;
}

#[tokio::test]
async fn stats_count_the_network_and_nothing_about_pairs() {
    let bot = TestBot::start().await;
    let g = TestBot::guild();
    let people: Vec<Person> = (1..=4).map(|n| person(n, &format!("p{n}"))).collect();
    let id = |n: usize| TestBot::id(&people[n]);
    for (a, b) in [(0, 1), (0, 2), (0, 3), (1, 2)] {
        bot.network.invite(g, id(a), id(b), None).await.unwrap();
        bot.network.accept(g, id(b), id(a)).await.unwrap();
    }
    bot.network.disconnect(g, id(1), id(2)).await.unwrap();
    bot.network.invite(g, id(3), id(1), None).await.unwrap();
    let moderator = person(99, "mod").moderator();
    let (stats, _) = bot
        .discord
        .interact(network_command(&bot, &moderator, "stats", json!([])))
        .await;
    let text = ephemeral_text(&stats);
    assert!(text.contains("Connections: 3"), "{text}");
    assert!(text.contains("Pending invitations: 1"), "{text}");
    assert!(
        text.contains("Invitations sent in the last 7 days: 5"),
        "{text}"
    );
    assert!(text.contains("median 1, most 3"), "{text}");
    assert!(buttons(&stats.body["data"]).is_empty());
    bot.stop().await;
}
