//! Rules 2, 4 and 5: disconnecting is silent, the removed member is refused neutrally, and the
//! remover's re-invite restores the connection as if it had never been removed.

mod support;

use handshake::network::{
    ConnectionFilter, ConnectionWindow, DisconnectReceipt, InvitationSide, InviteOutcome,
    InvitePolicy, NetworkError, PageRequest, Tag,
};
use support::network::{DAY, START, TestNetwork, g, member};

async fn disconnect_ends_the_connection_for_both_and_answers_only_the_remover(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.connect(g(), alice, bob).await;
    t.advance(3 * DAY);

    let receipt = t.network.disconnect(g(), alice, bob).await.unwrap();

    // The receipt is the whole result: who was removed and since when. The type has no field
    // for a notification and `Notification` has no public constructor, so nothing can be
    // addressed to bob — this destructuring fails to compile if a field is ever added.
    let DisconnectReceipt {
        removed,
        connected_since,
    } = receipt;
    assert_eq!(removed, bob);
    assert_eq!(connected_since, START);
    assert!(!t.network.is_connected(g(), alice, bob).await.unwrap());
    assert!(!t.network.is_connected(g(), bob, alice).await.unwrap());
    for who in [alice, bob] {
        let counts = t.network.counts(g(), who).await.unwrap();
        assert_eq!(counts.connections, 0);
        assert_eq!(
            counts.invitations_received + counts.invitations_sent,
            0,
            "nothing was sent to anyone"
        );
    }
    t.assert_sound().await;

    let again = t.network.disconnect(g(), alice, bob).await.unwrap_err();
    assert!(matches!(again, NetworkError::NotConnected), "{again:?}");
    let stranger = t
        .network
        .disconnect(g(), alice, member(3))
        .await
        .unwrap_err();
    assert!(
        matches!(stranger, NetworkError::NotConnected),
        "{stranger:?}"
    );
    let me = t.network.disconnect(g(), alice, alice).await.unwrap_err();
    assert!(matches!(me, NetworkError::SelfTarget), "{me:?}");
}

/// Every way an invitation can be refused on the invitee's side, or by a cap, gives the very
/// same error: same variant, same message, same debug output. Nothing tells the inviter which.
async fn every_refusal_is_the_same_neutral_not_invitable(t: &TestNetwork) {
    let inviter = member(1);
    let mut refusals = Vec::new();

    // 1. The invitee removed the inviter.
    let remover = member(10);
    t.connect(g(), remover, inviter).await;
    t.network.disconnect(g(), remover, inviter).await.unwrap();
    refusals.push((
        "removed by the invitee",
        t.network.invite(g(), inviter, remover, None).await,
    ));

    // 2. The invitee takes invitations from nobody.
    let closed = member(11);
    t.set_policy(g(), closed, InvitePolicy::Nobody).await;
    refusals.push((
        "invitee takes none",
        t.network.invite(g(), inviter, closed, None).await,
    ));

    // 3. The invitee takes invitations only from people sharing a connection, and none is shared.
    let picky = member(12);
    t.set_policy(g(), picky, InvitePolicy::Mutuals).await;
    refusals.push((
        "no mutual connection",
        t.network.invite(g(), inviter, picky, None).await,
    ));

    // 4. The invitee is at the cap.
    let guild = support::network::guild(77);
    t.set_cap(guild, 1).await;
    let (full, friend) = (member(13), member(14));
    t.connect(guild, full, friend).await;
    refusals.push((
        "invitee at the cap",
        t.network.invite(guild, inviter, full, None).await,
    ));

    // 5. The inviter is at the cap.
    t.connect(guild, inviter, member(15)).await;
    refusals.push((
        "inviter at the cap",
        t.network.invite(guild, inviter, member(16), None).await,
    ));

    let expected_debug = format!("{:?}", NetworkError::NotInvitable);
    for (why, result) in &refusals {
        let err = result.as_ref().expect_err(why);
        assert!(matches!(err, NetworkError::NotInvitable), "{why}: {err:?}");
        assert_eq!(
            err.to_string(),
            "This member can't be invited at this time.",
            "{why}"
        );
        assert_eq!(
            format!("{err:?}"),
            expected_debug,
            "{why}: the value carries nothing more"
        );
    }
    // A refused invitation leaves nothing behind and costs nothing from the weekly allowance.
    let counts = t.network.counts(g(), inviter).await.unwrap();
    assert_eq!(counts.invitations_sent, 0);
    assert_eq!(counts.invitations_left_this_week, 100);
    t.assert_sound().await;
}

async fn mutuals_policy_admits_someone_who_shares_a_connection(t: &TestNetwork) {
    let (inviter, picky, common) = (member(1), member(2), member(3));
    t.set_policy(g(), picky, InvitePolicy::Mutuals).await;
    assert!(t.network.invite(g(), inviter, picky, None).await.is_err());
    t.connect(g(), inviter, common).await;
    t.connect(g(), picky, common).await; // picky invites: her policy is about who invites her
    let outcome = t.network.invite(g(), inviter, picky, None).await.unwrap();
    assert!(matches!(outcome, InviteOutcome::Sent { .. }), "{outcome:?}");
}

