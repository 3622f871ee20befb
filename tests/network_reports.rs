//! "I don't know this person": the invitation is ignored, the sender is blocked (neutrally) and
//! reported; enough reports in 30 days suspend the sender until a moderator restores them.

mod support;

use handshake::network::{
    InvitationSide, InviteOutcome, InvitePolicy, LimitsUpdate, NetworkError, PageRequest,
};
use support::network::{DAY, TestNetwork, g, member};

async fn threshold(t: &TestNetwork, reports: u32) {
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                reports_to_suspend: Some(reports),
                ..Default::default()
            },
        )
        .await
        .unwrap();
}

async fn reporting_ignores_and_blocks_neutrally(t: &TestNetwork) {
    let (stranger, me, closed) = (member(1), member(2), member(3));
    t.network
        .invite(g(), stranger, me, Some("hi!!"))
        .await
        .unwrap();

    t.network.report(g(), me, stranger).await.unwrap();

    let inbox = t
        .network
        .invitations(g(), me, InvitationSide::Received, PageRequest::first(10))
        .await
        .unwrap();
    assert!(inbox.items.is_empty(), "it left my inbox");
    let sent = t
        .network
        .invitations(g(), stranger, InvitationSide::Sent, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(
        sent.items.len(),
        1,
        "for the sender it is simply pending: they are not told"
    );
    t.network.withdraw(g(), stranger, me).await.unwrap();
    t.advance(30 * DAY);
    let blocked = t.network.invite(g(), stranger, me, None).await.unwrap_err();
    t.set_policy(g(), closed, InvitePolicy::Nobody).await;
    let refused = t
        .network
        .invite(g(), stranger, closed, None)
        .await
        .unwrap_err();
    assert!(matches!(blocked, NetworkError::NotInvitable), "{blocked:?}");
    assert_eq!(
        format!("{blocked:?}"),
        format!("{refused:?}"),
        "indistinguishable from any refusal"
    );
    // I can still invite them, should I change my mind.
    assert!(matches!(
        t.network.invite(g(), me, stranger, None).await.unwrap(),
        InviteOutcome::Sent { .. }
    ));

    let again = t.network.report(g(), me, member(9)).await.unwrap_err();
    assert!(
        matches!(again, NetworkError::NoInvitationReceived),
        "{again:?}"
    );
    t.assert_sound().await;
}

async fn reports_reaching_the_threshold_suspend_until_a_moderator_restores(t: &TestNetwork) {
    threshold(t, 3).await;
    let spammer = member(1);
    for target in 10..16 {
        t.network
            .invite(g(), spammer, member(target), None)
            .await
            .unwrap();
    }
    for reporter in 10..12 {
        t.network
            .report(g(), member(reporter), spammer)
            .await
            .unwrap();
    }
    let queue = t.network.report_queue(g()).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(
        (
            queue[0].member,
            queue[0].recent_reports,
            queue[0].suspended_since
        ),
        (spammer, 2, None)
    );
    t.network
        .invite(g(), spammer, member(20), None)
        .await
        .expect("two reports: still allowed");

    t.network.report(g(), member(12), spammer).await.unwrap();
    let err = t
        .network
        .invite(g(), spammer, member(21), None)
        .await
        .unwrap_err();
    assert!(matches!(err, NetworkError::SendingSuspended), "{err:?}");
    assert_eq!(err.to_string(), "You can't send invitations right now.");
    let queue = t.network.report_queue(g()).await.unwrap();
    assert_eq!(queue[0].recent_reports, 3);
    assert!(queue[0].suspended_since.is_some());

    // Accepting is still possible: someone who invited the spammer may be a real contact.
    t.network
        .invite(g(), member(30), spammer, None)
        .await
        .unwrap();
    let back = t
        .network
        .invite(g(), spammer, member(30), None)
        .await
        .unwrap();
    assert!(matches!(back, InviteOutcome::Connected(_)), "{back:?}");

    t.network.restore(g(), member(99), spammer).await.unwrap();
    t.network
        .invite(g(), spammer, member(21), None)
        .await
        .expect("restored");
    assert!(
        t.network.report_queue(g()).await.unwrap().is_empty(),
        "old reports stop counting"
    );
    t.network.report(g(), member(13), spammer).await.unwrap();
    t.network
        .invite(g(), spammer, member(22), None)
        .await
        .expect("one new report is not three");
    t.assert_sound().await;
}

async fn reports_older_than_30_days_do_not_count(t: &TestNetwork) {
    threshold(t, 2).await;
    let sender = member(1);
    for target in [10, 11] {
        t.network
            .invite(g(), sender, member(target), None)
            .await
            .unwrap();
    }
    t.network.report(g(), member(10), sender).await.unwrap();
    t.advance(31 * DAY);
    t.network.report(g(), member(11), sender).await.unwrap();
    t.network
        .invite(g(), sender, member(12), None)
        .await
        .expect("only one report in the last 30 days");
    assert_eq!(
        t.network.report_queue(g()).await.unwrap()[0].recent_reports,
        1
    );
}

on_both_stores!(
    reporting_ignores_and_blocks_neutrally,
    reports_reaching_the_threshold_suspend_until_a_moderator_restores,
    reports_older_than_30_days_do_not_count,
);
