//! End to end: /connections (paging both ways, search, tag filter, removal from the list),
//! /invitations (accept, ignore, withdraw), /profile degrees, /tag with autocomplete, and
//! /suggestions leaving out whoever refuses invitations.

mod support;

use handshake::network::{InvitePolicy, SettingsUpdate};
use support::bot::{
    TestBot, button, buttons, ephemeral_text, mentioned, menu_id, menu_options, reaches_others,
    reply_message, updated_text,
};
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::{alice, bob, carol, dave};

fn person(n: u64, name: &str) -> Person {
    Person::new(1_800_000_000_000_000_000 + n, name)
}

#[tokio::test]
async fn the_connection_list_pages_forward_and_back() {
    let bot = TestBot::start().await;
    let alice = alice();
    let people: Vec<Person> = (1..=12)
        .map(|n| person(n, &format!("peer{n:02}")))
        .collect();
    for p in &people {
        bot.connect(&alice, p).await;
        tokio::time::sleep(std::time::Duration::from_millis(3)).await; // distinct dates
    }
    let newest_first: Vec<u64> = people.iter().rev().map(|p| p.id).collect();

    let (first, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "c1",
            &alice,
            "connections",
            &[],
        ))
        .await;
    let text = ephemeral_text(&first);
    assert!(text.starts_with("**Your connections**"), "{text}");
    assert!(
        text.contains("connected <t:"),
        "Discord's own timestamps: {text}"
    );
    assert_eq!(mentioned(&text), newest_first[..10]);
    let nav = buttons(&first.body["data"]);
    assert_eq!(
        nav.iter().map(|b| (b.0.as_str(), b.2)).collect::<Vec<_>>(),
        [("◀ Previous", true), ("Next ▶", false)]
    );
    let options = menu_options(&first.body["data"]);
    assert_eq!(options.len(), 10);
    assert_eq!(options[0], ("Peer12".to_owned(), people[11].id.to_string()));

    let (second, _) = bot
        .click(
            "c2",
            &alice,
            &button(&first.body["data"], "Next ▶"),
            reply_message(&first),
            ClickedIn::Server,
        )
        .await;
    let text = updated_text(&second);
    assert_eq!(mentioned(&text), newest_first[10..]);
    assert_eq!(
        buttons(&second.body["data"])
            .iter()
            .map(|b| b.2)
            .collect::<Vec<_>>(),
        [false, true],
        "only Previous"
    );

    let (again, _) = bot
        .click(
            "c3",
            &alice,
            &button(&second.body["data"], "◀ Previous"),
            reply_message(&second),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(mentioned(&updated_text(&again)), newest_first[..10]);
    bot.stop().await;
}

#[tokio::test]
async fn search_and_tag_filter_the_list_across_pages() {
    let bot = TestBot::start().await;
    let alice = alice();
    let mut annas = Vec::new();
    for n in 1..=14 {
        let p = if n % 2 == 0 {
            person(n, &format!("anna{n:02}"))
        } else {
            person(n, &format!("zed{n:02}"))
        };
        bot.connect(&alice, &p).await;
        if n % 2 == 0 {
            annas.push(p.id);
        }
        tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    }
    annas.reverse();

    let search = dj::slash_with_strings(
        bot.interaction_id(),
        "s1",
        &alice,
        "connections",
        &[("search", "ANN")],
    );
    let (found, _) = bot.discord.interact(search).await;
    let text = ephemeral_text(&found);
    assert!(text.contains("matching “ANN”"), "{text}");
    assert_eq!(
        mentioned(&text),
        annas,
        "case-insensitive, part of the name; seven fit one page"
    );
    assert!(
        buttons(&found.body["data"]).is_empty(),
        "one page: no paging buttons"
    );

    let g = TestBot::guild();
    for id in &annas[..3] {
        bot.network
            .add_tag(
                g,
                TestBot::id(&alice),
                handshake::network::MemberId::new(*id).unwrap(),
                "mentor",
            )
            .await
            .unwrap();
    }
    let tagged = dj::slash_with_strings(
        bot.interaction_id(),
        "s2",
        &alice,
        "connections",
        &[("tag", "Mentor")],
    );
    let (found, _) = bot.discord.interact(tagged).await;
    let text = ephemeral_text(&found);
    assert_eq!(mentioned(&text), annas[..3]);
    assert!(text.contains("`mentor`"), "tags are shown: {text}");

    let nothing = dj::slash_with_strings(
        bot.interaction_id(),
        "s3",
        &alice,
        "connections",
        &[("search", "qqq")],
    );
    let (found, _) = bot.discord.interact(nothing).await;
    assert!(ephemeral_text(&found).ends_with("No connections match."));
    bot.stop().await;
}

