-- Alert routes: a streamer posted to one channel of one server, with its own
-- ping, template, filters and health. A server may route one streamer to
-- several channels. `guild_streamers` stays the "this server follows this
-- streamer" row (EventSub subscriptions, the opt-in role, members' /notify
-- choices); its channel, ping and template move to the streamer's first
-- route, which keeps posting exactly where and as it did.
CREATE TABLE routes (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id                BIGINT NOT NULL,
    twitch_id               TEXT NOT NULL,
    -- NULL: the server's channel (`/setup channel:`), followed when it changes.
    channel_id              BIGINT,
    channel_kind            INTEGER,
    -- NULL: the server's choice (`/setup ping:` / `role:`).
    ping_mode               TEXT CHECK (ping_mode IN ('none', 'role', 'streamer_role')),
    ping_role_id            BIGINT,
    -- NULL: the server's template.
    template                TEXT,
    -- JSON: games to require or skip (by Twitch category id) and title words
    -- to require or skip. NULL: every stream is announced.
    filters                 TEXT,
    enabled                 BOOLEAN NOT NULL DEFAULT TRUE,
    -- A problem that stops this route (and only this route) until fixed.
    needs_attention         TEXT,
    needs_attention_detail  TEXT,
    needs_attention_since   BIGINT,
    added_by                BIGINT,
    added_at                BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL,
    FOREIGN KEY (guild_id, twitch_id) REFERENCES guild_streamers (guild_id, twitch_id) ON DELETE CASCADE
);
-- One route per (server, streamer, channel); NULL (the server's channel) is
-- one channel too.
CREATE UNIQUE INDEX routes_target ON routes (guild_id, twitch_id, COALESCE(channel_id, 0));
CREATE INDEX routes_twitch_id ON routes (twitch_id);

INSERT INTO routes (guild_id, twitch_id, channel_id, channel_kind, ping_mode, ping_role_id,
                    template, added_by, added_at, updated_at)
SELECT guild_id, twitch_id, channel_id, channel_kind, ping_mode, ping_role_id,
       template, added_by, added_at, added_at
FROM guild_streamers;

ALTER TABLE guild_streamers DROP COLUMN channel_id;
ALTER TABLE guild_streamers DROP COLUMN channel_kind;
ALTER TABLE guild_streamers DROP COLUMN ping_mode;
ALTER TABLE guild_streamers DROP COLUMN ping_role_id;
ALTER TABLE guild_streamers DROP COLUMN template;

-- Health is per route now: a server-wide flag silenced every streamer of the
-- server for one broken channel. A route that is still broken is marked
-- again by its next delivery attempt.
ALTER TABLE guild_config DROP COLUMN needs_attention;
ALTER TABLE guild_config DROP COLUMN needs_attention_detail;
ALTER TABLE guild_config DROP COLUMN needs_attention_since;

-- The outbox is keyed by route: exactly one message per route and stream.
-- `held`: the stream does not match the route's filters (yet); a
-- `channel.update` puts it back to `pending` to be checked again.
-- `held_at`: when it was first held (the message then says what changed).
-- SQLite cannot drop a table constraint: the table is rebuilt.
CREATE TABLE notification_log_routed (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    twitch_id          TEXT NOT NULL,
    stream_id          TEXT NOT NULL,
    state              TEXT NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'sent', 'failed', 'skipped', 'held')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    BIGINT NOT NULL,
    lease_until        BIGINT,
    lease_owner        TEXT,
    channel_id         BIGINT,
    message_id         BIGINT,
    last_error         TEXT,
    created_at         BIGINT NOT NULL,
    sent_at            BIGINT,
    ended_at           BIGINT,
    updated_at         BIGINT NOT NULL,
    end_state          TEXT,
    stream_started_at  BIGINT,
    refresh_due_at     BIGINT,
    edited_at          BIGINT,
    route_id           BIGINT,
    held_at            BIGINT
);
INSERT INTO notification_log_routed (id, guild_id, twitch_id, stream_id, state, attempts,
    next_attempt_at, lease_until, lease_owner, channel_id, message_id, last_error, created_at,
    sent_at, ended_at, updated_at, end_state, stream_started_at, refresh_due_at, edited_at, route_id)
SELECT n.id, n.guild_id, n.twitch_id, n.stream_id, n.state, n.attempts, n.next_attempt_at,
    n.lease_until, n.lease_owner, n.channel_id, n.message_id, n.last_error, n.created_at,
    n.sent_at, n.ended_at, n.updated_at, n.end_state, n.stream_started_at, n.refresh_due_at,
    n.edited_at,
    (SELECT r.id FROM routes r WHERE r.guild_id = n.guild_id AND r.twitch_id = n.twitch_id)
FROM notification_log n;
DROP TABLE notification_log;
ALTER TABLE notification_log_routed RENAME TO notification_log;
CREATE INDEX notification_log_due ON notification_log (state, next_attempt_at);
CREATE INDEX notification_log_stream ON notification_log (twitch_id, stream_id);
CREATE INDEX notification_log_work ON notification_log (next_attempt_at, id)
    WHERE state = 'pending' OR end_state = 'pending' OR refresh_due_at IS NOT NULL;
CREATE UNIQUE INDEX notification_log_route_stream ON notification_log (route_id, stream_id);
CREATE INDEX notification_log_route_sent ON notification_log (route_id, sent_at);
CREATE INDEX notification_log_held ON notification_log (twitch_id) WHERE state = 'held';

-- Twitch does not promise order: the message timestamp of the last
-- stream.online/offline and of the last channel.update applied, so that an
-- older one arriving late is recorded and ignored. `game_id` is the
-- category id that game filters compare.
ALTER TABLE streamers ADD COLUMN game_id TEXT;
ALTER TABLE streamers ADD COLUMN state_event_at BIGINT;
ALTER TABLE streamers ADD COLUMN channel_event_at BIGINT;

-- A template draft for one route names its channel too.
ALTER TABLE template_drafts ADD COLUMN channel_id BIGINT;
