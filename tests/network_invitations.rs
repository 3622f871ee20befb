//! Rules 1, 3 and 7 of the network core: inviting, accepting, ignoring, withdrawing, and the
//! settings that shape them. Real SQLite files; a manual clock.

mod support;

use handshake::network::{
    ConnectedVia, InvitationSide, InviteOutcome, InvitePolicy, MemberId, NetworkError,
    NotificationEvent, PageRequest, SettingsUpdate,
};
use support::network::{DAY, TestNetwork, g, member};

fn page() -> PageRequest {
    PageRequest::first(50)
}

async fn an_invitation_is_pending_on_both_sides_and_tells_the_invitee(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));

    let outcome = t
        .network
        .invite(g(), alice, bob, Some("  We met at RustConf  "))
        .await
        .unwrap();

    let InviteOutcome::Sent {
        notification: Some(notice),
    } = outcome
    else {
        panic!("expected a sent invitation with a notification, got {outcome:?}");
    };
    assert_eq!(notice.recipient(), bob);
    assert_eq!(notice.guild(), g());
    let NotificationEvent::InvitationReceived { from, note } = notice.event() else {
        panic!("wrong event {:?}", notice.event());
    };
    assert_eq!(*from, alice);
    assert_eq!(
        note.as_ref().unwrap().as_str(),
        "We met at RustConf",
        "the note is trimmed"
    );

    let inbox = t
        .network
        .invitations(g(), bob, InvitationSide::Received, page())
        .await
        .unwrap();
    assert_eq!(inbox.items.len(), 1);
    assert_eq!(inbox.items[0].inviter, alice);
    assert_eq!(inbox.items[0].sent_at, support::network::START);
    let sent = t
        .network
        .invitations(g(), alice, InvitationSide::Sent, page())
        .await
        .unwrap();
    assert_eq!(sent.items.len(), 1);
    assert_eq!(sent.items[0].invitee, bob);
    assert!(!t.network.is_connected(g(), alice, bob).await.unwrap());
    t.assert_sound().await;
}