#[tokio::test]
async fn an_empty_network_gets_a_hint() {
    let bot = TestBot::start().await;
    let (list, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "e",
            &alice(),
            "connections",
            &[],
        ))
        .await;
    assert!(ephemeral_text(&list).contains("Invite someone with `/invite`"));
    bot.stop().await;
}

#[tokio::test]
async fn removing_from_the_list_confirms_then_removes_silently() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    bot.connect(&alice, &bob).await;
    bot.connect(&alice, &carol).await;

    let (list, before) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "r1",
            &alice,
            "connections",
            &[],
        ))
        .await;
    let menu = &list.body["data"]["components"][0]["components"][0];
    assert_eq!(
        menu["placeholder"], "Remove a connection…",
        "never 'Remove connections'"
    );
    let pick = dj::menu_pick(
        bot.interaction_id(),
        "r2",
        &alice,
        &menu_id(&list.body["data"]),
        &bob.id.to_string(),
        reply_message(&list),
    );
    let (confirm, _) = bot.discord.interact(pick).await;
    assert_eq!(
        updated_text(&confirm),
        format!(
            "Remove <@{}> from your connections? They won't be notified. You can re-invite them later.",
            bob.id
        )
    );
    let (done, _) = bot
        .click(
            "r3",
            &alice,
            &button(&confirm.body["data"], "Remove connection"),
            reply_message(&confirm),
            ClickedIn::Server,
        )
        .await;
    assert!(updated_text(&done).starts_with("Removed"));

    let g = TestBot::guild();
    assert!(
        !bot.network
            .is_connected(g, TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );
    assert!(
        bot.network
            .is_connected(g, TestBot::id(&alice), TestBot::id(&carol))
            .await
            .unwrap()
    );
    let sent = bot.settle(before).await;
    assert_eq!(sent.len(), 3, "three callbacks, nothing else: {sent:#?}");
    assert!(
        sent.iter()
            .all(|r| r.path.ends_with("/callback") && !reaches_others(r))
    );
    bot.stop().await;
}

#[tokio::test]
async fn invitations_can_be_accepted_ignored_and_withdrawn_from_the_list() {
    let bot = TestBot::start().await;
    let (alice, bob, carol, dave) = (alice(), bob(), carol(), dave());
    let g = TestBot::guild();
    for p in [&bob, &carol] {
        bot.network
            .invite(
                g,
                TestBot::id(p),
                TestBot::id(&alice),
                Some("We met at the meetup"),
            )
            .await
            .unwrap();
    }
    bot.network
        .invite(g, TestBot::id(&alice), TestBot::id(&dave), None)
        .await
        .unwrap();

    let (inbox, before) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "i1",
            &alice,
            "invitations",
            &[],
        ))
        .await;
    let text = ephemeral_text(&inbox);
    assert!(
        text.contains("(2 waiting)") && text.contains("> We met at the meetup"),
        "{text}"
    );
    let labels: Vec<String> = buttons(&inbox.body["data"])
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert!(labels.contains(&"Show sent (1)".to_owned()), "{labels:?}");

    // Accept Bob (who was seen by the bot only as an id, so his label is his id).
    let accept = buttons(&inbox.body["data"])
        .into_iter()
        .find(|b| b.1.starts_with("hs:lacc:") && b.1.contains(&bob.id.to_string()))
        .unwrap()
        .1;
    let (after_accept, _) = bot
        .click(
            "i2",
            &alice,
            &accept,
            reply_message(&inbox),
            ClickedIn::Server,
        )
        .await;
    let text = updated_text(&after_accept);
    assert!(
        text.starts_with(&format!("You're now connected with <@{}>.", bob.id)),
        "{text}"
    );
    assert!(text.contains("(1 waiting)"), "{text}");
    assert!(
        bot.network
            .is_connected(g, TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );
    bot.discord
        .wait_for(before, "bob's acceptance DM", |r| {
            r.path.starts_with("/channels/")
        })
        .await;

    // Ignore Carol: she is not told, and the list is empty.
    let ignore = button(&after_accept.body["data"], "Ignore");
    let (after_ignore, mark) = bot
        .click(
            "i3",
            &alice,
            &ignore,
            reply_message(&after_accept),
            ClickedIn::Server,
        )
        .await;
    let text = updated_text(&after_ignore);
    assert!(
        text.contains("They won't be told.") && text.contains("No invitations waiting."),
        "{text}"
    );
    assert!(bot.settle(mark).await.iter().all(|r| !reaches_others(r)));

    // Withdraw the one Alice sent.
    let show_sent = button(&after_ignore.body["data"], "Show sent (1)");
    let (sent, _) = bot
        .click(
            "i4",
            &alice,
            &show_sent,
            reply_message(&after_ignore),
            ClickedIn::Server,
        )
        .await;
    assert!(updated_text(&sent).contains("(1 pending)"));
    let withdraw = buttons(&sent.body["data"])
        .into_iter()
        .find(|b| b.1.starts_with("hs:lwd:"))
        .unwrap()
        .1;
    let (after_withdraw, _) = bot
        .click(
            "i5",
            &alice,
            &withdraw,
            reply_message(&sent),
            ClickedIn::Server,
        )
        .await;
    let text = updated_text(&after_withdraw);
    assert!(
        text.starts_with(&format!("Withdrew your invitation to <@{}>.", dave.id))
            && text.contains("None pending."),
        "{text}"
    );
    assert_eq!(
        bot.network
            .counts(g, TestBot::id(&dave))
            .await
            .unwrap()
            .invitations_received,
        0
    );
    bot.stop().await;
}

