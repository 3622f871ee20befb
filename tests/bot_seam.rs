//! The seam between Discord and the domain, without a network: recorded interaction JSON →
//! typed request, and reply → request body (checked against Discord's OpenAPI spec). Plus the
//! handler's own answer to a confirmed disconnect: a reply and no notification at all.

mod support;

use handshake::bot::i18n::Language;
use strum::IntoEnumIterator;

use handshake::bot::custom_id::ComponentAction;
use handshake::bot::handlers;
use handshake::bot::parse;
use handshake::bot::render;
use handshake::bot::request::{InputError, Request};
use handshake::bot::response::{Button, ButtonStyle, Reply};
use handshake::network::{GuildId, MemberId};
use serenity::all::{CommandInteraction, ComponentInteraction};
use support::discord_json::{self as dj, ClickedIn};
use support::network::TestNetwork;
use support::openapi::validate;
use support::people::{alice, bob, carol};

fn guild() -> GuildId {
    GuildId::new(dj::GUILD_ID).unwrap()
}

fn id(person: &dj::Person) -> MemberId {
    MemberId::new(person.id).unwrap()
}

#[test]
fn a_slash_command_becomes_a_typed_request_with_the_names_seen() {
    let json = dj::slash_command(1, "t", &alice(), "invite", &bob(), true, Some("hello"));
    let interaction: CommandInteraction = serde_json::from_value(json).unwrap();
    let parsed = parse::command(&interaction).unwrap();
    let Request::Invite {
        actor,
        target,
        note,
    } = parsed.request
    else {
        panic!("{:?}", parsed.request)
    };
    assert_eq!(
        (actor.guild, actor.member, target.member),
        (guild(), id(&alice()), id(&bob()))
    );
    assert_eq!(note.as_deref(), Some("hello"));
    let seen: Vec<(MemberId, &str, &str)> = parsed
        .seen
        .iter()
        .map(|s| {
            (
                s.member,
                s.names.display_name.as_str(),
                s.names.username.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (id(&alice()), "Alice", "alice"),
            (id(&bob()), "Bobby", "bob")
        ]
    );
}

#[test]
fn the_profile_menu_becomes_the_same_request_as_the_slash_command() {
    let menu: CommandInteraction = serde_json::from_value(dj::user_command(
        1,
        "t",
        &alice(),
        "Remove connection",
        &bob(),
        true,
    ))
    .unwrap();
    let slash: CommandInteraction = serde_json::from_value(dj::slash_command(
        2,
        "t",
        &alice(),
        "disconnect",
        &bob(),
        true,
        None,
    ))
    .unwrap();
    let menu = parse::command(&menu).unwrap().request;
    assert!(matches!(menu, Request::Disconnect { .. }), "{menu:?}");
    assert_eq!(menu, parse::command(&slash).unwrap().request);
}

#[test]
fn a_click_is_checked_against_the_buttons_owner() {
    let action = ComponentAction::Accept {
        guild: guild(),
        inviter: id(&alice()),
        invitee: id(&bob()),
    };
    let message = dj::message(1, 9, "x", serde_json::json!([]), 0);
    let by_bob: ComponentInteraction = serde_json::from_value(dj::button_click(
        1,
        "t",
        &bob(),
        &action.to_string(),
        message.clone(),
        ClickedIn::Dm(9),
    ))
    .unwrap();
    assert_eq!(
        parse::component(&by_bob).unwrap().request,
        Request::Button(action)
    );
    let by_carol: ComponentInteraction = serde_json::from_value(dj::button_click(
        2,
        "t",
        &carol(),
        &action.to_string(),
        message,
        ClickedIn::Server,
    ))
    .unwrap();
    assert_eq!(
        parse::component(&by_carol).unwrap_err(),
        InputError::NotYourButton
    );
}

#[test]
fn replies_render_as_ephemeral_valid_callbacks_that_ping_nobody() {
    let action = ComponentAction::ConfirmRemove {
        guild: guild(),
        remover: id(&alice()),
        removed: id(&bob()),
    };
    let reply = Reply::new("Remove <@2>?").with_button(Button::new(
        "Remove connection",
        ButtonStyle::Danger,
        action,
    ));
    let body = serde_json::to_value(render::interaction_response(&reply, false)).unwrap();
    validate("POST", "/interactions/1/t/callback", &body).unwrap();
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(
        body["data"]["allowed_mentions"]["parse"],
        serde_json::json!([])
    );
    assert_eq!(
        body["data"]["components"][0]["components"][0]["custom_id"],
        action.to_string()
    );

    // An update answers a click in place; to a slash command it falls back to a new message.
    let update = Reply::update("Removed.");
    let clicked = serde_json::to_value(render::interaction_response(&update, true)).unwrap();
    validate("POST", "/interactions/1/t/callback", &clicked).unwrap();
    assert_eq!(clicked["type"], 7);
    assert_eq!(clicked["data"]["components"], serde_json::json!([]));
    let fallback = serde_json::to_value(render::interaction_response(&update, false)).unwrap();
    assert_eq!(
        (fallback["type"].clone(), fallback["data"]["flags"].clone()),
        (serde_json::json!(4), serde_json::json!(64))
    );

    let followup = serde_json::to_value(render::followup("They don't accept DMs.")).unwrap();
    validate("POST", "/webhooks/1/t", &followup).unwrap();
    assert_eq!(followup["flags"], 64);
}

#[tokio::test]
async fn a_confirmed_disconnect_answers_the_remover_and_notifies_nobody() {
    let t = TestNetwork::new();
    let (a, b) = (id(&alice()), id(&bob()));
    t.network.invite(guild(), a, b, None).await.unwrap();
    t.network.accept(guild(), b, a).await.unwrap();

    // In every language: what happens is the same value, whatever words say it.
    for language in Language::iter() {
        if !t.network.is_connected(guild(), a, b).await.unwrap() {
            t.network.invite(guild(), a, b, None).await.unwrap();
            t.network.accept(guild(), b, a).await.unwrap();
        }
        let confirm = handlers::handle(
            &t.network,
            Request::Button(ComponentAction::ConfirmRemove {
                guild: guild(),
                remover: a,
                removed: b,
            }),
            language,
        )
        .await;
        assert!(confirm.notifications.is_empty(), "{confirm:?}");
        if language == Language::English {
            assert_eq!(
                confirm.reply.text,
                format!("Removed <@{b}> from your connections. They won't be notified.")
            );
        }
        assert!(
            confirm.reply.text.contains(&format!("<@{b}>")),
            "{confirm:?}"
        );
    }

    // The invitation that preceded it, by contrast, did notify: the two differ by design.
    t.network
        .invite(guild(), a, id(&carol()), None)
        .await
        .unwrap();
    let accepted = handlers::handle(
        &t.network,
        Request::Button(ComponentAction::Accept {
            guild: guild(),
            inviter: a,
            invitee: id(&carol()),
        }),
        Language::English,
    )
    .await;
    assert_eq!(accepted.notifications.len(), 1);
    assert_eq!(accepted.notifications[0].notification.recipient(), a);
}

#[test]
fn the_command_registration_body_is_valid_for_discord() {
    let body = serde_json::to_value(handshake::bot::commands::definitions()).unwrap();
    if let Err(problems) = validate("PUT", "/applications/1/commands", &body) {
        panic!("{problems:#?}");
    }
}
