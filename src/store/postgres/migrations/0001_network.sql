-- handshake on PostgreSQL: the schema the SQLite migrations 0001-0010 arrive at, in one step.
-- Append-only from here: a shipped migration is never edited, only followed by a new one.
--
-- Every table's primary key starts with guild_id, and no statement the store runs spans two
-- guilds, so the tables can be distributed by guild (Citus: create_distributed_table(t,
-- 'guild_id')). Ids are Discord snowflakes (positive, below 2^63); times are Unix milliseconds.

-- Case-insensitive for ASCII letters only, as SQLite's NOCASE: tags compare this way in both
-- stores, so a tag list is the same whichever store holds it.
CREATE FUNCTION ascii_lower(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

CREATE TABLE members (
    guild_id            bigint  NOT NULL CHECK (guild_id > 0),
    user_id             bigint  NOT NULL CHECK (user_id > 0),
    first_seen_ms       bigint  NOT NULL,
    display_name        text,
    username            text,
    search_key          text,
    names_seen_ms       bigint,
    invite_policy       text    NOT NULL DEFAULT 'everyone'
                        CHECK (invite_policy IN ('everyone', 'mutuals', 'nobody')),
    auto_accept         boolean NOT NULL DEFAULT false,
    dm_notifications    boolean NOT NULL DEFAULT true,
    suspended_ms        bigint,
    reports_cleared_ms  bigint,
    banned_ms           bigint,
    PRIMARY KEY (guild_id, user_id),
    CHECK ((display_name IS NULL) = (names_seen_ms IS NULL))
);

CREATE TABLE guild_limits (
    guild_id            bigint  PRIMARY KEY CHECK (guild_id > 0),
    invites_per_week    integer NOT NULL CHECK (invites_per_week > 0),
    connection_cap      integer NOT NULL CHECK (connection_cap > 0),
    reports_to_suspend  integer NOT NULL DEFAULT 5 CHECK (reports_to_suspend > 0)
);

-- One row per side of each connection: "my connections, newest first" is one range of
-- `connections_newest_first`, and "are these two connected" one primary-key lookup. The
-- deferred self-reference makes a connection without its mirror (same date, other side)
-- impossible to commit.
CREATE TABLE connections (
    guild_id  bigint NOT NULL,
    user_id   bigint NOT NULL,
    peer_id   bigint NOT NULL,
    since_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, user_id, peer_id),
    CHECK (user_id <> peer_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX connections_newest_first
    ON connections (guild_id, user_id, since_ms DESC, peer_id);
ALTER TABLE connections ADD FOREIGN KEY (guild_id, peer_id, user_id, since_ms)
    REFERENCES connections (guild_id, user_id, peer_id, since_ms)
    DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE invitations (
    guild_id    bigint NOT NULL,
    inviter_id  bigint NOT NULL,
    invitee_id  bigint NOT NULL,
    note        text CHECK (note IS NULL OR char_length(note) BETWEEN 1 AND 300),
    sent_ms     bigint NOT NULL,
    ignored_ms  bigint,
    PRIMARY KEY (guild_id, inviter_id, invitee_id),
    CHECK (inviter_id <> invitee_id),
    FOREIGN KEY (guild_id, inviter_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, invitee_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX invitations_received ON invitations (guild_id, invitee_id, sent_ms DESC);

-- Never connected and pending at once, checked from both sides. Each check is primary-key
-- lookups (the connection side only on the low-id row: its mirror is the same pair).
CREATE FUNCTION refuse_connection_while_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM invitations
                WHERE guild_id = NEW.guild_id
                  AND ((inviter_id = NEW.user_id AND invitee_id = NEW.peer_id)
                    OR (inviter_id = NEW.peer_id AND invitee_id = NEW.user_id))) THEN
        RAISE EXCEPTION 'connection while an invitation is pending';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER connections_only_without_invitations BEFORE INSERT ON connections
    FOR EACH ROW WHEN (NEW.user_id < NEW.peer_id)
    EXECUTE FUNCTION refuse_connection_while_pending();

CREATE FUNCTION refuse_invitation_between_connected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM connections
                WHERE guild_id = NEW.guild_id AND user_id = NEW.inviter_id
                  AND peer_id = NEW.invitee_id) THEN
        RAISE EXCEPTION 'invitation between connected members';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invitations_only_between_strangers BEFORE INSERT ON invitations
    FOR EACH ROW EXECUTE FUNCTION refuse_invitation_between_connected();

CREATE TABLE removals (
    guild_id            bigint NOT NULL,
    remover_id          bigint NOT NULL,
    removed_id          bigint NOT NULL CHECK (removed_id > 0),
    connected_since_ms  bigint NOT NULL,
    removed_ms          bigint NOT NULL,
    PRIMARY KEY (guild_id, remover_id, removed_id),
    CHECK (remover_id <> removed_id),
    FOREIGN KEY (guild_id, remover_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE TABLE tags (
    guild_id    bigint NOT NULL,
    owner_id    bigint NOT NULL,
    peer_id     bigint NOT NULL,
    tag         text   NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 32),
    created_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, owner_id, peer_id, tag),
    CHECK (owner_id <> peer_id),
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
-- One spelling per tag and connection, whatever its (ASCII) case.
CREATE UNIQUE INDEX tags_nocase ON tags (guild_id, owner_id, peer_id, ascii_lower(tag));

CREATE TABLE invitation_sends (
    guild_id   bigint NOT NULL,
    sender_id  bigint NOT NULL,
    sent_ms    bigint NOT NULL,
    send_id    bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (guild_id, sender_id, sent_ms, send_id),
    FOREIGN KEY (guild_id, sender_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE TABLE withdrawals (
    guild_id      bigint NOT NULL,
    inviter_id    bigint NOT NULL,
    invitee_id    bigint NOT NULL,
    withdrawn_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, inviter_id, invitee_id),
    CHECK (inviter_id <> invitee_id),
    FOREIGN KEY (guild_id, inviter_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, invitee_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE TABLE saved_filters (
    guild_id       bigint NOT NULL,
    filter_id      bigint GENERATED ALWAYS AS IDENTITY,
    owner_id       bigint NOT NULL,
    name_contains  text CHECK (name_contains IS NULL OR char_length(name_contains) BETWEEN 1 AND 100),
    tag            text CHECK (tag IS NULL OR char_length(tag) BETWEEN 1 AND 32),
    saved_ms       bigint NOT NULL,
    PRIMARY KEY (guild_id, filter_id),
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX saved_filters_by_owner ON saved_filters (guild_id, owner_id, saved_ms);

CREATE TABLE blocks (
    guild_id    bigint NOT NULL,
    blocker_id  bigint NOT NULL,
    blocked_id  bigint NOT NULL CHECK (blocked_id > 0),
    blocked_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id),
    FOREIGN KEY (guild_id, blocker_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE TABLE reports (
    guild_id     bigint NOT NULL,
    reporter_id  bigint NOT NULL,
    reported_id  bigint NOT NULL,
    reported_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, reported_id, reporter_id),
    CHECK (reporter_id <> reported_id),
    FOREIGN KEY (guild_id, reported_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
    guild_id      bigint NOT NULL,
    entry_id      bigint GENERATED ALWAYS AS IDENTITY,
    moderator_id  bigint NOT NULL,
    action        text   NOT NULL CHECK (action IN ('remove_member', 'restore')),
    subject_id    bigint NOT NULL,
    at_ms         bigint NOT NULL,
    PRIMARY KEY (guild_id, entry_id)
);
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, at_ms);
