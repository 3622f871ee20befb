//! Two bot processes — the real binary, twice — on one PostgreSQL, each running one of two
//! shards, against one fake Discord. A server on shard 1 goes through the whole flow while
//! the DM clicks in it arrive on shard 0, at the other process: every promise still holds,
//! and each process sees what the other did (its /profile and /suggestions).
//!
//! PostgreSQL only (SQLite refuses a second process).

mod support;

use std::time::{Duration, Instant};

use axum::http::Method;
use handshake::network::{ConnectionWindow, GuildId, MemberId, Network, SystemClock};
use handshake::store::postgres::PostgresStore;
use serde_json::Value;
use support::bot::{
    BotProcess, button_ids, callback_data, ephemeral_text, reply_message, updated_text,
};
use support::discord::{FakeDiscord, FakeOptions, Recorded, guild_on_shard};
use support::discord_json::{self as dj, ClickedIn, Person};
use support::network::TestSchema;
use support::people::{alice, bob, carol};
use support::rng::XorShift;

/// Two bot processes (shards 0 and 1 of 2) on a fresh schema, and one fake Discord with two
/// servers on each shard, knowing the given people.
struct TwoProcesses {
    discord: std::sync::Arc<FakeDiscord>,
    schema: TestSchema,
    /// (id, name): two on shard 0, then two on shard 1.
    servers: Vec<(u64, String)>,
    _shard_0: BotProcess,
    shard_1: BotProcess,
}

impl TwoProcesses {
    /// `None` without PostgreSQL. The processes start one after the other, as an operator's.
    async fn start(people: &[&Person]) -> Option<Self> {
        let schema = TestSchema::create().await?;
        let servers: Vec<(u64, String)> = (0..2)
            .flat_map(|shard| {
                (0..2).map(move |n| (guild_on_shard(shard, 2, n), format!("Server {shard}.{n}")))
            })
            .collect();
        let discord = std::sync::Arc::new(
            FakeDiscord::start_with(FakeOptions {
                shards: 2,
                must_shard: true,
                guilds: servers.clone(),
                ..Default::default()
            })
            .await,
        );
        for person in people {
            discord.know(person);
        }
        let shard_0 = BotProcess::start(&discord, &schema.url(), "0-0/2");
        discord.wait_for_shards(&[0]).await;
        let shard_1 = BotProcess::start(&discord, &schema.url(), "1-1/2");
        discord.wait_for_shards(&[0, 1]).await;
        Some(Self {
            discord,
            schema,
            servers,
            _shard_0: shard_0,
            shard_1,
        })
    }
}

