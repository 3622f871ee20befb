-- handshake schema, version 5: languages.
--
-- The Discord client language each member last used in a server, and the server's own: a DM
-- (an invitation, an acceptance) is written in the recipient's language, else the server's.
ALTER TABLE members ADD COLUMN locale text
    CHECK (locale IS NULL OR char_length(locale) BETWEEN 2 AND 16);

CREATE TABLE guild_locales (
    guild_id  bigint PRIMARY KEY CHECK (guild_id > 0),
    locale    text   NOT NULL CHECK (char_length(locale) BETWEEN 2 AND 16)
);