async fn notes_are_limited_to_300_characters_and_never_cut(t: &TestNetwork) {
    let long = "é".repeat(301);
    let err = t
        .network
        .invite(g(), member(1), member(2), Some(&long))
        .await
        .unwrap_err();
    assert!(
        matches!(err, NetworkError::NoteTooLong { chars: 301 }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Your note is 301 characters long; a note can have at most 300."
    );
    // Nothing was stored for the refused invitation.
    let sent = t
        .network
        .invitations(g(), member(1), InvitationSide::Sent, page())
        .await
        .unwrap();
    assert!(sent.items.is_empty());

    // 300 characters (multi-byte ones, too) are fine, and kept whole.
    let exact = "é".repeat(300);
    t.network
        .invite(g(), member(1), member(2), Some(&exact))
        .await
        .unwrap();
    let inbox = t
        .network
        .invitations(g(), member(2), InvitationSide::Received, page())
        .await
        .unwrap();
    assert_eq!(inbox.items[0].note.as_ref().unwrap().as_str(), exact);

    // A blank note is no note.
    t.network
        .invite(g(), member(3), member(2), Some("   "))
        .await
        .unwrap();
    let inbox = t
        .network
        .invitations(g(), member(2), InvitationSide::Received, page())
        .await
        .unwrap();
    let from_three = inbox.items.iter().find(|i| i.inviter == member(3)).unwrap();
    assert_eq!(from_three.note, None);
}

async fn inviting_yourself_an_existing_connection_or_twice_is_refused_specifically(
    t: &TestNetwork,
) {
    let (alice, bob, carol) = (member(1), member(2), member(3));

    let err = t.network.invite(g(), alice, alice, None).await.unwrap_err();
    assert!(matches!(err, NetworkError::SelfTarget), "{err:?}");

    t.network.invite(g(), alice, bob, None).await.unwrap();
    let err = t.network.invite(g(), alice, bob, None).await.unwrap_err();
    assert!(
        matches!(err, NetworkError::InvitationAlreadyPending),
        "{err:?}"
    );

    t.connect(g(), alice, carol).await;
    refused_as_connected(t, alice, carol).await;
    t.assert_sound().await;
}

/// Inviting, either way, is refused with "already connected".
async fn refused_as_connected(t: &TestNetwork, a: MemberId, b: MemberId) {
    for (from, to) in [(a, b), (b, a)] {
        let err = t.network.invite(g(), from, to, None).await.unwrap_err();
        assert!(matches!(err, NetworkError::AlreadyConnected), "{err:?}");
    }
}

/// "Already connected" is answered from the in-memory graph, which leaves out a banned member's
/// connections; their connections are still in the database, so the answer must not change.
async fn a_banned_connection_is_still_already_connected(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.connect(g(), alice, bob).await;
    t.network.ban(g(), bob).await.unwrap();
    refused_as_connected(t, alice, bob).await;
    t.assert_sound().await;
    t.network.unban(g(), bob).await.unwrap();
    assert!(t.network.is_connected(g(), alice, bob).await.unwrap());
    refused_as_connected(t, alice, bob).await;
    t.assert_sound().await;
}

async fn inviting_someone_who_invited_you_connects_you_at_once(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();

    let outcome = t.network.invite(g(), bob, alice, Some("hi")).await.unwrap();

    let InviteOutcome::Connected(connection) = outcome else {
        panic!("expected a connection, got {outcome:?}");
    };
    assert_eq!(connection.peer, alice);
    assert_eq!(connection.via, ConnectedVia::MutualInvitation);
    assert!(!connection.restored);
    let notice = connection
        .notification
        .expect("alice hears her invitation was accepted");
    assert_eq!(notice.recipient(), alice);
    assert_eq!(
        *notice.event(),
        NotificationEvent::InvitationAccepted { by: bob }
    );
    assert!(t.network.is_connected(g(), alice, bob).await.unwrap());
    assert!(t.network.is_connected(g(), bob, alice).await.unwrap());
    for who in [alice, bob] {
        let counts = t.network.counts(g(), who).await.unwrap();
        assert_eq!(
            (
                counts.connections,
                counts.invitations_received,
                counts.invitations_sent
            ),
            (1, 0, 0)
        );
    }
    t.assert_sound().await;
}

async fn accepting_connects_both_and_tells_the_inviter_and_accepting_twice_is_harmless(
    t: &TestNetwork,
) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();
    t.advance(DAY);

    let connection = t.network.accept(g(), bob, alice).await.unwrap();

    assert_eq!(connection.peer, alice);
    assert_eq!(connection.via, ConnectedVia::Accepted);
    assert_eq!(
        connection.since,
        support::network::START.plus(DAY),
        "connected when accepted"
    );
    let notice = connection.notification.unwrap();
    assert_eq!(notice.recipient(), alice);
    assert_eq!(
        *notice.event(),
        NotificationEvent::InvitationAccepted { by: bob }
    );
    assert_eq!(
        t.network.connected_since(g(), alice, bob).await.unwrap(),
        Some(connection.since)
    );

    let again = t.network.accept(g(), bob, alice).await.unwrap_err();
    assert!(matches!(again, NetworkError::AlreadyConnected), "{again:?}");
    assert_eq!(t.network.counts(g(), bob).await.unwrap().connections, 1);
    assert_eq!(t.network.counts(g(), alice).await.unwrap().connections, 1);

    let none = t.network.accept(g(), member(3), alice).await.unwrap_err();
    assert!(
        matches!(none, NetworkError::NoInvitationReceived),
        "{none:?}"
    );
    t.assert_sound().await;
}

async fn ignoring_empties_the_inbox_but_the_inviter_still_sees_it_pending(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();

    t.network.ignore(g(), bob, alice).await.unwrap();
    t.network.ignore(g(), bob, alice).await.unwrap(); // twice is harmless

    let inbox = t
        .network
        .invitations(g(), bob, InvitationSide::Received, page())
        .await
        .unwrap();
    assert!(
        inbox.items.is_empty(),
        "ignored invitations leave the inbox"
    );
    let sent = t
        .network
        .invitations(g(), alice, InvitationSide::Sent, page())
        .await
        .unwrap();
    assert_eq!(
        sent.items.len(),
        1,
        "the inviter is not told: still pending for them"
    );
    let err = t.network.invite(g(), alice, bob, None).await.unwrap_err();
    assert!(
        matches!(err, NetworkError::InvitationAlreadyPending),
        "{err:?}"
    );
    assert_eq!(
        t.network
            .counts(g(), bob)
            .await
            .unwrap()
            .invitations_received,
        0
    );
    assert_eq!(
        t.network.counts(g(), alice).await.unwrap().invitations_sent,
        1
    );

    // Changing one's mind later still works.
    t.network.accept(g(), bob, alice).await.unwrap();
    assert!(t.network.is_connected(g(), alice, bob).await.unwrap());

    let err = t.network.ignore(g(), bob, member(9)).await.unwrap_err();
    assert!(matches!(err, NetworkError::NoInvitationReceived), "{err:?}");
}