/// Waits for the DM (a message in a channel) the bot sent after request `from`.
async fn dm_after(discord: &FakeDiscord, from: usize, what: &str) -> Recorded {
    discord
        .wait_for(from, what, |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await
}

/// `clicker` clicks `custom_id` on the DM `dm`: it arrives on shard 0.
async fn click_in_dm(
    discord: &FakeDiscord,
    clicker: &Person,
    dm: &Recorded,
    custom_id: &str,
) -> Recorded {
    let channel: u64 = dm.path.split('/').nth(2).unwrap().parse().unwrap();
    let message = dj::message(
        discord.next_id(),
        channel,
        dm.body["content"].as_str().unwrap(),
        dm.body["components"].clone(),
        0,
    );
    let click = dj::button_click(
        discord.next_id(),
        &format!("tok-{}", discord.next_id()),
        clicker,
        custom_id,
        message,
        ClickedIn::Dm(channel),
    );
    discord.interact(click).await.0
}

/// A slash command naming `target` in `guild`; the callback.
async fn slash(
    discord: &FakeDiscord,
    guild: u64,
    invoker: &Person,
    command: &str,
    target: &Person,
) -> Recorded {
    let interaction = dj::slash_command(
        discord.next_id(),
        &format!("tok-{}", discord.next_id()),
        invoker,
        command,
        target,
        true,
        None,
    );
    discord
        .interact(dj::moved_to_guild(interaction, guild))
        .await
        .0
}

/// `/profile view` of `target` by `viewer` in `guild`: the callback.
async fn view_profile(
    discord: &FakeDiscord,
    guild: u64,
    viewer: &Person,
    target: &Person,
) -> Recorded {
    let interaction = dj::profile_view(
        discord.next_id(),
        &format!("tok-{}", discord.next_id()),
        viewer,
        Some((target, true)),
    );
    discord
        .interact(dj::moved_to_guild(interaction, guild))
        .await
        .0
}

/// Asks `/profile` until the answer satisfies `check` (the other process's commit travels
/// through the database's feed); returns the answer and how long it took.
async fn profile_until(
    discord: &FakeDiscord,
    guild: u64,
    viewer: &Person,
    target: &Person,
    check: impl Fn(&str) -> bool,
) -> (String, Duration) {
    let start = Instant::now();
    loop {
        let text = ephemeral_text(&view_profile(discord, guild, viewer, target).await);
        if check(&text) {
            return (text, start.elapsed());
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the profile never changed: {text}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_on_shard_1_goes_through_every_step_with_dm_clicks_handled_by_shard_0() {
    let (alice, bob, carol) = (alice(), bob(), carol());
    let Some(cluster) = TwoProcesses::start(&[&alice, &bob, &carol]).await else {
        return;
    };
    let (discord, schema, servers) = (&*cluster.discord, &cluster.schema, &cluster.servers);
    let guild = servers[2].0;

    // Alice invites Bob in the server on shard 1: process 1 answers and DMs Bob.
    let before = discord.requests().len();
    let sent = slash(discord, guild, &alice, "invite", &bob).await;
    assert_eq!(
        ephemeral_text(&sent),
        format!("Invitation sent to <@{}>.", bob.id)
    );
    let invitation = dm_after(discord, before, "the invitation DM").await;
    assert!(
        invitation.body["content"]
            .as_str()
            .unwrap()
            .contains("on **Server 1.0**"),
        "{:#}",
        invitation.body
    );

    // Bob accepts in his DM: the click arrives on shard 0, at process 0.
    let before = discord.requests().len();
    let accept = button_ids(&invitation.body)[0].clone();
    let accepted = click_in_dm(discord, &bob, &invitation, &accept).await;
    assert_eq!(
        callback_data(&accepted)["content"],
        "You're now connected with **Alice**."
    );
    // Process 0 asked Discord the name of a server it does not hold.
    let news = dm_after(discord, before, "the acceptance DM").await;
    assert!(
        news.body["content"]
            .as_str()
            .unwrap()
            .contains("accepted your invitation on **Server 1.0**"),
        "{:#}",
        news.body
    );

    // Process 1's memory follows process 0's commit.
    let (profile, took) = profile_until(discord, guild, &alice, &bob, |t| t.contains("1st")).await;
    eprintln!("process 1 saw process 0's acceptance after {took:?}: {profile}");

    // Carol connects with Bob the same way; Alice's /suggestions (process 1) then offers
    // Carol, from a graph process 0 changed.
    let before = discord.requests().len();
    slash(discord, guild, &carol, "invite", &bob).await;
    let to_bob = dm_after(discord, before, "Carol's invitation DM").await;
    let accept = button_ids(&to_bob.body)[0].clone();
    click_in_dm(discord, &bob, &to_bob, &accept).await;
    let start = Instant::now();
    loop {
        let interaction = dj::moved_to_guild(
            dj::slash_with_strings(
                discord.next_id(),
                &format!("tok-{}", discord.next_id()),
                &alice,
                "suggestions",
                &[],
            ),
            guild,
        );
        let text = ephemeral_text(&discord.interact(interaction).await.0);
        if text.contains(&format!("<@{}>", carol.id)) {
            eprintln!("process 1 suggested Carol after {:?}", start.elapsed());
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "Carol was never suggested: {text}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let database = Network::new(
        PostgresStore::connect_with(schema.config()).await.unwrap(),
        SystemClock,
    );
    let g = GuildId::new(guild).unwrap();
    let (a, b) = (
        MemberId::new(alice.id).unwrap(),
        MemberId::new(bob.id).unwrap(),
    );
    let since = |page: handshake::network::ConnectionPage| {
        assert_eq!(page.items.len(), 1, "{page:?}");
        page.items[0].since
    };
    let first_since = since(
        database
            .connections(g, a, Default::default(), ConnectionWindow::first(10))
            .await
            .unwrap(),
    );

    // Alice removes Bob (process 1): nobody is told.
    let ask = slash(discord, guild, &alice, "disconnect", &bob).await;
    let remove = button_ids(&ask.body["data"])[0].clone();
    let before = discord.requests().len();
    let click = dj::moved_to_guild(
        dj::button_click(
            discord.next_id(),
            "tok-remove",
            &alice,
            &remove,
            reply_message(&ask),
            ClickedIn::Server,
        ),
        guild,
    );
    let (removed, _) = discord.interact(click).await;
    assert!(
        updated_text(&removed).starts_with("Removed"),
        "{removed:#?}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let dms_after_removal = discord
        .requests()
        .into_iter()
        .skip(before)
        .filter(|r| r.path.starts_with("/channels/") || r.path == "/users/@me/channels")
        .count();
    assert_eq!(dms_after_removal, 0, "a disconnect notifies nobody");

    // Bob is refused neutrally, as anyone refused for any reason.
    let refused = slash(discord, guild, &bob, "invite", &alice).await;
    assert_eq!(
        ephemeral_text(&refused),
        "This member can't be invited at this time."
    );

    // Alice re-invites; Bob accepts from his DM (process 0): the connection comes back as it
    // was, with its first date.
    let before = discord.requests().len();
    slash(discord, guild, &alice, "invite", &bob).await;
    let again = dm_after(discord, before, "the second invitation DM").await;
    let accept = button_ids(&again.body)[0].clone();
    click_in_dm(discord, &bob, &again, &accept).await;
    assert!(database.is_connected(g, a, b).await.unwrap());
    let (profile, took) = profile_until(discord, guild, &alice, &bob, |t| t.contains("1st")).await;
    eprintln!("process 1 saw the restored connection after {took:?}: {profile}");
    let restored = since(
        database
            .connections(g, a, Default::default(), ConnectionWindow::first(10))
            .await
            .unwrap(),
    );
    assert_eq!(restored, first_since, "restored as it was");
    // Networks are per server: in a server on shard 0, they are not connected.
    let elsewhere = ephemeral_text(&view_profile(discord, servers[0].0, &alice, &bob).await);
    assert!(elsewhere.contains("outside your network"), "{elsewhere}");
    discord.assert_all_valid();
}

/// Two processes; one is killed (SIGKILL) in the middle of a burst of invitations in a server
/// on its shard, then started again. Every invitation that was answered is in the database,
/// the database is sound, and both processes go on answering from it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_killed_mid_burst_loses_no_answered_write_and_comes_back_in_step() {
    let (alice, bob) = (alice(), bob());
    let Some(mut cluster) = TwoProcesses::start(&[&alice, &bob]).await else {
        return;
    };
    let (discord, schema) = (std::sync::Arc::clone(&cluster.discord), &cluster.schema);
    let guild = cluster.servers[2].0;

    // A burst of invitations to Alice from 40 members, sent without waiting for answers;
    // process 1 is killed once a quarter are answered, the rest still in flight.
    let inviters: Vec<Person> = (0..40)
        .map(|i| Person::new(1_800_000_000_000_000_000 + i, &format!("member{i}")))
        .collect();
    let mut callbacks = Vec::new();
    for (i, inviter) in inviters.iter().enumerate() {
        discord.know(inviter);
        let interaction = dj::moved_to_guild(
            dj::slash_command(
                discord.next_id(),
                &format!("tok-burst-{i}"),
                inviter,
                "invite",
                &alice,
                true,
                None,
            ),
            guild,
        );
        callbacks.push((
            inviter.id,
            format!(
                "/interactions/{}/{}/callback",
                interaction["id"].as_str().unwrap(),
                interaction["token"].as_str().unwrap()
            ),
        ));
        discord.dispatch("INTERACTION_CREATE", interaction).await;
    }
    let answered = || -> Vec<u64> {
        let requests = discord.requests();
        callbacks
            .iter()
            .filter(|(_, path)| requests.iter().any(|r| r.path == *path))
            .map(|(inviter, _)| *inviter)
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while answered().len() < 10 {
        assert!(Instant::now() < deadline, "the burst is not being answered");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    cluster.shard_1.0.kill().unwrap();
    cluster.shard_1.0.wait().unwrap();
    let answered = answered();
    eprintln!(
        "{} of 40 invitations were answered before the kill",
        answered.len()
    );

    let database = Network::new(
        PostgresStore::connect_with(schema.config()).await.unwrap(),
        SystemClock,
    );
    let g = GuildId::new(guild).unwrap();
    let a = MemberId::new(alice.id).unwrap();
    // A third process with the server in memory, following the other two from here on.
    database.preload(g).await.unwrap();
    let inbox = database
        .invitations(
            g,
            a,
            handshake::network::InvitationSide::Received,
            handshake::network::PageRequest::first(100),
        )
        .await
        .unwrap();
    let stored: Vec<u64> = inbox.items.iter().map(|i| i.inviter.get()).collect();
    for inviter in &answered {
        assert!(
            stored.contains(inviter),
            "answered but not stored: {inviter}"
        );
    }
    let violations = database.storage().audit().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // Started again, process 1 answers from the database as it stands; a DM accept handled
    // by process 0 reaches it.
    cluster.shard_1 = BotProcess::start(&discord, &schema.url(), "1-1/2");
    discord.wait_for_shards(&[0, 1]).await;
    let first = answered
        .first()
        .expect("some invitations were answered before the kill");
    let inviter = inviters.iter().find(|p| p.id == *first).unwrap();
    let refused = slash(&discord, guild, inviter, "invite", &alice).await;
    assert_eq!(
        ephemeral_text(&refused),
        "You've already invited this member; your invitation is still pending."
    );
    let before = discord.requests().len();
    slash(&discord, guild, &bob, "invite", &alice).await;
    let dm = dm_after(&discord, before, "Bob's invitation DM").await;
    let accept = button_ids(&dm.body)[0].clone();
    click_in_dm(&discord, &alice, &dm, &accept).await;
    profile_until(&discord, guild, &alice, &bob, |t| t.contains("1st")).await;
    // The third process followed it all: its memory is the database.
    let after = database.memory_differences().await.unwrap();
    assert!(after.is_empty(), "{after:#?}");
    assert_eq!(
        database
            .degree(g, a, MemberId::new(bob.id).unwrap())
            .await
            .unwrap(),
        handshake::network::Degree::First
    );
    discord.assert_all_valid();
}

/// A click on `custom_id`, as if on a message carrying that one button: in `place`.
fn click_on(discord: &FakeDiscord, clicker: &Person, custom_id: &str, place: ClickedIn) -> Value {
    let channel = match place {
        ClickedIn::Dm(channel) => channel,
        ClickedIn::Server => dj::CHANNEL_ID,
    };
    let message = dj::message(
        discord.next_id(),
        channel,
        "a message with a button",
        serde_json::json!([{ "type": 1, "components": [
            { "type": 2, "style": 1, "label": "Go", "custom_id": custom_id }
        ]}]),
        0,
    );
    dj::button_click(
        discord.next_id(),
        &format!("tok-{}", discord.next_id()),
        clicker,
        custom_id,
        message,
        place,
    )
}

/// Members of a server on shard 1 act at random and at once: their commands reach process 1,
/// their DM clicks process 0. Nobody is told "something went wrong", the database stays
/// sound, and process 1 then answers every pair's /profile as the database has it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_interactions_through_both_processes_keep_every_answer_true() {
    let members: Vec<Person> = (0..6)
        .map(|i| Person::new(1_750_000_000_000_000_000 + i, &format!("member{i}")))
        .collect();
    let Some(cluster) = TwoProcesses::start(&members.iter().collect::<Vec<_>>()).await else {
        return;
    };
    let (discord, schema) = (&cluster.discord, &cluster.schema);
    let guild = cluster.servers[2].0;

    let tasks: Vec<_> = (0..3u64)
        .map(|task| {
            let (discord, members) = (std::sync::Arc::clone(discord), members.clone());
            tokio::spawn(async move {
                let mut rng = XorShift(0x51_7CC1_B727_220A ^ (task + 1));
                for _ in 0..40 {
                    let a = &members[rng.next(members.len() as u64) as usize];
                    let b = &members[rng.next(members.len() as u64) as usize];
                    if a.id == b.id {
                        continue;
                    }
                    let dm = discord.next_id();
                    let interaction = match rng.next(4) {
                        0 => dj::moved_to_guild(
                            dj::slash_command(
                                discord.next_id(),
                                &format!("tok-{}", discord.next_id()),
                                a,
                                "invite",
                                b,
                                true,
                                None,
                            ),
                            guild,
                        ),
                        1 => click_on(
                            &discord,
                            b,
                            &format!("hs:accept:{guild}:{}:{}", a.id, b.id),
                            ClickedIn::Dm(dm),
                        ),
                        2 => click_on(
                            &discord,
                            b,
                            &format!("hs:ignore:{guild}:{}:{}", a.id, b.id),
                            ClickedIn::Dm(dm),
                        ),
                        _ => dj::moved_to_guild(
                            click_on(
                                &discord,
                                a,
                                &format!("hs:remove:{guild}:{}:{}", a.id, b.id),
                                ClickedIn::Server,
                            ),
                            guild,
                        ),
                    };
                    let (callback, _) = discord.interact(interaction).await;
                    let text = callback.body["data"]["content"]
                        .as_str()
                        .unwrap_or_default();
                    assert!(!text.contains("Something went wrong"), "{text}");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }

    let database = Network::new(
        PostgresStore::connect_with(schema.config()).await.unwrap(),
        SystemClock,
    );
    let violations = database.storage().audit().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    let g = GuildId::new(guild).unwrap();
    let mut connections = 0;
    for a in &members {
        for b in members.iter().filter(|b| b.id != a.id) {
            let connected = database
                .is_connected(
                    g,
                    MemberId::new(a.id).unwrap(),
                    MemberId::new(b.id).unwrap(),
                )
                .await
                .unwrap();
            let text = ephemeral_text(&view_profile(discord, guild, a, b).await);
            assert_eq!(
                text.contains("1st degree"),
                connected,
                "{} → {}: {text}",
                a.id,
                b.id
            );
            connections += usize::from(connected);
        }
    }
    eprintln!("{} connections stood at the end", connections / 2);
    assert!(
        connections > 0,
        "the random steps connected nobody: a test of nothing"
    );
    discord.assert_all_valid();
}
