-- handshake schema, version 11: professional profiles.
--
-- One row per member who filled anything in. The database reads a profile whole (one member's,
-- or a server's when memory loads it: people search and the skill index run in memory), so
-- skills and links are JSON arrays in their member's order and spelling, and `open_to` the
-- stored names of what they are open to, comma-separated. The limits are the domain's, checked
-- again here (`length` counts characters, as the domain does).
CREATE TABLE profiles (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    headline    TEXT    CHECK (headline IS NULL OR length(headline) BETWEEN 1 AND 120),
    about       TEXT    CHECK (about IS NULL OR length(about) BETWEEN 1 AND 1000),
    skills      TEXT    NOT NULL DEFAULT '[]'
                CHECK (json_valid(skills) AND json_type(skills) = 'array'
                       AND json_array_length(skills) <= 10),
    links       TEXT    NOT NULL DEFAULT '[]'
                CHECK (json_valid(links) AND json_type(links) = 'array'
                       AND json_array_length(links) <= 3),
    open_to     TEXT    NOT NULL DEFAULT '',
    updated_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Who may see a member's profile card: everyone in the server, or their connections only.
ALTER TABLE members ADD COLUMN profile_visible_to TEXT NOT NULL DEFAULT 'everyone'
    CHECK (profile_visible_to IN ('everyone', 'connections'));

-- Whether members may put Discord invite links on their profiles (off unless moderators allow).
ALTER TABLE guild_limits ADD COLUMN allow_invite_links INTEGER NOT NULL DEFAULT 0
    CHECK (allow_invite_links IN (0, 1));

-- Moderators can now clear a member's profile, an audited action. SQLite cannot change a
-- CHECK in place, so the (small) audit log is copied into a table with the wider one.
CREATE TABLE audit_log_v11 (
    entry_id      INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    moderator_id  INTEGER NOT NULL,
    action        TEXT    NOT NULL
                  CHECK (action IN ('remove_member', 'restore', 'clear_profile')),
    subject_id    INTEGER NOT NULL,
    at_ms         INTEGER NOT NULL
);
INSERT INTO audit_log_v11 (entry_id, guild_id, moderator_id, action, subject_id, at_ms)
    SELECT entry_id, guild_id, moderator_id, action, subject_id, at_ms FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v11 RENAME TO audit_log;
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, at_ms);
