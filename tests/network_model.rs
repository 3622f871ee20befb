//! Property test: random sequences of operations by a few members, run against the real network
//! on a real SQLite file and against a small in-memory model of the same rules, written
//! independently here. After every step the two must agree on the result of the operation and
//! on the whole visible state, and the database must keep its invariants (symmetric
//! connections, none with yourself, never connected and pending, nobody over the cap).

mod support;

use std::collections::{BTreeMap, BTreeSet};

use handshake::network::{
    ConnectedVia, ConnectionFilter, ConnectionWindow, InvitationSide, InviteOutcome, InvitePolicy,
    LimitsUpdate, NetworkError, PageRequest, SettingsUpdate,
};
use proptest::prelude::*;
use support::network::{TestNetwork, g, member};

const MEMBERS: u8 = 4;
const CAP: usize = 2;
const WEEKLY: usize = 2;
const HOUR_MS: i64 = 60 * 60 * 1000;
const WEEK_MS: i64 = 7 * 24 * HOUR_MS;
const WITHDRAW_WAIT_MS: i64 = 21 * 24 * HOUR_MS;
const TAGS: [&str; 3] = ["rust", "met at meetup", "mentor"];

#[derive(Debug, Clone)]
enum Op {
    Invite(u8, u8),
    Accept { invitee: u8, inviter: u8 },
    Ignore { invitee: u8, inviter: u8 },
    Withdraw { inviter: u8, invitee: u8 },
    Disconnect { remover: u8, removed: u8 },
    SetPolicy(u8, InvitePolicy),
    SetAutoAccept(u8, bool),
    Tag { owner: u8, peer: u8, tag: usize },
    Advance { hours: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    let m = || 1..=MEMBERS;
    prop_oneof![
        6 => (m(), m()).prop_map(|(a, b)| Op::Invite(a, b)),
        4 => (m(), m()).prop_map(|(a, b)| Op::Accept { invitee: a, inviter: b }),
        1 => (m(), m()).prop_map(|(a, b)| Op::Ignore { invitee: a, inviter: b }),
        1 => (m(), m()).prop_map(|(a, b)| Op::Withdraw { inviter: a, invitee: b }),
        3 => (m(), m()).prop_map(|(a, b)| Op::Disconnect { remover: a, removed: b }),
        1 => (m(), prop::sample::select(InvitePolicy::ALL.to_vec())).prop_map(|(a, p)| Op::SetPolicy(a, p)),
        1 => (m(), any::<bool>()).prop_map(|(a, on)| Op::SetAutoAccept(a, on)),
        1 => (m(), m(), 0..TAGS.len()).prop_map(|(o, p, tag)| Op::Tag { owner: o, peer: p, tag }),
        2 => prop_oneof![1..=48i64, 24 * 6..=24 * 22i64].prop_map(|hours| Op::Advance { hours }),
    ]
}

/// What an operation came to, in terms both sides can produce.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Done,
    Sent,
    Connected {
        since: i64,
        restored: bool,
        via: ConnectedVia,
    },
    Refused(&'static str),
}

fn refusal(err: &NetworkError) -> Outcome {
    Outcome::Refused(match err {
        NetworkError::SelfTarget => "self",
        NetworkError::AlreadyConnected => "already connected",
        NetworkError::InvitationAlreadyPending => "already pending",
        NetworkError::NotInvitable => "not invitable",
        NetworkError::WeeklyInviteLimit { .. } => "weekly limit",
        NetworkError::WithdrawCooldown { .. } => "withdraw cooldown",
        NetworkError::NoInvitationReceived => "no invitation received",
        NetworkError::NoInvitationSent => "no invitation sent",
        NetworkError::NotConnected => "not connected",
        NetworkError::ConnectionCapReached { .. } => "own cap",
        NetworkError::InvitationUnavailable => "inviter cap",
        other => panic!("unexpected error in the model test: {other:?}"),
    })
}

#[derive(Debug, Clone, Copy)]
struct Invitation {
    ignored: bool,
}

/// The rules, as plainly as they can be written.
#[derive(Debug, Default)]
struct Model {
    now: i64,
    /// (low, high) → since.
    connections: BTreeMap<(u8, u8), i64>,
    invitations: BTreeMap<(u8, u8), Invitation>,
    /// (remover, removed) → original since.
    removals: BTreeMap<(u8, u8), i64>,
    withdrawals: BTreeMap<(u8, u8), i64>,
    sends: BTreeMap<u8, Vec<i64>>,
    policy: BTreeMap<u8, InvitePolicy>,
    auto_accept: BTreeSet<u8>,
    tags: BTreeSet<(u8, u8, usize)>,
}

fn pair(a: u8, b: u8) -> (u8, u8) {
    (a.min(b), a.max(b))
}

impl Model {
    fn connected(&self, a: u8, b: u8) -> bool {
        self.connections.contains_key(&pair(a, b))
    }

