-- Twitch Teams a server follows (`/streamers add team:`): every member is
-- followed, and a roster check on a schedule follows members who joined and
-- stops following those who left. `last_change` says what the latest check
-- that changed anything did (shown by `/streamers list`).
CREATE TABLE team_follows (
    guild_id        BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    team_id         TEXT NOT NULL,
    team_name       TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    -- NULL: the server's channel.
    channel_id      BIGINT,
    channel_kind    INTEGER,
    added_by        BIGINT,
    created_at      BIGINT NOT NULL,
    checked_at      BIGINT NOT NULL,
    last_change     TEXT,
    last_change_at  BIGINT,
    PRIMARY KEY (guild_id, team_id)
);
CREATE INDEX team_follows_checked_at ON team_follows (checked_at);
-- The team whose roster added this route (NULL: added by name). Leaving the
-- team removes only routes the team added.
ALTER TABLE routes ADD COLUMN team_id TEXT;
