-- handshake schema, version 5: what moderators did.
--
-- Who, when, what, to whom. Never anything between two members (no disconnects, no reports'
-- authors). Not tied to members by a foreign key: the record outlives the member's data.
CREATE TABLE audit_log (
    entry_id      INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    moderator_id  INTEGER NOT NULL,
    action        TEXT    NOT NULL CHECK (action IN ('remove_member', 'restore')),
    subject_id    INTEGER NOT NULL,
    at_ms         INTEGER NOT NULL
);

CREATE INDEX audit_log_by_guild ON audit_log (guild_id, at_ms);
