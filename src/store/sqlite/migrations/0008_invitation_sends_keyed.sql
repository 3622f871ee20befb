-- handshake schema, version 8: the weekly invitation count in one B-tree.
--
-- invitation_sends was a rowid table plus an index on (guild, sender, time): two B-trees, so
-- two pages written per invitation. Keyed by (guild, sender, time) itself it is one. Two sends
-- in the same millisecond stay two rows thanks to a random tiebreak.
CREATE TABLE invitation_sends_keyed (
    guild_id   INTEGER NOT NULL,
    sender_id  INTEGER NOT NULL,
    sent_ms    INTEGER NOT NULL,
    tiebreak   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, sender_id, sent_ms, tiebreak),
    FOREIGN KEY (guild_id, sender_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO invitation_sends_keyed (guild_id, sender_id, sent_ms, tiebreak)
    SELECT guild_id, sender_id, sent_ms, rowid FROM invitation_sends;

DROP TABLE invitation_sends;
ALTER TABLE invitation_sends_keyed RENAME TO invitation_sends;