    fn count(&self, m: u8) -> usize {
        self.connections
            .keys()
            .filter(|(a, b)| *a == m || *b == m)
            .count()
    }

    fn peers(&self, m: u8) -> BTreeSet<u8> {
        self.connections
            .keys()
            .filter_map(|&(a, b)| {
                if a == m {
                    Some(b)
                } else if b == m {
                    Some(a)
                } else {
                    None
                }
            })
            .collect()
    }

    fn connect(&mut self, a: u8, b: u8) -> (i64, bool) {
        let original = self
            .removals
            .get(&(a, b))
            .or(self.removals.get(&(b, a)))
            .copied();
        for key in [(a, b), (b, a)] {
            self.invitations.remove(&key);
            self.removals.remove(&key);
        }
        let since = original.unwrap_or(self.now);
        self.connections.insert(pair(a, b), since);
        (since, original.is_some())
    }

    fn apply(&mut self, op: &Op) -> Outcome {
        match *op {
            Op::Invite(from, to) => self.invite(from, to),
            Op::Accept { invitee, inviter } => {
                if invitee == inviter {
                    return Outcome::Refused("self");
                }
                if !self.invitations.contains_key(&(inviter, invitee)) {
                    return Outcome::Refused(if self.connected(invitee, inviter) {
                        "already connected"
                    } else {
                        "no invitation received"
                    });
                }
                if self.count(invitee) >= CAP {
                    return Outcome::Refused("own cap");
                }
                if self.count(inviter) >= CAP {
                    return Outcome::Refused("inviter cap");
                }
                let (since, restored) = self.connect(invitee, inviter);
                Outcome::Connected {
                    since,
                    restored,
                    via: ConnectedVia::Accepted,
                }
            }
            Op::Ignore { invitee, inviter } => {
                if invitee == inviter {
                    return Outcome::Refused("self");
                }
                match self.invitations.get_mut(&(inviter, invitee)) {
                    Some(invitation) => {
                        invitation.ignored = true;
                        Outcome::Done
                    }
                    None => Outcome::Refused("no invitation received"),
                }
            }
            Op::Withdraw { inviter, invitee } => {
                if invitee == inviter {
                    return Outcome::Refused("self");
                }
                if self.invitations.remove(&(inviter, invitee)).is_none() {
                    return Outcome::Refused("no invitation sent");
                }
                self.withdrawals.insert((inviter, invitee), self.now);
                Outcome::Done
            }
            Op::Disconnect { remover, removed } => {
                if remover == removed {
                    return Outcome::Refused("self");
                }
                let Some(since) = self.connections.remove(&pair(remover, removed)) else {
                    return Outcome::Refused("not connected");
                };
                self.invitations.remove(&(remover, removed));
                self.invitations.remove(&(removed, remover));
                self.removals.insert((remover, removed), since);
                Outcome::Done
            }
            Op::SetPolicy(m, policy) => {
                self.policy.insert(m, policy);
                Outcome::Done
            }
            Op::SetAutoAccept(m, on) => {
                if on {
                    self.auto_accept.insert(m);
                } else {
                    self.auto_accept.remove(&m);
                }
                Outcome::Done
            }
            Op::Tag { owner, peer, tag } => {
                if owner == peer {
                    return Outcome::Refused("self");
                }
                if !self.connected(owner, peer) {
                    return Outcome::Refused("not connected");
                }
                self.tags.insert((owner, peer, tag));
                Outcome::Done
            }
            Op::Advance { hours } => {
                self.now += hours * HOUR_MS;
                Outcome::Done
            }
        }
    }

