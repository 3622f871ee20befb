//! Rule 6: the weekly invitation limit (rolling 7 days) and the connection cap, per server.

mod support;

use std::time::Duration;

use handshake::network::{GuildLimits, InviteOutcome, LimitsUpdate, NetworkError};
use support::network::{DAY, TestNetwork, g, guild, member};

async fn set_weekly(t: &TestNetwork, limit: u32) {
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(limit),
                ..Default::default()
            },
        )
        .await
        .unwrap();
}

async fn limits_default_to_100_a_week_30000_connections_and_5_reports(t: &TestNetwork) {
    assert_eq!(
        t.network.limits(g()).await.unwrap(),
        GuildLimits {
            invites_per_week: 100,
            connection_cap: 30_000,
            reports_to_suspend: 5,
            allow_invite_links: false,
        }
    );
    assert_eq!(
        t.network
            .counts(g(), member(1))
            .await
            .unwrap()
            .invitations_left_this_week,
        100
    );
}

async fn the_weekly_limit_is_a_rolling_window_and_says_when_you_can_invite_again(t: &TestNetwork) {
    set_weekly(t, 3).await;
    let alice = member(1);
    for invitee in 2..=4 {
        t.network
            .invite(g(), alice, member(invitee), None)
            .await
            .unwrap();
        t.advance(DAY);
    }
    // Day 3: three sent on days 0, 1 and 2.
    assert_eq!(
        t.network
            .counts(g(), alice)
            .await
            .unwrap()
            .invitations_left_this_week,
        0
    );
    let err = t
        .network
        .invite(g(), alice, member(5), None)
        .await
        .unwrap_err();
    let NetworkError::WeeklyInviteLimit { limit, retry_after } = err else {
        panic!("{err:?}")
    };
    assert_eq!(limit, 3);
    assert_eq!(
        retry_after,
        4 * DAY,
        "the day-0 invitation leaves the window on day 7"
    );
    assert_eq!(
        err.to_string(),
        "You've sent 3 invitations in the last 7 days, the most this server allows. You can invite again in 4 days."
    );

    // Withdrawn invitations were still sent: they keep counting.
    t.network.withdraw(g(), alice, member(2)).await.unwrap();
    assert!(t.network.invite(g(), alice, member(5), None).await.is_err());

    t.advance(4 * DAY - Duration::from_millis(1));
    assert!(
        t.network.invite(g(), alice, member(5), None).await.is_err(),
        "a millisecond early"
    );
    t.advance(Duration::from_millis(1));
    t.network
        .invite(g(), alice, member(5), None)
        .await
        .expect("a slot freed on day 7");
    assert_eq!(
        t.network
            .counts(g(), alice)
            .await
            .unwrap()
            .invitations_left_this_week,
        0
    );
}

async fn accepting_by_inviting_back_does_not_count_as_sending(t: &TestNetwork) {
    set_weekly(t, 1).await;
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), bob, alice, None).await.unwrap();
    t.network.invite(g(), alice, member(3), None).await.unwrap(); // alice's one for the week
    let outcome = t.network.invite(g(), alice, bob, None).await.unwrap();
    assert!(
        matches!(outcome, InviteOutcome::Connected(_)),
        "{outcome:?}"
    );
}

async fn lowering_the_weekly_limit_below_what_was_sent_waits_for_enough_to_age_out(
    t: &TestNetwork,
) {
    let alice = member(1);
    for invitee in 2..=6 {
        t.network
            .invite(g(), alice, member(invitee), None)
            .await
            .unwrap();
        t.advance(DAY);
    }
    // Five sent on days 0..4; now day 5, limit lowered to 2. Sending one more needs at most one
    // in the window, so four must leave: the fourth (sent on day 3) leaves on day 10.
    set_weekly(t, 2).await;
    let err = t
        .network
        .invite(g(), alice, member(9), None)
        .await
        .unwrap_err();
    let NetworkError::WeeklyInviteLimit { retry_after, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(retry_after, 5 * DAY);
}

async fn accepting_past_your_own_cap_is_refused_with_the_cap_named(t: &TestNetwork) {
    t.set_cap(g(), 2).await;
    let (alice, dave) = (member(1), member(4));
    t.network.invite(g(), dave, alice, None).await.unwrap(); // waiting in alice's inbox
    t.connect(g(), alice, member(2)).await;
    t.connect(g(), alice, member(3)).await;

    let err = t.network.accept(g(), alice, dave).await.unwrap_err();
    assert!(
        matches!(err, NetworkError::ConnectionCapReached { cap: 2 }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "You've reached this server's limit of 2 connections. Remove a connection to make room for a new one."
    );
    // Making room makes it possible.
    t.network.disconnect(g(), alice, member(2)).await.unwrap();
    t.network.accept(g(), alice, dave).await.unwrap();
    t.assert_sound().await;
}

async fn accepting_an_inviter_who_has_since_reached_the_cap_is_refused_without_saying_why(
    t: &TestNetwork,
) {
    t.set_cap(g(), 1).await;
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();
    t.connect(g(), alice, member(3)).await; // alice is now full
    let err = t.network.accept(g(), bob, alice).await.unwrap_err();
    assert!(
        matches!(err, NetworkError::InvitationUnavailable),
        "{err:?}"
    );
    assert!(!t.network.is_connected(g(), alice, bob).await.unwrap());
    t.assert_sound().await;
}

async fn limits_are_validated_and_per_server(t: &TestNetwork) {
    let err = t
        .network
        .update_limits(
            g(),
            LimitsUpdate {
                connection_cap: Some(0),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, NetworkError::LimitOutOfRange { min: 1, .. }),
        "{err:?}"
    );
    let err = t
        .network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(10_001),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, NetworkError::LimitOutOfRange { max: 10_000, .. }),
        "{err:?}"
    );

    let changed = t
        .network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(5),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        changed,
        GuildLimits {
            invites_per_week: 5,
            connection_cap: 30_000,
            reports_to_suspend: 5,
            allow_invite_links: false,
        }
    );
    assert_eq!(
        t.network.limits(guild(2)).await.unwrap(),
        GuildLimits::default()
    );
}

on_both_stores!(
    limits_default_to_100_a_week_30000_connections_and_5_reports,
    the_weekly_limit_is_a_rolling_window_and_says_when_you_can_invite_again,
    accepting_by_inviting_back_does_not_count_as_sending,
    lowering_the_weekly_limit_below_what_was_sent_waits_for_enough_to_age_out,
    accepting_past_your_own_cap_is_refused_with_the_cap_named,
    accepting_an_inviter_who_has_since_reached_the_cap_is_refused_without_saying_why,
    limits_are_validated_and_per_server,
);