async fn the_remover_can_reinvite_and_acceptance_restores_date_and_tags(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    let original = t.connect(g(), alice, bob).await.since;
    t.network
        .add_tag(g(), alice, bob, "RustConf 2025")
        .await
        .unwrap();
    t.network.add_tag(g(), alice, bob, "mentor").await.unwrap();
    t.network
        .add_tag(g(), bob, alice, "colleague")
        .await
        .unwrap();
    t.advance(30 * DAY);
    t.network.disconnect(g(), alice, bob).await.unwrap();
    t.advance(10 * DAY);

    // The removed member is refused…
    assert!(support::network::is_not_invitable(
        &t.network.invite(g(), bob, alice, None).await
    ));
    // …the remover may re-invite.
    let outcome = t
        .network
        .invite(g(), alice, bob, Some("sorry, misclick"))
        .await
        .unwrap();
    assert!(matches!(outcome, InviteOutcome::Sent { .. }), "{outcome:?}");
    t.advance(DAY);
    let connection = t.network.accept(g(), bob, alice).await.unwrap();

    assert!(connection.restored);
    assert_eq!(
        connection.since, original,
        "the original 'connected since' is kept"
    );
    assert_eq!(
        t.network.connected_since(g(), alice, bob).await.unwrap(),
        Some(original)
    );
    let tags: Vec<String> = t
        .network
        .tags(g(), alice, bob)
        .await
        .unwrap()
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    assert_eq!(
        tags,
        ["mentor", "RustConf 2025"],
        "the remover's private tags come back"
    );
    let page = t
        .network
        .connections(
            g(),
            alice,
            ConnectionFilter {
                tag: Some(Tag::parse("mentor").unwrap()),
                ..Default::default()
            },
            ConnectionWindow::first(10),
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].since, original);
    assert_eq!(t.network.tags(g(), bob, alice).await.unwrap().len(), 1);
    t.assert_sound().await;

    // The block is lifted: if bob now removes alice, he may invite her again later.
    t.network.disconnect(g(), bob, alice).await.unwrap();
    let outcome = t.network.invite(g(), bob, alice, None).await.unwrap();
    assert!(matches!(outcome, InviteOutcome::Sent { .. }), "{outcome:?}");
}

async fn if_the_removed_member_ignores_the_reinvite_the_block_stays(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.connect(g(), alice, bob).await;
    t.network.disconnect(g(), alice, bob).await.unwrap();

    t.network.invite(g(), alice, bob, None).await.unwrap();
    t.network.ignore(g(), bob, alice).await.unwrap();
    t.network.withdraw(g(), alice, bob).await.unwrap();

    assert!(support::network::is_not_invitable(
        &t.network.invite(g(), bob, alice, None).await
    ));
    assert!(!t.network.is_connected(g(), alice, bob).await.unwrap());
}

async fn while_the_reinvite_stands_the_removed_member_inviting_back_accepts_it(t: &TestNetwork) {
    // Alice's standing re-invite says she wants the connection back; bob inviting her is the
    // same as accepting it, even after he had ignored it.
    let (alice, bob) = (member(1), member(2));
    let original = t.connect(g(), alice, bob).await.since;
    t.advance(DAY);
    t.network.disconnect(g(), alice, bob).await.unwrap();
    t.network.invite(g(), alice, bob, None).await.unwrap();
    t.network.ignore(g(), bob, alice).await.unwrap();

    let outcome = t.network.invite(g(), bob, alice, None).await.unwrap();
    let InviteOutcome::Connected(connection) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(connection.restored);
    assert_eq!(connection.since, original);
}

async fn the_remover_gets_no_news_of_a_refusal_and_the_removed_member_none_of_the_removal(
    t: &TestNetwork,
) {
    // What each side can observe after a disconnect is exactly what they could observe about
    // any member who does not take their invitations.
    let (alice, bob, carol) = (member(1), member(2), member(3));
    t.connect(g(), alice, bob).await;
    t.network.disconnect(g(), alice, bob).await.unwrap();
    t.set_policy(g(), carol, InvitePolicy::Nobody).await;

    let to_remover = t.network.invite(g(), bob, alice, None).await.unwrap_err();
    let to_closed = t.network.invite(g(), bob, carol, None).await.unwrap_err();
    assert_eq!(to_remover.to_string(), to_closed.to_string());
    assert_eq!(format!("{to_remover:?}"), format!("{to_closed:?}"));
    // Alice's inbox shows nothing of bob's attempt.
    let inbox = t
        .network
        .invitations(g(), alice, InvitationSide::Received, PageRequest::first(10))
        .await
        .unwrap();
    assert!(inbox.items.is_empty());
}

on_both_stores!(
    while_the_reinvite_stands_the_removed_member_inviting_back_accepts_it,
    the_remover_gets_no_news_of_a_refusal_and_the_removed_member_none_of_the_removal,
    disconnect_ends_the_connection_for_both_and_answers_only_the_remover,
    every_refusal_is_the_same_neutral_not_invitable,
    mutuals_policy_admits_someone_who_shares_a_connection,
    the_remover_can_reinvite_and_acceptance_restores_date_and_tags,
    if_the_removed_member_ignores_the_reinvite_the_block_stays,
);
