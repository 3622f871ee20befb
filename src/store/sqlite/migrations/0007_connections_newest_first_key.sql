-- handshake schema, version 7: one B-tree per connection row.
--
-- Until now each side of a connection lived in two B-trees: the table (keyed by member and
-- peer) and the index that serves "newest first". Every connect or disconnect dirtied four
-- B-tree pages, and two more through the triggers that kept members.connection_count; on the
-- benchmark's 100,000-member server an accept cost ~77 us at the median, nearly all of it
-- writing those pages to the WAL. Now the newest-first order is the table's own key, so a row
-- is one B-tree entry; "are these two connected" is answered by the in-memory graph or by a
-- short scan of one member's rows, and a member's connection count is a count over their key
-- range. The mirror rule (same pair, same date, both sides) is still a deferred foreign key.

-- This trigger names `connections`; it is recreated once the new table has that name.
DROP TRIGGER invitations_only_between_strangers;

CREATE TABLE connections_by_date (
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    peer_id   INTEGER NOT NULL,
    since_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, since_ms DESC, peer_id),
    CHECK (user_id <> peer_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, peer_id, user_id, since_ms)
        REFERENCES connections_by_date (guild_id, user_id, peer_id, since_ms)
        DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;

INSERT INTO connections_by_date (guild_id, user_id, peer_id, since_ms)
    SELECT guild_id, user_id, peer_id, since_ms FROM connections;

-- Dropping the old table drops its index and its triggers (the connection counters too).
DROP TABLE connections;
ALTER TABLE connections_by_date RENAME TO connections;
ALTER TABLE members DROP COLUMN connection_count;

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
