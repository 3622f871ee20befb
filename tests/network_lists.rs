//! Rules 8 and 9 and the per-server isolation: the member directory, connection lists (paged,
//! newest first, name search, tag filter), tags, counts — and two servers never mixing.

mod support;

use handshake::network::{
    ConnectionFilter, ConnectionWindow, InvitationSide, InviteOutcome, MemberNames, NetworkError,
    PageRequest, Tag,
};
use support::network::{DAY, TestNetwork, g, guild, member};

fn names(display: &str, user: &str) -> MemberNames {
    MemberNames {
        display_name: display.into(),
        username: user.into(),
    }
}

/// Alice connects with members 2..=n, one a day, each with a name.
async fn alice_with_connections(t: &TestNetwork, n: u64) {
    for peer in 2..=n {
        t.network
            .see_member(
                g(),
                member(peer),
                names(&format!("Person {peer}"), &format!("user{peer}")),
            )
            .await
            .unwrap();
        t.connect(g(), member(1), member(peer)).await;
        t.advance(DAY);
    }
}

async fn the_directory_keeps_the_names_last_seen(t: &TestNetwork) {
    let alice = member(1);
    assert_eq!(t.network.member_names(g(), alice).await.unwrap(), None);
    t.network
        .see_member(g(), alice, names("Alice", "alice"))
        .await
        .unwrap();
    t.network
        .see_member(g(), alice, names("Alice (she/her)", "alice.dev"))
        .await
        .unwrap();
    assert_eq!(
        t.network.member_names(g(), alice).await.unwrap(),
        Some(names("Alice (she/her)", "alice.dev"))
    );
    assert_eq!(
        t.network.member_names(guild(2), alice).await.unwrap(),
        None,
        "names are per server"
    );
}

async fn connections_are_listed_newest_first_a_page_at_a_time(t: &TestNetwork) {
    alice_with_connections(t, 13).await; // 12 connections

    let list = |window: ConnectionWindow| {
        let network = t.network.clone();
        async move {
            let page = network
                .connections(g(), member(1), ConnectionFilter::default(), window)
                .await
                .unwrap();
            let peers: Vec<u64> = page.items.iter().map(|c| c.peer.get()).collect();
            (page, peers)
        }
    };

    let (first, peers) = list(ConnectionWindow::first(5)).await;
    assert_eq!(peers, [13, 12, 11, 10, 9]);
    assert!(!first.has_previous && first.has_next);
    assert_eq!(first.items[0].names, Some(names("Person 13", "user13")));
    assert!(first.items.windows(2).all(|w| w[0].since > w[1].since));

    let (second, peers) = list(ConnectionWindow::after(first.last_cursor().unwrap(), 5)).await;
    assert_eq!(peers, [8, 7, 6, 5, 4]);
    assert!(second.has_previous && second.has_next);

    let (last, peers) = list(ConnectionWindow::after(second.last_cursor().unwrap(), 5)).await;
    assert_eq!(peers, [3, 2]);
    assert!(last.has_previous && !last.has_next);

    // And back again.
    let (back, peers) = list(ConnectionWindow::before(last.first_cursor().unwrap(), 5)).await;
    assert_eq!(peers, [8, 7, 6, 5, 4]);
    assert!(back.has_previous && back.has_next);
    let (start, peers) = list(ConnectionWindow::before(back.first_cursor().unwrap(), 5)).await;
    assert_eq!(peers, [13, 12, 11, 10, 9]);
    assert!(!start.has_previous, "nothing before the newest");

    // A full last page is not followed by an empty one.
    let (exact, peers) = list(ConnectionWindow::after(second.items[1].cursor(), 5)).await;
    assert_eq!(peers, [6, 5, 4, 3, 2]);
    assert!(!exact.has_next);
}

