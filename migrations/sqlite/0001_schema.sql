-- StreamMaxing schema (SQLite). Mirrors migrations/postgres/0001_schema.sql:
-- same tables, same columns. Times are Unix epoch milliseconds (BIGINT) so
-- that one set of queries and comparisons serves both backends; Discord
-- snowflakes are BIGINT; Twitch ids are opaque TEXT, as Twitch asks.

CREATE TABLE guilds (
    guild_id      BIGINT PRIMARY KEY,
    name          TEXT,
    installed_at  BIGINT NOT NULL
);

CREATE TABLE guild_config (
    guild_id                BIGINT PRIMARY KEY REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id              BIGINT,
    ping_mode               TEXT NOT NULL DEFAULT 'none'
                            CHECK (ping_mode IN ('none', 'role', 'streamer_role')),
    ping_role_id            BIGINT,
    enabled                 BOOLEAN NOT NULL DEFAULT TRUE,
    template                TEXT,
    offline_mode            TEXT NOT NULL DEFAULT 'edit'
                            CHECK (offline_mode IN ('edit', 'delete', 'keep')),
    publish_announcements   BOOLEAN NOT NULL DEFAULT TRUE,
    cooldown_secs           INTEGER NOT NULL DEFAULT 600 CHECK (cooldown_secs >= 0),
    needs_attention         TEXT,
    needs_attention_detail  TEXT,
    needs_attention_since   BIGINT,
    updated_at              BIGINT NOT NULL
);

CREATE TABLE streamers (
    twitch_id        TEXT PRIMARY KEY,
    login            TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    avatar_url       TEXT,
    linked           BOOLEAN NOT NULL DEFAULT FALSE,
    linked_at        BIGINT,
    problem          TEXT,
    live_stream_id   TEXT,
    live_since       BIGINT,
    last_offline_at  BIGINT,
    title            TEXT,
    game_name        TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX streamers_login ON streamers (login);

CREATE TABLE guild_streamers (
    guild_id        BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    twitch_id       TEXT NOT NULL REFERENCES streamers (twitch_id) ON DELETE CASCADE,
    channel_id      BIGINT,
    ping_mode       TEXT CHECK (ping_mode IN ('none', 'role', 'streamer_role')),
    ping_role_id    BIGINT,
    notify_role_id  BIGINT,
    template        TEXT,
    added_by        BIGINT,
    added_at        BIGINT NOT NULL,
    PRIMARY KEY (guild_id, twitch_id)
);
CREATE INDEX guild_streamers_twitch_id ON guild_streamers (twitch_id);

CREATE TABLE user_preferences (
    guild_id    BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL,
    twitch_id   TEXT NOT NULL REFERENCES streamers (twitch_id) ON DELETE CASCADE,
    notify      BOOLEAN NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, twitch_id)
);

CREATE TABLE eventsub_subscriptions (
    subscription_id  TEXT PRIMARY KEY,
    twitch_id        TEXT NOT NULL,
    sub_type         TEXT NOT NULL,
    version          TEXT NOT NULL,
    status           TEXT NOT NULL,
    cost             INTEGER NOT NULL DEFAULT 0,
    revoked_reason   TEXT,
    resubscribe_at   BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX eventsub_subscriptions_twitch_id ON eventsub_subscriptions (twitch_id);

CREATE TABLE notification_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id         BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    twitch_id        TEXT NOT NULL,
    stream_id        TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    lease_until      BIGINT,
    lease_owner      TEXT,
    channel_id       BIGINT,
    message_id       BIGINT,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT,
    ended_at         BIGINT,
    updated_at       BIGINT NOT NULL,
    UNIQUE (guild_id, stream_id)
);
CREATE INDEX notification_log_due ON notification_log (state, next_attempt_at);
CREATE INDEX notification_log_stream ON notification_log (twitch_id, stream_id);

CREATE TABLE eventsub_messages (
    message_id   TEXT PRIMARY KEY,
    received_at  BIGINT NOT NULL
);
CREATE INDEX eventsub_messages_received_at ON eventsub_messages (received_at);

CREATE TABLE used_link_tokens (
    nonce       TEXT PRIMARY KEY,
    used_at     BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
