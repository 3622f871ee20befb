//! End to end through the fake Discord: the profile form (prefilled, saved, cleared, every
//! validation error), the "Open to" menu, cards under both visibility settings, /people ranked
//! by closeness with paging and View buttons, skill autocomplete, suggestions' reason, export,
//! moderators' clearing, and members' text shown as typed (profiles and invitation notes).

mod support;

use axum::http::Method;
use serde_json::{Value, json};
use support::bot::{
    TestBot, button, buttons, callback_data, ephemeral_text, menu_id, reply_message, updated_text,
};
use support::discord::Recorded;
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::{alice, bob, carol};

use handshake::network::{OpenTo, ProfileDraft};

fn person(n: u64, name: &str) -> Person {
    Person::new(1_750_000_000_000_000_000 + n, name)
}

/// `/profile edit` by `who`: the form callback.
async fn open_form(bot: &TestBot, who: &Person) -> Recorded {
    let command = dj::slash_sub(
        bot.interaction_id(),
        "edit",
        who,
        "profile",
        "edit",
        json!([]),
    );
    let (callback, _) = bot.discord.interact(command).await;
    assert_eq!(callback.body["type"], 9, "a modal: {:#}", callback.body);
    callback
}

/// The form's fields: (custom id, prefilled value, max length).
fn form_fields(form: &Recorded) -> Vec<(String, String, u64)> {
    form.body["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let input = &row["components"][0];
            (
                input["custom_id"].as_str().unwrap().to_owned(),
                input["value"].as_str().unwrap_or_default().to_owned(),
                input["max_length"].as_u64().unwrap(),
            )
        })
        .collect()
}

async fn submit(bot: &TestBot, who: &Person, form: &Recorded, fields: &[(&str, &str)]) -> Recorded {
    let custom_id = form.body["data"]["custom_id"].as_str().unwrap();
    let submitted = dj::form_submit(bot.interaction_id(), "save", who, custom_id, fields);
    bot.discord.interact(submitted).await.0
}

fn embed(callback: &Recorded) -> &Value {
    &callback_data(callback)["embeds"][0]
}

fn field<'a>(embed: &'a Value, name: &str) -> Option<&'a str> {
    embed["fields"]
        .as_array()?
        .iter()
        .find(|f| f["name"] == name)
        .and_then(|f| f["value"].as_str())
}

fn all_fields(
    headline: &str,
    about: &str,
    skills: &str,
    links: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("headline", headline.to_owned()),
        ("about", about.to_owned()),
        ("skills", skills.to_owned()),
        ("links", links.to_owned()),
    ]
}

