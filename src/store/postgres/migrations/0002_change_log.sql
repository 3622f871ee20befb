-- The change log: each write's changes to what the bot keeps in memory (connections, bans,
-- erasures, names, limits), numbered per guild in commit order, so that every process sharing
-- this database applies the same changes in the same order. Writes to a guild are serialized
-- (pg_advisory_xact_lock on the guild), and each takes the next number under that lock.
--
-- Additive: a binary from before this table never reads or writes it.
CREATE TABLE change_log (
    guild_id  bigint NOT NULL CHECK (guild_id > 0),
    seq       bigint NOT NULL CHECK (seq > 0),
    -- JSON of the changes (see src/network/changes.rs); text, as only the bot reads it.
    changes   text   NOT NULL,
    PRIMARY KEY (guild_id, seq)
);

-- Tells listening processes when a write commits (NOTIFY is delivered at commit, and not at
-- all on rollback). The channel is per schema, so schemas sharing a database do not hear each
-- other; the payload is "<guild> <seq>".
CREATE FUNCTION announce_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('handshake_changes_' || TG_TABLE_SCHEMA, NEW.guild_id || ' ' || NEW.seq);
    RETURN NULL;
END
$$;

CREATE TRIGGER change_log_announce
    AFTER INSERT ON change_log
    FOR EACH ROW EXECUTE FUNCTION announce_change();
