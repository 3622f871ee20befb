-- handshake schema, version 13: languages.
--
-- The Discord client language each member last used in a server, and the server's own: a DM
-- (an invitation, an acceptance) is written in the recipient's language, else the server's.
ALTER TABLE members ADD COLUMN locale TEXT CHECK (locale IS NULL OR length(locale) BETWEEN 2 AND 16);

CREATE TABLE guild_locales (
    guild_id  INTEGER PRIMARY KEY CHECK (guild_id > 0),
    locale    TEXT    NOT NULL CHECK (length(locale) BETWEEN 2 AND 16)
);
