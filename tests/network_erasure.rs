//! Erasing a member's network data (/mydata delete, and a moderator's remove-member): all of
//! it goes, other members' own records stay, and the database and memory stay consistent.

mod support;

use handshake::network::{
    ConnectionFilter, ConnectionWindow, Degree, InvitationSide, InviteOutcome, InvitePolicy,
    LimitsUpdate, MemberNames, NetworkError, PageRequest,
};
use support::network::{TestNetwork, g, member};

async fn erasing_removes_everything_of_the_member_and_keeps_what_others_hold(t: &TestNetwork) {
    let [x, a, b, c, d, e, f, h] = [1, 2, 3, 4, 5, 6, 7, 8].map(member);
    // Load the in-memory graph first, so the erasure must update it too.
    t.network.degree(g(), a, b).await.unwrap();
    t.network
        .see_member(
            g(),
            x,
            MemberNames {
                display_name: "X".into(),
                username: "x".into(),
            },
        )
        .await
        .unwrap();
    t.connect(g(), x, a).await;
    t.connect(g(), x, b).await;
    t.network.add_tag(g(), a, x, "friend").await.unwrap();
    t.network.add_tag(g(), x, a, "boss").await.unwrap();
    t.network.invite(g(), x, c, None).await.unwrap();
    t.network.invite(g(), d, x, None).await.unwrap();
    t.connect(g(), e, x).await;
    t.network.disconnect(g(), e, x).await.unwrap(); // e removed x: e's record
    t.connect(g(), x, f).await;
    t.network.disconnect(g(), x, f).await.unwrap(); // x removed f: x's record
    t.network.invite(g(), x, h, None).await.unwrap();
    t.network.report(g(), h, x).await.unwrap(); // h blocked and reported x: h's record
    t.set_policy(g(), x, InvitePolicy::Nobody).await;

    t.network.erase_my_data(g(), x).await.unwrap();
    t.assert_sound().await;

    // Nothing of x's is left.
    assert_eq!(t.network.member_names(g(), x).await.unwrap(), None);
    assert_eq!(t.network.counts(g(), x).await.unwrap().connections, 0);
    assert_eq!(
        t.network.settings(g(), x).await.unwrap().invite_policy,
        InvitePolicy::Everyone
    );
    for other in [a, b] {
        let list = t
            .network
            .connections(
                g(),
                other,
                ConnectionFilter::default(),
                ConnectionWindow::first(10),
            )
            .await
            .unwrap();
        assert!(list.items.is_empty(), "{other}'s connection with x is gone");
        assert_eq!(
            t.network.degree(g(), other, x).await.unwrap(),
            Degree::Outside,
            "and from the graph"
        );
    }
    assert!(
        t.network.tags(g(), a, x).await.unwrap().is_empty(),
        "others' tags on x go"
    );
    assert_eq!(
        t.network.counts(g(), c).await.unwrap().invitations_received,
        0
    );
    assert_eq!(t.network.counts(g(), d).await.unwrap().invitations_sent, 0);
    let inbox = t
        .network
        .invitations(g(), c, InvitationSide::Received, PageRequest::first(5))
        .await
        .unwrap();
    assert!(inbox.items.is_empty());
    // x's removal of f went: f may invite x.
    assert!(matches!(
        t.network.invite(g(), f, x, None).await.unwrap(),
        InviteOutcome::Sent { .. }
    ));
    // What others hold stays: e removed x and h blocked x, so both still refuse x, neutrally.
    assert!(matches!(
        t.network.invite(g(), x, e, None).await,
        Err(NetworkError::NotInvitable)
    ));
    assert!(matches!(
        t.network.invite(g(), x, h, None).await,
        Err(NetworkError::NotInvitable)
    ));
    t.assert_sound().await;
}

async fn a_suspension_survives_erasing_ones_own_data(t: &TestNetwork) {
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                reports_to_suspend: Some(1),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (spammer, victim) = (member(1), member(2));
    t.network.invite(g(), spammer, victim, None).await.unwrap();
    t.network.report(g(), victim, spammer).await.unwrap();
    t.network.erase_my_data(g(), spammer).await.unwrap();
    let err = t
        .network
        .invite(g(), spammer, member(3), None)
        .await
        .unwrap_err();
    assert!(matches!(err, NetworkError::SendingSuspended), "{err:?}");
    t.assert_sound().await;
}

/// Erasing a banned member's data (a moderator's removal) leaves the ban, in the database and
/// in memory alike; unbanned later, they start from nothing.
async fn a_ban_survives_erasing_the_members_data(t: &TestNetwork) {
    let (moderator, banned, peer) = (member(9), member(1), member(2));
    t.connect(g(), banned, peer).await;
    t.network.ban(g(), banned).await.unwrap();
    t.network
        .remove_member(g(), moderator, banned)
        .await
        .unwrap();
    t.assert_in_step().await;
    t.network.unban(g(), banned).await.unwrap();
    assert!(!t.network.is_connected(g(), banned, peer).await.unwrap());
    t.connect(g(), banned, member(3)).await;
    assert_eq!(
        t.network.degree(g(), banned, member(3)).await.unwrap(),
        handshake::network::Degree::First
    );
}

async fn a_moderators_removal_is_audited(t: &TestNetwork) {
    let (moderator, spam) = (member(9), member(1));
    t.connect(g(), spam, member(2)).await;
    t.network.remove_member(g(), moderator, spam).await.unwrap();
    let log = t.network.audit_log(g(), 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].0, log[0].1.as_str(), log[0].2),
        (moderator, "remove_member", spam)
    );
    assert_eq!(
        t.network.counts(g(), member(2)).await.unwrap().connections,
        0
    );
    t.assert_sound().await;
}

on_both_stores!(
    erasing_removes_everything_of_the_member_and_keeps_what_others_hold,
    a_suspension_survives_erasing_ones_own_data,
    a_ban_survives_erasing_the_members_data,
    a_moderators_removal_is_audited,
);
