-- "Post as the streamer": a server may have its alerts posted through a
-- channel webhook the bot creates, showing the streamer's name and avatar.
ALTER TABLE guild_config ADD COLUMN post_as TEXT NOT NULL DEFAULT 'bot';

-- The bot's webhook in a channel, created on first use and reused by every
-- alert there (one per channel: the first stored wins, a racing creator
-- deletes its own). The token is a secret: never logged, never shown.
CREATE TABLE channel_webhooks (
    channel_id BIGINT PRIMARY KEY,
    guild_id BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    webhook_id BIGINT NOT NULL,
    token TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- The webhook an alert was posted through (NULL: posted as the bot), so its
-- edits and deletion go through the same one.
ALTER TABLE notification_log ADD COLUMN webhook_id BIGINT;
