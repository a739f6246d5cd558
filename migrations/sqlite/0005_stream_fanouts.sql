-- A go-live waiting to be fanned out into one notification per tracking
-- guild. The EventSub request records only this row (constant work however
-- many guilds follow the streamer); the delivery worker expands it into
-- `notification_log` rows and deletes it, in one transaction.
CREATE TABLE stream_fanouts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    twitch_id    TEXT NOT NULL,
    stream_id    TEXT NOT NULL,
    started_at   BIGINT NOT NULL,
    received_at  BIGINT NOT NULL,
    -- Set when the stream ended before the fan-out ran.
    ended_at     BIGINT
);
CREATE INDEX stream_fanouts_twitch_id ON stream_fanouts (twitch_id);
