-- handshake schema, version 4: "I don't know this person", reports and suspensions.

-- blocker_id said they don't know blocked_id: blocked_id's invitations to them are refused
-- (with the same neutral refusal as every other reason).
CREATE TABLE blocks (
    guild_id    INTEGER NOT NULL,
    blocker_id  INTEGER NOT NULL,
    blocked_id  INTEGER NOT NULL CHECK (blocked_id > 0),
    blocked_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id),
    FOREIGN KEY (guild_id, blocker_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- One row per "I don't know this person" against a sender of invitations.
CREATE TABLE reports (
    guild_id     INTEGER NOT NULL,
    reporter_id  INTEGER NOT NULL,
    reported_id  INTEGER NOT NULL,
    reported_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, reported_id, reporter_id),
    CHECK (reporter_id <> reported_id),
    FOREIGN KEY (guild_id, reported_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Suspended from sending invitations (set when reports reach the server's threshold, cleared by
-- a moderator). Reports from before the last restore no longer count.
ALTER TABLE members ADD COLUMN suspended_ms INTEGER;
ALTER TABLE members ADD COLUMN reports_cleared_ms INTEGER;

ALTER TABLE guild_limits ADD COLUMN reports_to_suspend INTEGER NOT NULL DEFAULT 5
    CHECK (reports_to_suspend > 0);