async fn withdrawing_removes_the_invitation_and_blocks_reinviting_for_21_days(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();

    let withdrawn = t.network.withdraw(g(), alice, bob).await.unwrap();
    assert_eq!(
        withdrawn.can_invite_again_at,
        support::network::START.plus(21 * DAY)
    );
    assert!(
        t.network
            .invitations(g(), bob, InvitationSide::Received, page())
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        t.network
            .invitations(g(), alice, InvitationSide::Sent, page())
            .await
            .unwrap()
            .items
            .is_empty()
    );

    t.advance(DAY);
    let err = t.network.invite(g(), alice, bob, None).await.unwrap_err();
    assert!(
        matches!(err, NetworkError::WithdrawCooldown { .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "You withdrew an invitation to this member recently. You can invite them again in 20 days."
    );
    t.advance(20 * DAY - std::time::Duration::from_secs(1));
    assert!(
        t.network.invite(g(), alice, bob, None).await.is_err(),
        "a second early"
    );
    t.advance(std::time::Duration::from_secs(1));
    t.network
        .invite(g(), alice, bob, None)
        .await
        .expect("allowed after 21 days");

    let err = t.network.withdraw(g(), alice, member(7)).await.unwrap_err();
    assert!(matches!(err, NetworkError::NoInvitationSent), "{err:?}");
}

async fn a_withdrawal_does_not_stop_the_invitee_from_inviting(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();
    t.network.withdraw(g(), alice, bob).await.unwrap();
    let outcome = t.network.invite(g(), bob, alice, None).await.unwrap();
    assert!(matches!(outcome, InviteOutcome::Sent { .. }), "{outcome:?}");
    // …and alice accepting bob's invitation is not her inviting: the cooldown does not apply.
    t.network.accept(g(), alice, bob).await.unwrap();
}

async fn auto_accept_connects_at_once_and_tells_the_invitee(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network
        .update_settings(
            g(),
            bob,
            SettingsUpdate {
                auto_accept: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();

    let outcome = t.network.invite(g(), alice, bob, None).await.unwrap();

    let InviteOutcome::Connected(connection) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(connection.via, ConnectedVia::AutoAccepted);
    assert_eq!(connection.peer, bob);
    let notice = connection.notification.unwrap();
    assert_eq!(notice.recipient(), bob);
    assert_eq!(
        *notice.event(),
        NotificationEvent::AutoAccepted { with: alice }
    );
    assert!(t.network.is_connected(g(), alice, bob).await.unwrap());
    assert_eq!(
        t.network.counts(g(), alice).await.unwrap().invitations_sent,
        0
    );
    t.assert_sound().await;
}

async fn auto_accept_never_overrides_a_refusal(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network
        .update_settings(
            g(),
            bob,
            SettingsUpdate {
                auto_accept: Some(true),
                invite_policy: Some(InvitePolicy::Nobody),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let err = t.network.invite(g(), alice, bob, None).await.unwrap_err();
    assert!(matches!(err, NetworkError::NotInvitable), "{err:?}");
    assert!(!t.network.is_connected(g(), alice, bob).await.unwrap());
}

async fn members_with_dm_notifications_off_get_no_notification(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    let quiet = SettingsUpdate {
        dm_notifications: Some(false),
        ..Default::default()
    };
    t.network.update_settings(g(), alice, quiet).await.unwrap();
    t.network.update_settings(g(), bob, quiet).await.unwrap();

    let outcome = t.network.invite(g(), alice, bob, None).await.unwrap();
    assert_eq!(outcome, InviteOutcome::Sent { notification: None });
    let connection = t.network.accept(g(), bob, alice).await.unwrap();
    assert_eq!(connection.notification, None);
}

async fn settings_default_sensibly_and_change_one_at_a_time(t: &TestNetwork) {
    let alice = member(1);
    let defaults = t.network.settings(g(), alice).await.unwrap();
    assert_eq!(defaults.invite_policy, InvitePolicy::Everyone);
    assert!(!defaults.auto_accept);
    assert!(defaults.dm_notifications);

    let changed = t
        .network
        .update_settings(
            g(),
            alice,
            SettingsUpdate {
                invite_policy: Some(InvitePolicy::Mutuals),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(changed.invite_policy, InvitePolicy::Mutuals);
    assert!(
        changed.dm_notifications,
        "untouched settings keep their value"
    );
    assert_eq!(t.network.settings(g(), alice).await.unwrap(), changed);
}

on_both_stores!(
    an_invitation_is_pending_on_both_sides_and_tells_the_invitee,
    notes_are_limited_to_300_characters_and_never_cut,
    inviting_yourself_an_existing_connection_or_twice_is_refused_specifically,
    a_banned_connection_is_still_already_connected,
    inviting_someone_who_invited_you_connects_you_at_once,
    accepting_connects_both_and_tells_the_inviter_and_accepting_twice_is_harmless,
    ignoring_empties_the_inbox_but_the_inviter_still_sees_it_pending,
    withdrawing_removes_the_invitation_and_blocks_reinviting_for_21_days,
    a_withdrawal_does_not_stop_the_invitee_from_inviting,
    auto_accept_connects_at_once_and_tells_the_invitee,
    auto_accept_never_overrides_a_refusal,
    members_with_dm_notifications_off_get_no_notification,
    settings_default_sensibly_and_change_one_at_a_time,
);
