-- handshake schema, version 4: saved people searches.
--
-- A member's /people search, saved so that the result pages' Previous/Next buttons (whose
-- custom_id holds at most 100 characters) can refer to it by number, as `saved_filters` does
-- for /connections. Short-lived: the store forgets a member's searches after a day.
CREATE TABLE saved_searches (
    guild_id   bigint NOT NULL,
    search_id  bigint GENERATED ALWAYS AS IDENTITY,
    owner_id   bigint NOT NULL,
    skill      text CHECK (skill IS NULL OR char_length(skill) BETWEEN 1 AND 100),
    words      text CHECK (words IS NULL OR char_length(words) BETWEEN 1 AND 100),
    open_to    text,
    saved_ms   bigint NOT NULL,
    PRIMARY KEY (guild_id, search_id),
    FOREIGN KEY (guild_id, owner_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX saved_searches_by_owner ON saved_searches (guild_id, owner_id, saved_ms);
