-- handshake schema, version 12: saved people searches.
--
-- A member's /people search, saved so that the result pages' Previous/Next buttons (whose
-- custom_id holds at most 100 characters) can refer to it by number, as `saved_filters` does
-- for /connections. Short-lived: the store forgets a member's searches after a day.
CREATE TABLE saved_searches (
    -- AUTOINCREMENT: a number is never given twice, so an expired search's old buttons can
    -- never open a newer one.
    search_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id   INTEGER NOT NULL,
    owner_id   INTEGER NOT NULL,
    skill      TEXT CHECK (skill IS NULL OR length(skill) BETWEEN 1 AND 100),
    words      TEXT CHECK (words IS NULL OR length(words) BETWEEN 1 AND 100),
    open_to    TEXT,
    saved_ms   INTEGER NOT NULL,
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE INDEX saved_searches_by_owner ON saved_searches (guild_id, owner_id, saved_ms);
