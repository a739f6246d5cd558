-- A template an admin typed into /template edit that failed validation,
-- kept so that "Fix it" reopens the form with what they typed.
CREATE TABLE template_drafts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    BIGINT NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL,
    twitch_id   TEXT,
    template    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
