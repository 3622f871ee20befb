-- handshake schema, version 2.
--
-- The index on invitations (guild_id, inviter_id, sent_ms) cost a page write on every
-- invitation sent, accepted or withdrawn, and served only the inviter's "sent" list, which the
-- primary key (guild_id, inviter_id, invitee_id) already narrows to one member's few standing
-- invitations (sorting those by date is cheaper than keeping the index).
DROP INDEX invitations_sent;
