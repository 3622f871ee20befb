//! The invariants every store's audit checks, as queries that list the rows breaking each
//! rule. Plain SQL that SQLite and PostgreSQL both run as written.

/// Each check is a query that lists the rows breaking one rule.
pub(crate) const CHECKS: &[(&str, &str)] = &[
    (
        "connected with yourself",
        "SELECT guild_id, user_id, peer_id FROM connections WHERE user_id = peer_id",
    ),
    (
        "connection without its mirror (same date, other side)",
        "SELECT c.guild_id, c.user_id, c.peer_id FROM connections AS c
          WHERE NOT EXISTS (SELECT 1 FROM connections AS m
                             WHERE m.guild_id = c.guild_id AND m.user_id = c.peer_id
                               AND m.peer_id = c.user_id AND m.since_ms = c.since_ms)",
    ),
    (
        "connected and an invitation pending",
        "SELECT i.guild_id, i.inviter_id, i.invitee_id FROM invitations AS i
           JOIN connections AS c ON c.guild_id = i.guild_id AND c.user_id = i.inviter_id
                                AND c.peer_id = i.invitee_id",
    ),
    (
        "connected and a removal on record",
        "SELECT r.guild_id, r.remover_id, r.removed_id FROM removals AS r
           JOIN connections AS c ON c.guild_id = r.guild_id AND c.user_id = r.remover_id
                                AND c.peer_id = r.removed_id",
    ),
    (
        "the same pair connected twice",
        "SELECT guild_id, user_id, peer_id FROM connections
          GROUP BY guild_id, user_id, peer_id HAVING count(*) > 1",
    ),
];