    fn invite(&mut self, from: u8, to: u8) -> Outcome {
        if from == to {
            return Outcome::Refused("self");
        }
        if self.connected(from, to) {
            return Outcome::Refused("already connected");
        }
        if self.invitations.contains_key(&(from, to)) {
            return Outcome::Refused("already pending");
        }
        let full = |m: &Self, who: u8| m.count(who) >= CAP;
        if self.invitations.contains_key(&(to, from)) {
            if full(self, from) || full(self, to) {
                return Outcome::Refused("not invitable");
            }
            let (since, restored) = self.connect(from, to);
            return Outcome::Connected {
                since,
                restored,
                via: ConnectedVia::MutualInvitation,
            };
        }
        let shares = !self.peers(from).is_disjoint(&self.peers(to));
        let refused = self.removals.contains_key(&(to, from))
            || match self.policy.get(&to).copied().unwrap_or_default() {
                InvitePolicy::Everyone => false,
                InvitePolicy::Mutuals => !shares,
                InvitePolicy::Nobody => true,
            }
            || full(self, from)
            || full(self, to);
        if refused {
            return Outcome::Refused("not invitable");
        }
        if let Some(&at) = self.withdrawals.get(&(from, to))
            && self.now < at + WITHDRAW_WAIT_MS
        {
            return Outcome::Refused("withdraw cooldown");
        }
        let now = self.now;
        let sends = self.sends.entry(from).or_default();
        if sends.iter().filter(|&&t| t > now - WEEK_MS).count() >= WEEKLY {
            return Outcome::Refused("weekly limit");
        }
        sends.push(now);
        if self.auto_accept.contains(&to) {
            let (since, restored) = self.connect(from, to);
            return Outcome::Connected {
                since,
                restored,
                via: ConnectedVia::AutoAccepted,
            };
        }
        self.invitations
            .insert((from, to), Invitation { ignored: false });
        Outcome::Sent
    }
}

async fn run_on_network(t: &TestNetwork, op: &Op) -> Outcome {
    let n = &t.network;
    let m = |id: u8| member(u64::from(id));
    let connected = |c: handshake::network::Connection| Outcome::Connected {
        since: c.since.unix_millis() - support::network::START.unix_millis(),
        restored: c.restored,
        via: c.via,
    };
    let done = |r: Result<(), NetworkError>| r.map_or_else(|e| refusal(&e), |()| Outcome::Done);
    match *op {
        Op::Invite(from, to) => match n.invite(g(), m(from), m(to), Some("hello")).await {
            Ok(InviteOutcome::Sent { .. }) => Outcome::Sent,
            Ok(InviteOutcome::Connected(c)) => connected(c),
            Err(e) => refusal(&e),
        },
        Op::Accept { invitee, inviter } => n
            .accept(g(), m(invitee), m(inviter))
            .await
            .map_or_else(|e| refusal(&e), connected),
        Op::Ignore { invitee, inviter } => done(n.ignore(g(), m(invitee), m(inviter)).await),
        Op::Withdraw { inviter, invitee } => {
            done(n.withdraw(g(), m(inviter), m(invitee)).await.map(drop))
        }
        Op::Disconnect { remover, removed } => {
            done(n.disconnect(g(), m(remover), m(removed)).await.map(drop))
        }
        Op::SetPolicy(who, policy) => done(
            n.update_settings(
                g(),
                m(who),
                SettingsUpdate {
                    invite_policy: Some(policy),
                    ..Default::default()
                },
            )
            .await
            .map(drop),
        ),
        Op::SetAutoAccept(who, on) => done(
            n.update_settings(
                g(),
                m(who),
                SettingsUpdate {
                    auto_accept: Some(on),
                    ..Default::default()
                },
            )
            .await
            .map(drop),
        ),
        Op::Tag { owner, peer, tag } => done(n.add_tag(g(), m(owner), m(peer), TAGS[tag]).await),
        Op::Advance { hours } => {
            t.advance(std::time::Duration::from_millis((hours * HOUR_MS) as u64));
            Outcome::Done
        }
    }
}

/// Everything the members can see, read through the public API, compared with the model.
async fn assert_same_state(t: &TestNetwork, model: &Model) -> Result<(), TestCaseError> {
    let all = PageRequest::first(100);
    for who in 1..=MEMBERS {
        let me = member(u64::from(who));
        let list = t
            .network
            .connections(
                g(),
                me,
                ConnectionFilter::default(),
                ConnectionWindow::first(100),
            )
            .await
            .unwrap();
        let actual: BTreeMap<u8, i64> = list
            .items
            .iter()
            .map(|c| {
                (
                    c.peer.get() as u8,
                    c.since.unix_millis() - support::network::START.unix_millis(),
                )
            })
            .collect();
        let expected: BTreeMap<u8, i64> = model
            .peers(who)
            .into_iter()
            .map(|p| (p, model.connections[&pair(who, p)]))
            .collect();
        prop_assert_eq!(&actual, &expected, "connections of {}", who);
        prop_assert!(actual.len() <= CAP, "member {} over the cap", who);

        for entry in &list.items {
            let peer = entry.peer.get() as u8;
            let tags: BTreeSet<&str> = entry.tags.iter().map(|t| t.as_str()).collect();
            let expected: BTreeSet<&str> = model
                .tags
                .iter()
                .filter(|(o, p, _)| *o == who && *p == peer)
                .map(|(_, _, t)| TAGS[*t])
                .collect();
            prop_assert_eq!(tags, expected, "tags of {} on {}", who, peer);
        }

        let inbox = t
            .network
            .invitations(g(), me, InvitationSide::Received, all)
            .await
            .unwrap();
        let actual: BTreeSet<u8> = inbox.items.iter().map(|i| i.inviter.get() as u8).collect();
        let expected: BTreeSet<u8> = model
            .invitations
            .iter()
            .filter(|((_, to), inv)| *to == who && !inv.ignored)
            .map(|((from, _), _)| *from)
            .collect();
        prop_assert_eq!(actual, expected, "inbox of {}", who);

        let sent = t
            .network
            .invitations(g(), me, InvitationSide::Sent, all)
            .await
            .unwrap();
        let actual: BTreeSet<u8> = sent.items.iter().map(|i| i.invitee.get() as u8).collect();
        let expected: BTreeSet<u8> = model
            .invitations
            .keys()
            .filter(|(from, _)| *from == who)
            .map(|(_, to)| *to)
            .collect();
        prop_assert_eq!(actual, expected, "sent by {}", who);
    }
    let violations = t.network.storage().audit().await.unwrap();
    prop_assert!(violations.is_empty(), "invariants broken: {:?}", violations);
    Ok(())
}

/// Runs `ops` on a fresh network and on the model side by side, comparing after each step;
/// at the end, memory must equal the database.
async fn agrees_with_the_model(t: TestNetwork, ops: &[Op]) -> Result<(), TestCaseError> {
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(WEEKLY as u32),
                connection_cap: Some(CAP as u32),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut model = Model::default();
    for (step, op) in ops.iter().enumerate() {
        let expected = model.apply(op);
        let actual = run_on_network(&t, op).await;
        prop_assert_eq!(&actual, &expected, "step {}: {:?}", step, op);
        assert_same_state(&t, &model).await?;
    }
    let drift = t.network.memory_differences().await.unwrap();
    prop_assert!(drift.is_empty(), "memory drifted: {:?}", drift);
    Ok(())
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_network_agrees_with_the_model_on_sqlite(ops in prop::collection::vec(op(), 1..80)) {
        runtime().block_on(agrees_with_the_model(TestNetwork::sqlite(), &ops))?;
    }
}

proptest! {
    // Each case is a fresh schema and a few hundred round trips: fewer cases, same reach.
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn the_network_agrees_with_the_model_on_postgres(ops in prop::collection::vec(op(), 1..80)) {
        runtime().block_on(async {
            match TestNetwork::postgres().await {
                Some(t) => agrees_with_the_model(t, &ops).await,
                None => Ok(()),
            }
        })?;
    }
}