#[tokio::test]
async fn profiles_show_every_degree_and_the_fitting_action() {
    let bot = TestBot::start().await;
    // alice – bob – carol – dave, and erin alone.
    let (alice, bob, carol, dave) = (alice(), bob(), carol(), dave());
    let erin = person(5, "erin");
    bot.connect(&alice, &bob).await;
    bot.connect(&bob, &carol).await;
    bot.connect(&carol, &dave).await;
    let profile =
        |target: &Person| dj::profile_view(bot.interaction_id(), "p", &alice, Some((target, true)));

    let (first, _) = bot.discord.interact(profile(&bob)).await;
    let text = ephemeral_text(&first);
    assert!(
        text.contains("1st degree") && text.contains("Connected since <t:"),
        "{text}"
    );
    assert_eq!(
        buttons(&first.body["data"])
            .into_iter()
            .map(|b| b.0)
            .collect::<Vec<_>>(),
        ["Remove connection"]
    );

    let (second, _) = bot.discord.interact(profile(&carol)).await;
    let text = ephemeral_text(&second);
    assert!(
        text.contains("2nd degree") && text.contains("1 mutual connection: Bobby"),
        "{text}"
    );
    assert_eq!(
        buttons(&second.body["data"])
            .into_iter()
            .map(|b| b.0)
            .collect::<Vec<_>>(),
        ["Invite to connect"]
    );

    let (third, _) = bot.discord.interact(profile(&dave)).await;
    assert!(ephemeral_text(&third).contains("3rd degree"));
    let (outside, _) = bot.discord.interact(profile(&erin)).await;
    assert!(ephemeral_text(&outside).contains("outside your network"));

    // The profile menu shows the same, and a pending invitation changes the action.
    bot.network
        .invite(
            TestBot::guild(),
            TestBot::id(&dave),
            TestBot::id(&alice),
            None,
        )
        .await
        .unwrap();
    let menu = dj::user_command(
        bot.interaction_id(),
        "pm",
        &alice,
        "View network profile",
        &dave,
        true,
    );
    let (menu_profile, _) = bot.discord.interact(menu).await;
    let text = ephemeral_text(&menu_profile);
    assert!(
        text.contains("3rd degree") && text.contains("They invited you to connect."),
        "{text}"
    );
    assert_eq!(
        buttons(&menu_profile.body["data"])
            .into_iter()
            .map(|b| b.0)
            .collect::<Vec<_>>(),
        ["Accept"]
    );

    // Removing from a profile goes through the same confirmation.
    let ask = button(&first.body["data"], "Remove connection");
    let (confirm, _) = bot
        .click("pr", &alice, &ask, reply_message(&first), ClickedIn::Server)
        .await;
    assert!(
        updated_text(&confirm).starts_with(&format!("Remove <@{}> from your connections?", bob.id))
    );

    // Your own profile: your counts.
    let (own, _) = bot
        .discord
        .interact(dj::profile_view(bot.interaction_id(), "po", &alice, None))
        .await;
    let text = ephemeral_text(&own);
    assert!(
        text.contains("Connections: 1") && text.contains("Invitations waiting for you: 1"),
        "{text}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn tags_are_added_with_autocomplete_and_removed() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    bot.connect(&alice, &bob).await;
    bot.connect(&alice, &carol).await;
    let (added, _) = bot
        .discord
        .interact(dj::tag_command(
            bot.interaction_id(),
            "t1",
            &alice,
            "add",
            &bob,
            "Rust meetup",
        ))
        .await;
    assert_eq!(
        ephemeral_text(&added),
        format!(
            "Tagged <@{}> with `Rust meetup`. Only you can see your tags.",
            bob.id
        )
    );

    let (choices, _) = bot
        .discord
        .interact(dj::tag_autocomplete(
            bot.interaction_id(),
            "t2",
            &alice,
            "ru",
        ))
        .await;
    assert_eq!(
        choices.body["type"], 8,
        "an autocomplete answer: {:#}",
        choices.body
    );
    assert_eq!(choices.body["data"]["choices"][0]["name"], "Rust meetup");
    let (none, _) = bot
        .discord
        .interact(dj::tag_autocomplete(bot.interaction_id(), "t3", &bob, "ru"))
        .await;
    assert_eq!(
        none.body["data"]["choices"],
        serde_json::json!([]),
        "tags are private"
    );

    let (too_long, _) = bot
        .discord
        .interact(dj::tag_command(
            bot.interaction_id(),
            "t4",
            &alice,
            "add",
            &carol,
            &"x".repeat(33),
        ))
        .await;
    assert_eq!(
        ephemeral_text(&too_long),
        "Tags can be at most 32 characters long."
    );
    let (removed, _) = bot
        .discord
        .interact(dj::tag_command(
            bot.interaction_id(),
            "t5",
            &alice,
            "remove",
            &bob,
            "rust MEETUP",
        ))
        .await;
    assert_eq!(
        ephemeral_text(&removed),
        format!("Removed `rust MEETUP` from <@{}>.", bob.id)
    );
    assert!(
        bot.network
            .tags(TestBot::guild(), TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
            .is_empty()
    );
    bot.stop().await;
}

#[tokio::test]
async fn suggestions_rank_by_mutuals_and_leave_out_whoever_refuses() {
    let bot = TestBot::start().await;
    let alice = alice();
    let (f1, f2) = (person(1, "friendone"), person(2, "friendtwo"));
    let (both, one, closed) = (
        person(3, "sharedboth"),
        person(4, "sharedone"),
        person(5, "closed"),
    );
    for f in [&f1, &f2] {
        bot.connect(&alice, f).await;
        bot.connect(f, &both).await;
    }
    bot.connect(&f1, &one).await;
    bot.connect(&f1, &closed).await;
    let nobody = SettingsUpdate {
        invite_policy: Some(InvitePolicy::Nobody),
        ..Default::default()
    };
    bot.network
        .update_settings(TestBot::guild(), TestBot::id(&closed), nobody)
        .await
        .unwrap();

    let (list, _) = bot
        .discord
        .interact(dj::slash_with_strings(
            bot.interaction_id(),
            "sg",
            &alice,
            "suggestions",
            &[],
        ))
        .await;
    let text = ephemeral_text(&list);
    assert_eq!(mentioned(&text), [both.id, one.id], "{text}");
    assert!(
        text.contains("2 mutual connections") && text.contains("1 mutual connection"),
        "{text}"
    );
    let invite = button(&list.body["data"], "Invite Sharedboth");
    let (sent, _) = bot
        .click(
            "sg2",
            &alice,
            &invite,
            reply_message(&list),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(
        ephemeral_text(&sent),
        format!("Invitation sent to <@{}>.", both.id),
        "a new message; the list stays"
    );
    bot.stop().await;
}
