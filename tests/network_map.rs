//! What the network map may show, and the moderators' weekly counts, on both stores: only the
//! asker's own connections are named, second-degree members come anonymous and never hidden
//! or banned ones, a tag draws only the connections it is on; the weekly counts follow each
//! send, acceptance and first ignore, in the week they happened.

mod support;

use std::collections::BTreeSet;

use handshake::network::{
    CHART_WEEK, Clock, MapRequest, MemberNames, ProfileDraft, ProfileVisibility, SettingsUpdate,
    Tag, Timestamp,
};
use support::network::{DAY, TestNetwork, g, member};

fn names(who: u64) -> MemberNames {
    MemberNames {
        display_name: format!("Person {who}"),
        username: format!("person{who}"),
    }
}

/// 1 is connected to 2, 3, 4 (2–3 connected too); 5 is connected to 2 and 3; 6 to 4; 7 to 2.
async fn small_world(t: &TestNetwork) {
    for who in 1..=7 {
        t.network
            .see_member(g(), member(who), names(who))
            .await
            .unwrap();
    }
    for (a, b) in [
        (1, 2),
        (1, 3),
        (1, 4),
        (2, 3),
        (5, 2),
        (5, 3),
        (6, 4),
        (7, 2),
    ] {
        t.connect(g(), member(a), member(b)).await;
    }
}

fn ids(map: &handshake::network::NetworkMap) -> Vec<u64> {
    map.connections.iter().map(|m| m.id.get()).collect()
}

