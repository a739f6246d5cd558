-- A live message is refreshed when the stream's title or game changes, at
-- most once a minute: `refresh_due_at` is when the next refresh is due,
-- `edited_at` when the message was last edited.
ALTER TABLE notification_log ADD COLUMN refresh_due_at BIGINT;
ALTER TABLE notification_log ADD COLUMN edited_at BIGINT;
-- The Discord channel type of the chosen channel (5 = announcement, whose
-- notifications can be published to following servers).
ALTER TABLE guild_config ADD COLUMN channel_kind INTEGER;
ALTER TABLE guild_streamers ADD COLUMN channel_kind INTEGER;
