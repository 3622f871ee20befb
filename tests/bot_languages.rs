//! End to end: members read the bot in their client's language. Replies follow the
//! interaction's locale; DMs the recipient's last seen locale in that server, else the server's;
//! the command list carries every language; and a disconnect in Japanese still tells nobody.

mod support;

use axum::http::Method;
use serde_json::Value;
use support::bot::{
    TestBot, button, callback_data, ephemeral_text, reaches_others, reply_message, updated_text,
};
use support::discord::Recorded;
use support::discord_json::{self as dj, ClickedIn, Person};
use support::people::{alice, bob, carol};

fn invite(bot: &TestBot, from: &Person, to: &Person, locale: &str, server: Option<&str>) -> Value {
    let command = dj::slash_command(bot.interaction_id(), "inv", from, "invite", to, true, None);
    dj::in_locale(command, locale, server)
}

async fn dm_after(bot: &TestBot, before: usize) -> Recorded {
    bot.discord
        .wait_for(before, "a DM", |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await
}

#[tokio::test]
async fn a_german_client_gets_german_replies_and_a_french_invitee_a_french_dm() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.know(&alice);
    bot.discord.know(&bob);

    // Bob's client is in French: the bot remembers it for his DMs in this server.
    let settings = dj::slash_with_strings(bot.interaction_id(), "s", &bob, "settings", &[]);
    let (shown, _) = bot
        .discord
        .interact(dj::in_locale(settings, "fr", None))
        .await;
    assert!(!ephemeral_text(&shown).is_empty());

    let (sent, before) = bot
        .discord
        .interact(invite(&bot, &alice, &bob, "de", None))
        .await;
    assert_eq!(
        ephemeral_text(&sent),
        format!("Einladung an <@{}> gesendet.", bob.id)
    );
    let dm = dm_after(&bot, before).await;
    let text = dm.body["content"].as_str().unwrap();
    assert!(
        text.starts_with("**Alice** vous invite à rejoindre son réseau sur **Rustaceans**."),
        "{text}"
    );
    let labels: Vec<&str> = dm.body["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Accepter", "Ignorer", "Je ne connais pas cette personne"]
    );

    // What the bot remembers of Bob's language is his, and in his export.
    assert_eq!(
        bot.network
            .export(TestBot::guild(), TestBot::id(&bob))
            .await
            .unwrap()
            .language_last_seen
            .as_deref(),
        Some("fr")
    );

    // A refusal is German too, and the same sentence whatever the reason.
    let (again, _) = bot
        .discord
        .interact(invite(&bot, &alice, &bob, "de", None))
        .await;
    assert_eq!(
        ephemeral_text(&again),
        "Du hast dieses Mitglied schon eingeladen; deine Einladung steht noch aus."
    );
    bot.discord.assert_all_valid();
    bot.stop().await;
}

#[tokio::test]
async fn a_member_never_seen_is_written_to_in_the_servers_language() {
    let bot = TestBot::start().await;
    let (alice, carol) = (alice(), carol());
    bot.discord.know(&alice);
    bot.discord.know(&carol);
    // Alice's client is in English; the server's language is Brazilian Portuguese.
    let (_, before) = bot
        .discord
        .interact(invite(&bot, &alice, &carol, "en-US", Some("pt-BR")))
        .await;
    let dm = dm_after(&bot, before).await;
    let text = dm.body["content"].as_str().unwrap();
    assert!(
        text.starts_with("**Alice** convidou você para se conectar em **Rustaceans**."),
        "{text}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_disconnect_in_japanese_is_answered_in_japanese_and_tells_nobody() {
    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.know(&alice);
    bot.discord.know(&bob);
    bot.connect(&alice, &bob).await;
    // Bob's client is Japanese too: nothing may reach him in any language.
    let seen = dj::slash_with_strings(bot.interaction_id(), "s", &bob, "settings", &[]);
    bot.discord
        .interact(dj::in_locale(seen, "ja", Some("ja")))
        .await;

    let ask = dj::slash_command(
        bot.interaction_id(),
        "d",
        &alice,
        "disconnect",
        &bob,
        true,
        None,
    );
    let (confirm, _) = bot
        .discord
        .interact(dj::in_locale(ask, "ja", Some("ja")))
        .await;
    let text = ephemeral_text(&confirm);
    assert!(text.contains("つながりから削除しますか"), "{text}");
    let remove = button(callback_data(&confirm), "つながりを削除");
    let click = dj::in_locale(
        dj::button_click(
            bot.interaction_id(),
            "r",
            &alice,
            &remove,
            reply_message(&confirm),
            ClickedIn::Server,
        ),
        "ja",
        Some("ja"),
    );
    let (done, after) = bot.discord.interact(click).await;
    assert_eq!(
        updated_text(&done),
        format!(
            "<@{}> さんをつながりから削除しました。相手には通知されません。",
            bob.id
        )
    );
    let later = bot.settle(after).await;
    assert!(
        later.iter().all(|r| !reaches_others(r)),
        "a disconnect reaches nobody: {later:#?}"
    );
    assert!(
        !bot.network
            .is_connected(TestBot::guild(), TestBot::id(&alice), TestBot::id(&bob))
            .await
            .unwrap()
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_command_list_carries_every_language() {
    let bot = TestBot::start().await;
    let registration = bot
        .discord
        .wait_for(0, "the command registration", |r| r.method == Method::PUT)
        .await;
    let commands = registration.body.as_array().unwrap();
    let invite = commands.iter().find(|c| c["name"] == "invite").unwrap();
    assert_eq!(invite["name_localizations"]["de"], "einladen");
    assert_eq!(invite["name_localizations"]["ja"], "招待");
    assert_eq!(
        invite["description_localizations"]["fr"],
        "Inviter un membre à rejoindre votre réseau"
    );
    let remove = commands
        .iter()
        .find(|c| c["name"] == "Remove connection")
        .unwrap();
    assert_eq!(remove["name_localizations"]["de"], "Kontakt entfernen");
    assert_eq!(remove["name_localizations"]["fr"], "Retirer la relation");
    assert_eq!(remove["name_localizations"]["es-ES"], "Eliminar contacto");
    assert_eq!(remove["name_localizations"]["pt-BR"], "Remover conexão");
    assert_eq!(remove["name_localizations"]["ja"], "つながりを削除");
    bot.discord.assert_all_valid();
    bot.stop().await;
}
