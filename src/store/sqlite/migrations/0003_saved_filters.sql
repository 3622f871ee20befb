-- handshake schema, version 3.
--
-- A member's /connections search and tag filter, saved so that the list's Previous/Next
-- buttons (whose custom_id holds at most 100 characters) can refer to it by number. Rows are
-- short-lived: the store forgets a member's filters after a day.
CREATE TABLE saved_filters (
    filter_id      INTEGER PRIMARY KEY,
    guild_id       INTEGER NOT NULL,
    owner_id       INTEGER NOT NULL,
    name_contains  TEXT CHECK (name_contains IS NULL OR length(name_contains) BETWEEN 1 AND 100),
    tag            TEXT CHECK (tag IS NULL OR length(tag) BETWEEN 1 AND 32),
    saved_ms       INTEGER NOT NULL,
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

CREATE INDEX saved_filters_by_owner ON saved_filters (guild_id, owner_id, saved_ms);