async fn the_map_names_own_connections_and_links_among_them(t: &TestNetwork) {
    small_world(t).await;
    t.network
        .save_profile(
            g(),
            member(2),
            ProfileDraft {
                headline: "Engineer".into(),
                skills: "Rust, SQL".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    t.network
        .add_tag(g(), member(1), member(2), "RustConf")
        .await
        .unwrap();
    let map = t
        .network
        .network_map(g(), member(1), MapRequest::default())
        .await
        .unwrap();
    assert_eq!(ids(&map), vec![2, 3, 4]);
    assert_eq!(map.matched, 3);
    assert_eq!(map.connections[0].name, "Person 2");
    // The asker's own tag first, then the member's skills.
    assert_eq!(map.connections[0].labels, ["RustConf", "Rust", "SQL"]);
    // Only 2–3 is a link between two of 1's connections (positions in the list).
    assert_eq!(map.links, vec![(0, 1)]);
    assert!(map.second_degree.is_empty(), "not asked for");
    // Nobody else's map shows 1's tags.
    let other = t
        .network
        .network_map(g(), member(3), MapRequest::default())
        .await
        .unwrap();
    assert!(
        other
            .connections
            .iter()
            .all(|m| !m.labels.contains(&"RustConf".to_owned()))
    );
}

async fn second_degree_is_anonymous_and_leaves_out_the_hidden_and_banned(t: &TestNetwork) {
    small_world(t).await;
    let with_second = MapRequest {
        second_degree: true,
        tag: None,
    };
    let map = t
        .network
        .network_map(g(), member(1), with_second.clone())
        .await
        .unwrap();
    // 5 knows 2 and 3 (positions 0 and 1), 6 knows 4, 7 knows 2; most links first.
    let anchors: BTreeSet<Vec<u32>> = map.second_degree.iter().cloned().collect();
    assert_eq!(anchors, BTreeSet::from([vec![0, 1], vec![2], vec![0]]));
    assert_eq!(map.second_degree[0], vec![0, 1]);

    // 6 shows their profile to their connections only: not a dot on a stranger's map.
    t.network
        .update_settings(
            g(),
            member(6),
            SettingsUpdate {
                profile_visibility: Some(ProfileVisibility::Connections),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // 7 is banned: off every map.
    t.network.ban(g(), member(7)).await.unwrap();
    let map = t
        .network
        .network_map(g(), member(1), with_second)
        .await
        .unwrap();
    assert_eq!(map.second_degree, vec![vec![0, 1]]);
    // And banned connections are not drawn either.
    t.network.ban(g(), member(4)).await.unwrap();
    let map = t
        .network
        .network_map(g(), member(1), MapRequest::default())
        .await
        .unwrap();
    assert_eq!(ids(&map), vec![2, 3]);
}

/// Member 1's map of the connections they gave `tag`.
async fn tagged_map(t: &TestNetwork, tag: &str) -> handshake::network::NetworkMap {
    let request = MapRequest {
        second_degree: false,
        tag: Some(Tag::parse(tag).unwrap()),
    };
    t.network
        .network_map(g(), member(1), request)
        .await
        .unwrap()
}

async fn a_tag_draws_only_the_connections_it_is_on(t: &TestNetwork) {
    small_world(t).await;
    t.network
        .add_tag(g(), member(1), member(3), "Work")
        .await
        .unwrap();
    t.network
        .add_tag(g(), member(1), member(4), "work")
        .await
        .unwrap();
    // Another member's tag of the same name is theirs alone.
    t.network
        .add_tag(g(), member(2), member(1), "Work")
        .await
        .unwrap();
    let map = tagged_map(t, "WORK").await;
    assert_eq!(ids(&map), vec![3, 4], "tags match whatever their case");
    assert!(map.links.is_empty(), "3 and 4 are not connected");
    let nobody = tagged_map(t, "Family").await;
    assert!(nobody.connections.is_empty());
    assert_eq!(nobody.matched, 0);
}

async fn a_member_without_connections_has_an_empty_map(t: &TestNetwork) {
    let map = t
        .network
        .network_map(g(), member(9), MapRequest::default())
        .await
        .unwrap();
    assert!(map.connections.is_empty() && map.links.is_empty());
}

fn this_week(now: Timestamp) -> Timestamp {
    let week = CHART_WEEK.as_millis() as i64;
    Timestamp::from_unix_millis(now.unix_millis().div_euclid(week) * week)
}

async fn weekly_counts_follow_sends_acceptances_and_first_ignores(t: &TestNetwork) {
    let n = |x: u64| member(x);
    t.network.invite(g(), n(1), n(2), None).await.unwrap();
    t.network.invite(g(), n(1), n(3), None).await.unwrap();
    t.network.invite(g(), n(4), n(1), None).await.unwrap();
    t.network.accept(g(), n(2), n(1)).await.unwrap();
    t.network.ignore(g(), n(3), n(1)).await.unwrap();
    // Ignoring twice counts once; a refused invite counts nothing.
    t.network.ignore(g(), n(3), n(1)).await.unwrap();
    assert!(t.network.invite(g(), n(1), n(1), None).await.is_err());
    // Inviting someone who invited you accepts their invitation: one acceptance, no send.
    t.network.invite(g(), n(1), n(4), None).await.unwrap();
    let now = t.clock.now();
    let (stats, history) = t.network.stats_with_history(g(), 12).await.unwrap();
    assert_eq!(
        stats,
        t.network.stats(g()).await.unwrap(),
        "the same figures as /network stats"
    );
    assert_eq!(history.weeks.len(), 12);
    let last = history.weeks[11];
    assert_eq!(last.week_start, this_week(now));
    assert_eq!((last.sent, last.accepted, last.ignored), (3, 2, 1));
    assert!(
        history.weeks[..11]
            .iter()
            .all(|w| (w.sent, w.accepted, w.ignored) == (0, 0, 0))
    );
    assert!(
        history
            .weeks
            .windows(2)
            .all(
                |w| w[1].week_start.unix_millis() - w[0].week_start.unix_millis()
                    == CHART_WEEK.as_millis() as i64
            )
    );

    // Next week: a report ignores too; the earlier week moves one place back.
    t.advance(DAY * 7);
    t.network.invite(g(), n(5), n(1), None).await.unwrap();
    t.network.report(g(), n(1), n(5)).await.unwrap();
    let (_, history) = t.network.stats_with_history(g(), 12).await.unwrap();
    let (before, last) = (history.weeks[10], history.weeks[11]);
    assert_eq!((before.sent, before.accepted, before.ignored), (3, 2, 1));
    assert_eq!((last.sent, last.accepted, last.ignored), (1, 0, 1));
    // Connections per member: 1 has two (2 and 4), 2 and 4 one each; 3 and 5 none.
    let mut per_member = history.connections_per_member.clone();
    per_member.sort_unstable();
    assert_eq!(per_member, vec![0, 0, 1, 1, 2]);
}

on_both_stores!(
    the_map_names_own_connections_and_links_among_them,
    second_degree_is_anonymous_and_leaves_out_the_hidden_and_banned,
    a_tag_draws_only_the_connections_it_is_on,
    a_member_without_connections_has_an_empty_map,
    weekly_counts_follow_sends_acceptances_and_first_ignores,
);
