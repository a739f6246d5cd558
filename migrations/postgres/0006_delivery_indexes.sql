-- Two lookups the delivery worker makes for every notification, indexed so
-- that a fan-out to N guilds costs O(N log N), not O(N²):
-- the work still to do (the claim), which otherwise scans the whole log on
-- every claim, history included;
CREATE INDEX notification_log_work ON notification_log (next_attempt_at, id)
    WHERE state = 'pending' OR end_state = 'pending' OR refresh_due_at IS NOT NULL;
-- and a guild's previous message for the same streamer (the flap check),
-- which otherwise walks every sent row of every guild.
CREATE INDEX notification_log_guild_streamer ON notification_log (guild_id, twitch_id, sent_at);
