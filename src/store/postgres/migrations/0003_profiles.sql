-- handshake schema, version 3: professional profiles.
--
-- One row per member who filled anything in. The database reads a profile whole (one member's,
-- or a server's when memory loads it: people search and the skill index run in memory), so
-- skills, links and what the member is open to are arrays, in their member's order and
-- spelling. The limits are the domain's, checked again here.
CREATE TABLE profiles (
    guild_id    bigint NOT NULL,
    user_id     bigint NOT NULL,
    headline    text   CHECK (headline IS NULL OR char_length(headline) BETWEEN 1 AND 120),
    about       text   CHECK (about IS NULL OR char_length(about) BETWEEN 1 AND 1000),
    skills      text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 10),
    links       text[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 3),
    open_to     text[] NOT NULL DEFAULT '{}'
                CHECK (open_to <@ ARRAY['mentoring', 'being_mentored', 'collaborating', 'hiring',
                                        'job_seeking', 'freelance']),
    updated_ms  bigint NOT NULL,
    PRIMARY KEY (guild_id, user_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

-- Who may see a member's profile card: everyone in the server, or their connections only.
ALTER TABLE members ADD COLUMN profile_visible_to text NOT NULL DEFAULT 'everyone'
    CHECK (profile_visible_to IN ('everyone', 'connections'));

-- Whether members may put Discord invite links on their profiles (off unless moderators allow).
ALTER TABLE guild_limits ADD COLUMN allow_invite_links boolean NOT NULL DEFAULT false;

-- Moderators can now clear a member's profile, an audited action.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('remove_member', 'restore', 'clear_profile'));