async fn connections_made_at_the_same_instant_page_without_gaps_or_repeats(t: &TestNetwork) {
    // The clock does not move: all seven connections share one date; the id breaks ties.
    for peer in 2..=8 {
        t.connect(g(), member(1), member(peer)).await;
    }
    let page = |window: ConnectionWindow| {
        let network = t.network.clone();
        async move {
            network
                .connections(g(), member(1), ConnectionFilter::default(), window)
                .await
                .unwrap()
        }
    };
    let peers = |page: &handshake::network::ConnectionPage| -> Vec<u64> {
        page.items.iter().map(|c| c.peer.get()).collect()
    };
    let mut seen = Vec::new();
    let mut window = ConnectionWindow::first(3);
    let last = loop {
        let this = page(window).await;
        seen.extend(peers(&this));
        match (this.has_next, this.last_cursor()) {
            (true, Some(cursor)) => window = ConnectionWindow::after(cursor, 3),
            _ => break this,
        }
    };
    assert_eq!(seen, [2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(peers(&last), [8]);

    // And back from the oldest, the same entries in the same order.
    let mut back = Vec::new();
    let mut window = ConnectionWindow::before(last.first_cursor().unwrap(), 3);
    loop {
        let this = page(window).await;
        back.splice(0..0, peers(&this));
        match (this.has_previous, this.first_cursor()) {
            (true, Some(cursor)) => window = ConnectionWindow::before(cursor, 3),
            _ => break,
        }
    }
    assert_eq!(back, [2, 3, 4, 5, 6, 7]);
}

async fn search_matches_any_part_of_either_name_ignoring_case_even_beyond_ascii(t: &TestNetwork) {
    let alice = member(1);
    let people = [
        (2, "Élodie Martin", "elo"),
        (3, "Bob", "builder_bob"),
        (4, "ZOË", "zoe"),
        (5, "Ann", "anna.k"),
    ];
    for (id, display, user) in people {
        t.network
            .see_member(g(), member(id), names(display, user))
            .await
            .unwrap();
        t.connect(g(), alice, member(id)).await;
    }
    let search = |text: &str| {
        let network = t.network.clone();
        let filter = ConnectionFilter {
            name_contains: Some(text.to_owned()),
            ..Default::default()
        };
        async move {
            let page = network
                .connections(g(), alice, filter, ConnectionWindow::first(10))
                .await
                .unwrap();
            let mut ids: Vec<u64> = page.items.iter().map(|c| c.peer.get()).collect();
            ids.sort();
            ids
        }
    };
    assert_eq!(search("élodie").await, [2]);
    assert_eq!(search("ÉLO").await, [2]);
    assert_eq!(search("zoë").await, [4]);
    assert_eq!(search("BOB").await, [3]);
    assert_eq!(search("builder").await, [3], "usernames match too");
    assert_eq!(
        search("n").await,
        [2, 5],
        "anywhere in the name: Martin, Ann"
    );
    assert_eq!(
        search("  ").await,
        [2, 3, 4, 5],
        "a blank search is no filter"
    );
    assert_eq!(search("nobody").await, Vec::<u64>::new());
    assert_eq!(
        search("%").await,
        Vec::<u64>::new(),
        "no wildcard characters"
    );
}

async fn tags_are_private_validated_and_filter_the_list(t: &TestNetwork) {
    let (alice, bob, carol) = (member(1), member(2), member(3));
    t.connect(g(), alice, bob).await;
    t.connect(g(), alice, carol).await;

    t.network.add_tag(g(), alice, bob, "Rust").await.unwrap();
    t.network.add_tag(g(), alice, bob, "rust").await.unwrap(); // same tag, any case
    assert_eq!(
        t.network.tags(g(), alice, bob).await.unwrap(),
        [Tag::parse("Rust").unwrap()]
    );
    assert!(
        t.network.tags(g(), bob, alice).await.unwrap().is_empty(),
        "tags are the owner's alone"
    );

    let tagged = t
        .network
        .connections(
            g(),
            alice,
            ConnectionFilter {
                tag: Some(Tag::parse("RUST").unwrap()),
                ..Default::default()
            },
            ConnectionWindow::first(10),
        )
        .await
        .unwrap();
    assert_eq!(tagged.items.len(), 1);
    assert_eq!(tagged.items[0].peer, bob);
    assert_eq!(tagged.items[0].tags, [Tag::parse("Rust").unwrap()]);

    assert!(matches!(
        Tag::parse(&"x".repeat(33)),
        Err(NetworkError::TagTooLong)
    ));
    assert!(matches!(Tag::parse("  "), Err(NetworkError::TagEmpty)));
    let err = t
        .network
        .add_tag(g(), alice, member(9), "x")
        .await
        .unwrap_err();
    assert!(matches!(err, NetworkError::NotConnected), "{err:?}");
    for n in 1..20 {
        t.network
            .add_tag(g(), alice, carol, &format!("tag {n}"))
            .await
            .unwrap();
    }
    t.network
        .add_tag(g(), alice, carol, "tag 20")
        .await
        .unwrap();
    let err = t
        .network
        .add_tag(g(), alice, carol, "tag 21")
        .await
        .unwrap_err();
    assert!(matches!(err, NetworkError::TooManyTags), "{err:?}");
    t.network
        .add_tag(g(), alice, carol, "TAG 20")
        .await
        .expect("re-adding an existing tag is fine at the limit");

    assert!(t.network.remove_tag(g(), alice, bob, "RUST").await.unwrap());
    assert!(!t.network.remove_tag(g(), alice, bob, "RUST").await.unwrap());
}

async fn counts_show_connections_inbox_sent_and_what_is_left_this_week(t: &TestNetwork) {
    let alice = member(1);
    t.connect(g(), alice, member(2)).await;
    t.network.invite(g(), alice, member(3), None).await.unwrap();
    t.network.invite(g(), member(4), alice, None).await.unwrap();
    t.network.invite(g(), member(5), alice, None).await.unwrap();
    t.network.ignore(g(), alice, member(5)).await.unwrap();
    let counts = t.network.counts(g(), alice).await.unwrap();
    assert_eq!(counts.connections, 1);
    assert_eq!(counts.invitations_sent, 1);
    assert_eq!(
        counts.invitations_received, 1,
        "the ignored one is out of the inbox"
    );
    assert_eq!(counts.invitations_left_this_week, 98);
}

async fn the_same_two_people_have_independent_networks_in_two_servers(t: &TestNetwork) {
    let (one, two) = (guild(1), guild(2));
    let (alice, bob) = (member(1), member(2));
    t.connect(one, alice, bob).await;
    t.network
        .add_tag(one, alice, bob, "server one")
        .await
        .unwrap();

    assert!(t.network.is_connected(one, alice, bob).await.unwrap());
    assert!(!t.network.is_connected(two, alice, bob).await.unwrap());
    let list = t
        .network
        .connections(
            two,
            alice,
            ConnectionFilter::default(),
            ConnectionWindow::first(10),
        )
        .await
        .unwrap();
    assert!(list.items.is_empty());
    assert!(t.network.tags(two, alice, bob).await.unwrap().is_empty());

    // A removal in one server does not block in the other…
    t.network.disconnect(one, alice, bob).await.unwrap();
    let outcome = t.network.invite(two, bob, alice, None).await.unwrap();
    assert!(matches!(outcome, InviteOutcome::Sent { .. }), "{outcome:?}");
    // …and invitations, inboxes and counts are per server.
    let inbox_one = t
        .network
        .invitations(one, alice, InvitationSide::Received, PageRequest::first(10))
        .await
        .unwrap();
    assert!(inbox_one.items.is_empty());
    assert_eq!(
        t.network
            .counts(two, alice)
            .await
            .unwrap()
            .invitations_received,
        1
    );
    assert_eq!(
        t.network
            .counts(one, bob)
            .await
            .unwrap()
            .invitations_left_this_week,
        100
    );
    assert!(support::network::is_not_invitable(
        &t.network.invite(one, bob, alice, None).await
    ));
}

/// Servers in memory report how long they went unused, and one unloaded is read afresh,
/// unchanged, on its next use.
async fn an_unused_server_can_leave_memory_and_comes_back_as_it_was(t: &TestNetwork) {
    t.connect(g(), member(1), member(2)).await;
    assert!(t.network.is_loaded(g()));
    assert!(!t.network.is_loaded(guild(2)));
    assert_eq!(t.network.idle_guilds(std::time::Duration::ZERO), vec![g()]);
    assert!(
        t.network
            .idle_guilds(std::time::Duration::from_secs(3600))
            .is_empty(),
        "just used"
    );
    t.network.unload(g()).await;
    assert!(!t.network.is_loaded(g()));
    assert_eq!(
        t.network.degree(g(), member(1), member(2)).await.unwrap(),
        handshake::network::Degree::First
    );
    assert!(t.network.is_loaded(g()));
}

/// At start-up the bot preloads every server Discord announces, one after another; a member's
/// first command in a server still waiting its turn does not wait for that turn.
async fn a_first_command_does_not_wait_behind_the_preloads(t: &TestNetwork) {
    const SERVERS: u64 = 1_000;
    let loaded = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let preloads: Vec<_> = (1..=SERVERS)
        .map(|n| {
            let (network, loaded) = (t.network.clone(), std::sync::Arc::clone(&loaded));
            tokio::spawn(async move {
                network.preload(guild(n)).await.unwrap();
                loaded.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            })
        })
        .collect();
    // Let every preload queue up first (and the first few run).
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    t.network
        .degree(guild(SERVERS), member(1), member(2))
        .await
        .unwrap();
    let before = loaded.load(std::sync::atomic::Ordering::SeqCst);
    assert!(
        before < SERVERS * 9 / 10,
        "the last server's first command waited for {before} of {SERVERS} preloads"
    );
    for preload in preloads {
        preload.await.unwrap();
    }
}

on_both_stores!(
    a_first_command_does_not_wait_behind_the_preloads,
    an_unused_server_can_leave_memory_and_comes_back_as_it_was,
    the_directory_keeps_the_names_last_seen,
    connections_are_listed_newest_first_a_page_at_a_time,
    connections_made_at_the_same_instant_page_without_gaps_or_repeats,
    search_matches_any_part_of_either_name_ignoring_case_even_beyond_ascii,
    tags_are_private_validated_and_filter_the_list,
    counts_show_connections_inbox_sent_and_what_is_left_this_week,
    the_same_two_people_have_independent_networks_in_two_servers,
);
