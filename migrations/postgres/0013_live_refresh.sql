-- A live message is edited every `refresh_minutes` with a fresh preview
-- image and the current viewer count (0: never; only title or game
-- changes edit it then). The first refresh comes a few minutes after the
-- post, once Twitch has rendered a real preview.
ALTER TABLE guild_config ADD COLUMN refresh_minutes INTEGER NOT NULL DEFAULT 10
    CHECK (refresh_minutes >= 0);