async fn submit_all(
    bot: &TestBot,
    who: &Person,
    form: &Recorded,
    fields: &[(&'static str, String)],
) -> Recorded {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    submit(bot, who, form, &borrowed).await
}

#[tokio::test]
async fn the_form_prefills_saves_whole_refuses_bad_fields_and_clears() {
    let bot = TestBot::start().await;
    let alice = alice();
    let (g, me) = (TestBot::guild(), TestBot::id(&alice));

    let form = open_form(&bot, &alice).await;
    assert_eq!(
        form.body["data"]["custom_id"],
        format!("hs:pedit:{}:{}", dj::GUILD_ID, alice.id)
    );
    let fields = form_fields(&form);
    let ids: Vec<&str> = fields.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(ids, ["headline", "about", "skills", "links"]);
    assert!(
        fields.iter().all(|f| f.1.is_empty()),
        "nothing to prefill yet"
    );
    assert_eq!(
        fields[0].2, 120,
        "the form itself holds the headline to 120"
    );
    assert_eq!(fields[1].2, 1000);

    let saved = submit_all(
        &bot,
        &alice,
        &form,
        &all_fields(
            "Rust **engineer** @everyone",
            "[click me](https://evil.example) # Not a heading\n||spoiler|| <@123>",
            "Rust, postgres, rust",
            "https://example.com/alice",
        ),
    )
    .await;
    assert!(
        ephemeral_text(&saved).starts_with("Saved."),
        "{:#}",
        saved.body
    );
    let card = embed(&saved);
    let title = card["title"].as_str().unwrap();
    assert!(title.contains("\\*\\*engineer\\*\\*"), "{title}");
    assert!(title.contains("\\@everyone"), "{title}");
    let about = card["description"].as_str().unwrap();
    assert!(
        about.contains("\\[click me\\]\\("),
        "no masked link: {about}"
    );
    assert!(
        !about.contains("https://"),
        "no link outside Links: {about}"
    );
    assert!(about.contains("\\#") && about.contains("\\|\\|"), "{about}");
    assert!(about.contains("\\<\\@123\\>"), "no mention: {about}");
    assert_eq!(field(card, "Skills"), Some("Rust · postgres"));
    assert_eq!(field(card, "Links"), Some("https://example.com/alice"));
    // The second step: what they are open to.
    let menu = menu_id(callback_data(&saved));
    assert_eq!(menu, format!("hs:opento:{}:{}", dj::GUILD_ID, alice.id));
    let select = &callback_data(&saved)["components"][0]["components"][0];
    assert_eq!(select["min_values"], 0);
    assert_eq!(select["max_values"], 6);
    assert_eq!(select["options"].as_array().unwrap().len(), 6);

    let picked = dj::menu_picks(
        bot.interaction_id(),
        "pick",
        &alice,
        &menu,
        &["mentoring", "hiring"],
        reply_message(&saved),
    );
    let (picked, _) = bot.discord.interact(picked).await;
    assert!(updated_text(&picked).starts_with("Saved."));
    assert_eq!(field(embed(&picked), "Open to"), Some("Mentoring, Hiring"));
    let defaults: Vec<bool> = callback_data(&picked)["components"][0]["components"][0]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["default"] == true)
        .collect();
    assert_eq!(defaults.iter().filter(|d| **d).count(), 2, "shown picked");

    // The form again: prefilled with what is saved.
    let again = open_form(&bot, &alice).await;
    let values: Vec<String> = form_fields(&again).into_iter().map(|f| f.1).collect();
    assert_eq!(values[0], "Rust **engineer** @everyone");
    assert_eq!(values[2], "Rust, postgres");
    assert_eq!(values[3], "https://example.com/alice");

    // Every bad field: refused with the problem named, nothing saved.
    let before = bot.network.own_profile(g, me).await.unwrap();
    let eleven = (0..11)
        .map(|i| format!("s{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let too_long_skill = "x".repeat(33);
    let cases: Vec<(Vec<(&'static str, String)>, &str)> = vec![
        (all_fields(&"h".repeat(121), "", "", ""), "120"),
        (all_fields("", &"a".repeat(1001), "", ""), "1000"),
        (all_fields("", "", &eleven, ""), "at most 10"),
        (all_fields("", "", &too_long_skill, ""), "32"),
        (
            all_fields("", "", "", "http://example.com"),
            "http://example.com",
        ),
        (
            all_fields(
                "",
                "",
                "",
                "https://a.io\nhttps://b.io\nhttps://c.io\nhttps://d.io",
            ),
            "at most 3",
        ),
        (all_fields("ok", "", "", "https://exa mple.com"), "spaces"),
        (all_fields("", "", "", "https://discord.gg/abc"), "invite"),
    ];
    for (fields, named) in cases {
        let refused = submit_all(&bot, &alice, &form, &fields).await;
        let text = ephemeral_text(&refused);
        assert!(text.contains(named), "{named:?} not named in {text:?}");
        assert!(text.contains("Nothing was saved."), "{text}");
        assert_eq!(
            bot.network.own_profile(g, me).await.unwrap(),
            before,
            "{fields:?} saved something"
        );
        assert!(
            buttons(callback_data(&refused))
                .iter()
                .any(|b| b.0 == "Edit profile"),
            "a way back to the form"
        );
    }

    // Emptying every field clears the text; what they are open to stays until unpicked.
    let emptied = submit_all(&bot, &alice, &form, &all_fields("", "", "", "")).await;
    assert!(ephemeral_text(&emptied).starts_with("Saved."));
    let left = bot.network.own_profile(g, me).await.unwrap().unwrap();
    assert_eq!(left.headline, None);
    assert!(left.skills.is_empty() && left.links.is_empty());
    assert_eq!(left.open_to, [OpenTo::Mentoring, OpenTo::Hiring]);
    let none = dj::menu_picks(
        bot.interaction_id(),
        "none",
        &alice,
        &menu_id(callback_data(&emptied)),
        &[],
        reply_message(&emptied),
    );
    let (none, _) = bot.discord.interact(none).await;
    assert!(updated_text(&none).contains("empty"), "{:#}", none.body);
    assert_eq!(bot.network.own_profile(g, me).await.unwrap(), None);

    // Someone else's form is not theirs to submit.
    let bob = bob();
    let hijack = submit(&bot, &bob, &form, &[("headline", "Bob was here")]).await;
    assert_eq!(ephemeral_text(&hijack), "This button isn't for you.");
    assert_eq!(bot.network.own_profile(g, me).await.unwrap(), None);

    bot.discord.assert_all_valid();
    bot.stop().await;
}

async fn save(bot: &TestBot, who: &Person, headline: &str, skills: &str) {
    bot.network
        .save_profile(
            TestBot::guild(),
            TestBot::id(who),
            ProfileDraft {
                headline: headline.into(),
                skills: skills.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
}

async fn view(bot: &TestBot, viewer: &Person, target: &Person) -> Recorded {
    let command = dj::profile_view(bot.interaction_id(), "v", viewer, Some((target, true)));
    bot.discord.interact(command).await.0
}

#[tokio::test]
async fn cards_show_everything_or_only_the_name_as_their_owner_chose() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    bot.connect(&alice, &bob).await;
    save(&bot, &alice, "Builds bots", "Rust, SQL").await;

    let by_carol = view(&bot, &carol, &alice).await;
    let card = embed(&by_carol);
    assert_eq!(card["author"]["name"], "Alice");
    assert!(card["author"]["icon_url"].as_str().is_some(), "the avatar");
    assert_eq!(card["title"], "Builds bots");
    assert_eq!(field(card, "Skills"), Some("Rust · SQL"));
    assert_eq!(field(card, "Connections"), Some("1"));
    assert!(ephemeral_text(&by_carol).contains("outside your network"));

    // Connections only.
    let settings = dj::slash_with_options(
        bot.interaction_id(),
        "s",
        &alice,
        "settings",
        json!([{ "name": "profile_visible_to", "type": 3, "value": "connections" }]),
    );
    let (saved, _) = bot.discord.interact(settings).await;
    assert!(
        ephemeral_text(&saved).contains("Who sees your profile: My connections only"),
        "{}",
        ephemeral_text(&saved)
    );
    let hidden = view(&bot, &carol, &alice).await;
    let card = embed(&hidden);
    assert_eq!(card["author"]["name"], "Alice");
    assert_eq!(
        card["description"],
        "Their profile is visible to their connections."
    );
    assert!(card.get("title").is_none() && card["fields"].as_array().is_none_or(|f| f.is_empty()));
    let by_bob = view(&bot, &bob, &alice).await;
    assert_eq!(embed(&by_bob)["title"], "Builds bots");
    // The user command shows the same card.
    let menu = dj::user_command(
        bot.interaction_id(),
        "m",
        &carol,
        "View network profile",
        &alice,
        true,
    );
    let (by_menu, _) = bot.discord.interact(menu).await;
    assert_eq!(embed(&by_menu)["description"], card["description"]);
    // Your own card is always whole, with the button to edit it.
    let own = bot
        .discord
        .interact(dj::profile_view(bot.interaction_id(), "o", &alice, None))
        .await
        .0;
    assert_eq!(embed(&own)["title"], "Builds bots");
    let edit = button(callback_data(&own), "Edit profile");
    let (form, _) = bot
        .click("e", &alice, &edit, reply_message(&own), ClickedIn::Server)
        .await;
    assert_eq!(form.body["type"], 9, "the button opens the form");

    bot.discord.assert_all_valid();
    bot.stop().await;
}

#[tokio::test]
async fn people_are_ranked_by_closeness_paged_and_viewable() {
    let bot = TestBot::start().await;
    let alice = alice();
    // 1st degree: p1, p2; 2nd: p3 (via p1 and p2), p4 (via p1); beyond: p5 … p12.
    let people: Vec<Person> = (1..=12).map(|n| person(n, &format!("p{n}"))).collect();
    for who in &people {
        bot.discord.know(who);
    }
    bot.connect(&alice, &people[0]).await;
    bot.connect(&alice, &people[1]).await;
    bot.connect(&people[0], &people[2]).await;
    bot.connect(&people[1], &people[2]).await;
    bot.connect(&people[0], &people[3]).await;
    for (n, who) in people.iter().enumerate() {
        save(&bot, who, &format!("Engineer {}", n + 1), "Rust").await;
        // Distinct save times: among equals, the newest profile comes first.
        tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    }
    save(&bot, &alice, "Asker", "Rust").await;

    let search = dj::slash_with_strings(
        bot.interaction_id(),
        "pp",
        &alice,
        "people",
        &[("skill", "rust")],
    );
    let (first, _) = bot.discord.interact(search).await;
    let text = ephemeral_text(&first);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("skill **rust**") && lines[0].contains("12 found"),
        "{text}"
    );
    assert_eq!(lines[1], "1. **P2** — Engineer 2 · 1st", "{text}");
    assert_eq!(lines[2], "2. **P1** — Engineer 1 · 1st", "{text}");
    assert_eq!(
        lines[3], "3. **P3** — Engineer 3 · 2nd · 2 mutual connections",
        "{text}"
    );
    assert_eq!(
        lines[4], "4. **P4** — Engineer 4 · 2nd · 1 mutual connection",
        "{text}"
    );
    // Never seen by the bot, so named by mention; the newest profile first.
    assert_eq!(
        lines[5],
        format!(
            "5. <@{}> — Engineer 12 · outside your network",
            people[11].id
        ),
        "{text}"
    );
    assert_eq!(lines.len(), 11, "ten a page: {text}");
    assert!(!text.contains("Asker"), "never the asker");
    let labels: Vec<String> = buttons(callback_data(&first))
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert_eq!(labels.len(), 12, "ten View buttons, Previous and Next");
    assert_eq!(labels[0], "View P2");

    let next = button(callback_data(&first), "Next ▶");
    let (second, _) = bot
        .click("n", &alice, &next, reply_message(&first), ClickedIn::Server)
        .await;
    let page_two = updated_text(&second);
    assert_eq!(page_two.lines().count(), 3, "{page_two}");
    assert!(
        page_two.contains(&format!("11. <@{}>", people[5].id)),
        "{page_two}"
    );
    let next_again = buttons(callback_data(&second));
    assert!(
        next_again.iter().any(|b| b.0 == "Next ▶" && b.2),
        "disabled on the last page"
    );

    // View opens the card.
    let view_p3 = button(callback_data(&first), "View P3");
    let (card, _) = bot
        .click(
            "v",
            &alice,
            &view_p3,
            reply_message(&first),
            ClickedIn::Server,
        )
        .await;
    assert_eq!(embed(&card)["title"], "Engineer 3");
    assert!(ephemeral_text(&card).contains("2nd degree"));

    // Autocomplete: skills used here, most used first, with counts.
    let typing = dj::autocomplete(bot.interaction_id(), "ac", &alice, "people", "skill", "ru");
    let (choices, _) = bot.discord.interact(typing).await;
    assert_eq!(choices.body["type"], 8);
    assert_eq!(
        choices.body["data"]["choices"],
        json!([{ "name": "Rust (13)", "value": "Rust" }])
    );

    // Nothing found: said plainly.
    let none = dj::slash_with_strings(
        bot.interaction_id(),
        "pn",
        &alice,
        "people",
        &[("text", "astronaut")],
    );
    let (none, _) = bot.discord.interact(none).await;
    assert!(
        ephemeral_text(&none).contains("Nobody matches"),
        "{}",
        ephemeral_text(&none)
    );

    bot.discord.assert_all_valid();
    bot.stop().await;
}

#[tokio::test]
async fn suggestions_say_why_and_moderators_clear_profiles_and_exports_carry_them() {
    let bot = TestBot::start().await;
    let (alice, bob, carol) = (alice(), bob(), carol());
    let moderator = person(99, "mod").moderator();
    bot.connect(&alice, &bob).await;
    bot.connect(&bob, &carol).await;
    save(&bot, &alice, "Asker", "Rust, Go").await;
    save(&bot, &carol, "Suggested", "rust, Cooking").await;

    let ask = dj::slash_with_strings(bot.interaction_id(), "sg", &alice, "suggestions", &[]);
    let (suggested, _) = bot.discord.interact(ask).await;
    let text = ephemeral_text(&suggested);
    assert!(
        text.contains(&format!(
            "<@{}> — 1 mutual connection · shares rust",
            carol.id
        )),
        "{text}"
    );

    let export = dj::slash_with_options(
        bot.interaction_id(),
        "x",
        &carol,
        "mydata",
        json!([{ "name": "export", "type": 1, "options": [] }]),
    );
    let (exported, _) = bot.discord.interact(export).await;
    let data: Value = serde_json::from_slice(&exported.files[0].1).unwrap();
    assert_eq!(data["profile"]["headline"], "Suggested");
    assert_eq!(data["profile"]["skills"], json!(["rust", "Cooking"]));
    assert_eq!(data["settings"]["profile_visible_to"], "everyone");

    let clear = dj::slash_with_options(
        bot.interaction_id(),
        "c",
        &moderator,
        "network",
        json!([{ "name": "clear-profile", "type": 1, "options": [
            { "name": "member", "type": 6, "value": carol.id.to_string() }
        ]}]),
    );
    let mut clear = clear;
    clear["data"]["resolved"] = dj::resolved(&[(&carol, true)]);
    let (cleared, after) = bot.discord.interact(clear.clone()).await;
    assert!(
        ephemeral_text(&cleared).starts_with("Cleared"),
        "{}",
        ephemeral_text(&cleared)
    );
    let g = TestBot::guild();
    assert_eq!(
        bot.network
            .own_profile(g, TestBot::id(&carol))
            .await
            .unwrap(),
        None
    );
    assert!(
        bot.network
            .is_connected(g, TestBot::id(&bob), TestBot::id(&carol))
            .await
            .unwrap(),
        "the network stays"
    );
    let log = bot.network.audit_log(g, 5).await.unwrap();
    assert_eq!(log[0].1, "clear_profile");
    assert!(
        bot.settle(after)
            .await
            .iter()
            .all(|r| !support::bot::reaches_others(r)),
        "nobody is told"
    );
    // Not a moderator: refused.
    clear["member"] = dj::invoking_member(&alice);
    clear["id"] = json!(bot.interaction_id().to_string());
    let (refused, _) = bot.discord.interact(clear).await;
    assert!(ephemeral_text(&refused).contains("Only members who can manage"));

    // /mydata delete takes the profile with everything else.
    let delete = dj::slash_with_options(
        bot.interaction_id(),
        "d",
        &alice,
        "mydata",
        json!([{ "name": "delete", "type": 1, "options": [] }]),
    );
    let (ask, _) = bot.discord.interact(delete).await;
    let confirm = button(callback_data(&ask), "Delete my data");
    bot.click(
        "dd",
        &alice,
        &confirm,
        reply_message(&ask),
        ClickedIn::Server,
    )
    .await;
    assert_eq!(
        bot.network
            .own_profile(g, TestBot::id(&alice))
            .await
            .unwrap(),
        None
    );

    bot.discord.assert_all_valid();
    bot.stop().await;
}

#[tokio::test]
async fn an_invitation_note_is_shown_as_typed_in_the_dm() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.know(&alice);
    bot.discord.know(&bob);
    let invite = dj::slash_command(
        bot.interaction_id(),
        "i",
        &alice,
        "invite",
        &bob,
        true,
        Some("[Claim your prize](https://evil.example) **now** @everyone"),
    );
    let (_, before) = bot.discord.interact(invite).await;
    let dm = bot
        .discord
        .wait_for(before, "the invitation DM", |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await;
    let text = dm.body["content"].as_str().unwrap();
    assert!(
        text.contains(
            "> \\[Claim your prize\\]\\(https:\\/\\/evil.example\\) \\*\\*now\\*\\* \\@everyone"
        ),
        "{text}"
    );
    assert_eq!(dm.body["allowed_mentions"]["parse"], json!([]));
    bot.stop().await;
}
