//! Changes to what memory mirrors, as values: recorded by each write (`tx::Writing`), applied
//! to this process's memory after the commit, and — on a store several processes share —
//! logged in the same transaction, numbered in commit order, so that every other process
//! applies the same changes in the same order (see `follow`).
//!
//! The serialized form is what other processes, possibly of another version during a rolling
//! upgrade, read from the log: variants and fields are named explicitly, and a change a binary
//! cannot read makes it reload that server rather than guess.

use serde::{Deserialize, Serialize};

use super::{
    GuildId, GuildLimits, MemberId, MemberNames, Profile, ProfileVisibility, Tag, Timestamp,
};

/// A committed change to what memory keeps for a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum Change {
    /// Connected as of the timestamp (a restored connection keeps its first date).
    Connected(MemberId, MemberId, Timestamp),
    Disconnected(MemberId, MemberId),
    /// Out of the graph (their connections stay in the database).
    Banned(MemberId),
    /// Their connections (`peers`, as stored, with their dates) come back, except those with
    /// members still banned.
    Unbanned {
        member: MemberId,
        peers: Vec<(MemberId, Timestamp)>,
    },
    /// Their data is gone: connections, names, profile, and tags they put or were given.
    Erased(MemberId),
    Tagged {
        owner: MemberId,
        peer: MemberId,
        tag: Tag,
    },
    Untagged {
        owner: MemberId,
        peer: MemberId,
        tag: Tag,
    },
    Named(MemberId, MemberNames),
    Limits(GuildLimits),
    /// The member's profile as saved; `None`: cleared.
    Profile {
        member: MemberId,
        profile: Option<Profile>,
    },
    ProfileVisibility {
        member: MemberId,
        visibility: ProfileVisibility,
    },
}

/// One write's changes as the log holds them: its number in the server's sequence (1, 2, …, in
/// commit order) and the changes, in the order the write made them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedWrite {
    pub seq: u64,
    pub changes: Vec<Change>,
}

/// What a shared store tells each process about commits, in the order it learned of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedEvent {
    /// The server's log now reaches `seq`.
    Committed { guild: GuildId, seq: u64 },
    /// The feed was cut: commits may be missed until [`FeedEvent::Resumed`].
    Lost,
    /// The feed is back; what was committed meanwhile must be read from the log.
    Resumed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    #[test]
    fn every_change_reads_back_as_written() {
        let changes = vec![
            Change::Connected(m(1), m(2), crate::network::Timestamp::from_unix_millis(9)),
            Change::Disconnected(m(1), m(2)),
            Change::Banned(m(3)),
            Change::Unbanned {
                member: m(3),
                peers: vec![
                    (m(1), crate::network::Timestamp::from_unix_millis(1)),
                    (m(4), crate::network::Timestamp::from_unix_millis(2)),
                ],
            },
            Change::Erased(m(5)),
            Change::Named(
                m(6),
                MemberNames {
                    display_name: "Zoë \"z\" 🦀".into(),
                    username: "zoe".into(),
                },
            ),
            Change::Limits(GuildLimits {
                invites_per_week: 3,
                connection_cap: 9,
                reports_to_suspend: 2,
                allow_invite_links: true,
            }),
            Change::Profile {
                member: m(7),
                profile: Some(crate::network::Profile {
                    headline: Some("Builds *things*".into()),
                    about: None,
                    skills: vec![crate::network::Skill::from_stored("Rust".into())],
                    links: vec![],
                    open_to: vec![crate::network::OpenTo::BeingMentored],
                    updated_at: crate::network::Timestamp::from_unix_millis(5),
                }),
            },
            Change::Profile {
                member: m(7),
                profile: None,
            },
            Change::ProfileVisibility {
                member: m(7),
                visibility: ProfileVisibility::Connections,
            },
            Change::Tagged {
                owner: m(1),
                peer: m(2),
                tag: crate::network::Tag::parse("Met at RustConf").unwrap(),
            },
            Change::Untagged {
                owner: m(1),
                peer: m(2),
                tag: crate::network::Tag::parse("x").unwrap(),
            },
        ];
        let text = serde_json::to_string(&changes).unwrap();
        let back: Vec<Change> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, changes);
    }

    #[test]
    fn the_logged_form_is_stable_and_refuses_what_it_does_not_know() {
        // Other processes (maybe another version) read this form: it must not change silently.
        let since = crate::network::Timestamp::from_unix_millis(5);
        let text = serde_json::to_string(&Change::Connected(m(1), m(2), since)).unwrap();
        assert_eq!(text, r#"{"kind":"connected","of":[1,2,5]}"#);
        // A connection logged before dates were kept in memory is not guessed at: the server
        // is read afresh instead.
        assert!(serde_json::from_str::<Change>(r#"{"kind":"connected","of":[1,2]}"#).is_err());
        assert!(serde_json::from_str::<Change>(r#"{"kind":"promoted","of":1}"#).is_err());
        // Limits logged before profiles existed read with invite links off.
        let old = r#"{"kind":"limits","of":{"invites_per_week":1,"connection_cap":2,"reports_to_suspend":3}}"#;
        assert_eq!(
            serde_json::from_str::<Change>(old).unwrap(),
            Change::Limits(GuildLimits {
                invites_per_week: 1,
                connection_cap: 2,
                reports_to_suspend: 3,
                allow_invite_links: false,
            })
        );
        assert!(
            serde_json::from_str::<Change>(r#"{"kind":"banned","of":0}"#).is_err(),
            "ids are checked on the way in"
        );
    }
}
