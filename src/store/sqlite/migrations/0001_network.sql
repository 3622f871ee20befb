-- handshake schema, version 1: a per-server professional network.
--
-- Append-only: never edit a migration that has shipped; add the next file instead.
-- Every id is a Discord snowflake (a positive 63-bit integer); every time is Unix milliseconds.
-- Every table is keyed by guild_id first: networks are per server, and nothing crosses servers.

-- A member of a server's network, with their own settings and the names last seen for them.
-- Every other table references this one, so erasing a member (ON DELETE CASCADE) erases their
-- network data in one statement.
CREATE TABLE members (
    guild_id          INTEGER NOT NULL CHECK (guild_id > 0),
    user_id           INTEGER NOT NULL CHECK (user_id > 0),
    first_seen_ms     INTEGER NOT NULL,
    -- The member directory: NULL until the bot has seen the member's names.
    display_name      TEXT,
    username          TEXT,
    -- Lower-cased (in Rust, Unicode-aware) display name and username, for name search.
    search_key        TEXT,
    names_seen_ms     INTEGER,
    -- Settings.
    invite_policy     TEXT    NOT NULL DEFAULT 'everyone'
                      CHECK (invite_policy IN ('everyone', 'mutuals', 'nobody')),
    auto_accept       INTEGER NOT NULL DEFAULT 0 CHECK (auto_accept IN (0, 1)),
    dm_notifications  INTEGER NOT NULL DEFAULT 1 CHECK (dm_notifications IN (0, 1)),
    -- Kept equal to the member's rows in `connections` by the triggers below, so the cap
    -- check and the profile counts read one row instead of counting thousands.
    connection_count  INTEGER NOT NULL DEFAULT 0 CHECK (connection_count >= 0),
    PRIMARY KEY (guild_id, user_id),
    CHECK ((display_name IS NULL) = (names_seen_ms IS NULL))
) WITHOUT ROWID;

-- A server's limits; a server without a row has the defaults (see GuildLimits::default).
CREATE TABLE guild_limits (
    guild_id          INTEGER PRIMARY KEY CHECK (guild_id > 0),
    invites_per_week  INTEGER NOT NULL CHECK (invites_per_week > 0),
    connection_cap    INTEGER NOT NULL CHECK (connection_cap > 0)
);

-- Connections are stored in both directions: one row for each member's side.
-- Why both directions rather than one canonical (low, high) row: the hottest read is "my
-- connections, newest first, a page at a time", and with a row per side that is one range scan
-- of `connections_newest_first` for any member. A canonical pair would need a UNION of two
-- scans merged by date. The cost is twice the rows; symmetry, which the code relies on, is then
-- enforced by the schema: every row must have its mirror, with the same date, by the end of its
-- transaction (the deferred self-referencing foreign key below).
CREATE TABLE connections (
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    peer_id   INTEGER NOT NULL,
    since_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, peer_id),
    CHECK (user_id <> peer_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id, user_id, since_ms)
        REFERENCES connections (guild_id, user_id, peer_id, since_ms)
        DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;

-- Serves "newest first" directly, and is the unique parent key of the mirror foreign key.
CREATE UNIQUE INDEX connections_newest_first
    ON connections (guild_id, user_id, since_ms DESC, peer_id);

CREATE TRIGGER connections_count_up AFTER INSERT ON connections
BEGIN
    UPDATE members SET connection_count = connection_count + 1
     WHERE guild_id = NEW.guild_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER connections_count_down AFTER DELETE ON connections
BEGIN
    UPDATE members SET connection_count = connection_count - 1
     WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id;
END;

-- A pending invitation. `ignored_ms` is set when the invitee ignored it: it leaves their inbox,
-- but the inviter still sees it as pending and cannot send another while it stands.
CREATE TABLE invitations (
    guild_id    INTEGER NOT NULL,
    inviter_id  INTEGER NOT NULL,
    invitee_id  INTEGER NOT NULL,
    note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 300),
    sent_ms     INTEGER NOT NULL,
    ignored_ms  INTEGER,
    PRIMARY KEY (guild_id, inviter_id, invitee_id),
    CHECK (inviter_id <> invitee_id),
    FOREIGN KEY (guild_id, inviter_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, invitee_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX invitations_received ON invitations (guild_id, invitee_id, sent_ms DESC);
CREATE INDEX invitations_sent ON invitations (guild_id, inviter_id, sent_ms DESC);

-- Two members are either connected or have invitations between them, never both.
CREATE TRIGGER invitations_only_between_strangers BEFORE INSERT ON invitations
WHEN EXISTS (SELECT 1 FROM connections
              WHERE guild_id = NEW.guild_id AND user_id = NEW.inviter_id
                AND peer_id = NEW.invitee_id)
BEGIN
    SELECT RAISE(ABORT, 'invitation between connected members');
END;

CREATE TRIGGER connections_only_without_invitations BEFORE INSERT ON connections
WHEN EXISTS (SELECT 1 FROM invitations
              WHERE guild_id = NEW.guild_id
                AND ((inviter_id = NEW.user_id AND invitee_id = NEW.peer_id)
                  OR (inviter_id = NEW.peer_id AND invitee_id = NEW.user_id)))
BEGIN
    SELECT RAISE(ABORT, 'connection while an invitation is pending');
END;

-- remover_id disconnected from removed_id. While this row exists, removed_id's invitations to
-- remover_id are refused (neutrally). It keeps the connection's original date so that, if the
-- remover re-invites and is accepted, the connection comes back as if never removed.
-- Only the remover is a foreign key: the record is the remover's, and stays if the removed
-- member's own data is erased.
CREATE TABLE removals (
    guild_id            INTEGER NOT NULL,
    remover_id          INTEGER NOT NULL,
    removed_id          INTEGER NOT NULL CHECK (removed_id > 0),
    connected_since_ms  INTEGER NOT NULL,
    removed_ms          INTEGER NOT NULL,
    PRIMARY KEY (guild_id, remover_id, removed_id),
    CHECK (remover_id <> removed_id),
    FOREIGN KEY (guild_id, remover_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- A member's private tags on another member. Keyed by the pair, not by the connection, so that
-- they survive a disconnect and return with a restored connection.
CREATE TABLE tags (
    guild_id    INTEGER NOT NULL,
    owner_id    INTEGER NOT NULL,
    peer_id     INTEGER NOT NULL,
    tag         TEXT    NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 32),
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, owner_id, peer_id, tag),
    CHECK (owner_id <> peer_id),
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- One row per invitation sent, for the rolling 7-day limit. Rows older than the window are
-- pruned as the sender sends more.
CREATE TABLE invitation_sends (
    guild_id   INTEGER NOT NULL,
    sender_id  INTEGER NOT NULL,
    sent_ms    INTEGER NOT NULL,
    FOREIGN KEY (guild_id, sender_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE INDEX invitation_sends_by_sender ON invitation_sends (guild_id, sender_id, sent_ms);

-- The last time an inviter withdrew an invitation to an invitee: they may not invite that
-- person again for 21 days.
CREATE TABLE withdrawals (
    guild_id      INTEGER NOT NULL,
    inviter_id    INTEGER NOT NULL,
    invitee_id    INTEGER NOT NULL,
    withdrawn_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, inviter_id, invitee_id),
    CHECK (inviter_id <> invitee_id),
    FOREIGN KEY (guild_id, inviter_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, invitee_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
