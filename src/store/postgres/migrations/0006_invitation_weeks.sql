-- handshake schema, version 6: the moderators' chart.
--
-- Invitations sent, accepted and ignored on each server, week by week (weeks begin at
-- 00:00 UTC on Thursdays, counted from the Unix epoch). Counts only, no member: nothing here is
-- anyone's personal data, so erasing a member leaves it. Keyed by guild first, like every table.
CREATE TABLE invitation_weeks (
    guild_id       bigint NOT NULL CHECK (guild_id > 0),
    week_start_ms  bigint NOT NULL CHECK (week_start_ms % 604800000 = 0),
    sent           bigint NOT NULL CHECK (sent >= 0),
    accepted       bigint NOT NULL CHECK (accepted >= 0),
    ignored        bigint NOT NULL CHECK (ignored >= 0),
    PRIMARY KEY (guild_id, week_start_ms)
);
