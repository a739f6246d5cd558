-- Discord's global rate limit is counted per bot token, not per process:
-- every process that talks to Discord books its send slots here, so two
-- `serve` processes or a dozen warm Lambda instances share one 50/s budget.
-- `next_free_us` is the earliest free slot (microseconds since the Unix
-- epoch, on the database's clock); a booking moves it forward atomically.
CREATE TABLE discord_budget (
    bot TEXT PRIMARY KEY,
    next_free_us BIGINT NOT NULL
);
