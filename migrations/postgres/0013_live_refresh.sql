-- A live message is edited every `refresh_minutes` with a fresh preview
-- image and the current viewer count (0: never; only title or game
-- changes edit it then). The first refresh comes a few minutes after the
-- post, once Twitch has rendered a real preview.
ALTER TABLE guild_config ADD COLUMN refresh_minutes INTEGER NOT NULL DEFAULT 10
    CHECK (refresh_minutes >= 0);
-- Live messages now keep a refresh due while they are live, so the work
-- index holds every live message; posts and end edits, claimed first, get
-- an index of their own so a backlog of refreshes never slows their claim.
CREATE INDEX notification_log_urgent ON notification_log (next_attempt_at, id)
    WHERE state = 'pending' OR end_state = 'pending';
