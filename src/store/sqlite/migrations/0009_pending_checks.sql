-- handshake schema, version 9: cheaper checks that no pair is both connected and pending.
--
-- A new connection: the check looked for a pending invitation with `OR` of two key tuples,
-- which the planner serves by searching the server's whole `invitations_received` index, so
-- every connection cost time in proportion to the server's pending invitations. Two EXISTS,
-- each on the full primary key, are two lookups whatever the server's size. Both directions
-- are looked up from one row of the pair, the one whose user id is the lower: the deferred
-- mirror key guarantees the other row exists by the commit, so the pair is always checked.
--
-- A new invitation: the check scanned the inviter's connections (they are keyed newest first,
-- not by peer), the biggest single cost of sending an invitation and more for the members with
-- the most connections. It is dropped: the code refuses to invite a connection, answered by
-- the in-memory graph under the write lock (`network::invitations`), and `Store::audit` (run
-- after every step of the property tests) reports any pair both connected and pending.
DROP TRIGGER invitations_only_between_strangers;
DROP TRIGGER connections_only_without_invitations;

CREATE TRIGGER connections_only_without_invitations BEFORE INSERT ON connections
WHEN NEW.user_id < NEW.peer_id
 AND (EXISTS (SELECT 1 FROM invitations
               WHERE guild_id = NEW.guild_id
                 AND inviter_id = NEW.user_id AND invitee_id = NEW.peer_id)
   OR EXISTS (SELECT 1 FROM invitations
               WHERE guild_id = NEW.guild_id
                 AND inviter_id = NEW.peer_id AND invitee_id = NEW.user_id))
BEGIN
    SELECT RAISE(ABORT, 'connection while an invitation is pending');
END;
