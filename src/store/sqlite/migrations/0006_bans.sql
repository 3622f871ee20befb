-- handshake schema, version 6: members banned from the server.
--
-- While set, the member is out of others' lists, profiles' mutuals and suggestions, and has no
-- pending invitations; their connections are kept, so an unban brings them back.
ALTER TABLE members ADD COLUMN banned_ms INTEGER;
