-- Twitch's EventSub budget: every subscription costs 1 against
-- `max_total_cost`, or 0 when its broadcaster authorized the app (linked
-- their Twitch account). What Twitch last reported, kept in one row.
CREATE TABLE eventsub_budget (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    total           BIGINT NOT NULL,
    total_cost      BIGINT NOT NULL,
    max_total_cost  BIGINT NOT NULL,
    -- When Twitch last reported the numbers (a list or a create answer).
    observed_at     BIGINT NOT NULL,
    -- When room last grew (a deletion, a higher maximum): refused
    -- streamers are tried again only after this moves past their refusal.
    freed_at        BIGINT NOT NULL
);

-- Streamers whose subscriptions Twitch refused because the budget was full.
-- They are not retried every minute, only once room has been freed since.
CREATE TABLE eventsub_refusals (
    twitch_id   TEXT PRIMARY KEY,
    refused_at  BIGINT NOT NULL,
    message     TEXT NOT NULL
);

-- Subscriptions replaced by a cheaper one (the streamer linked their
-- account): deleted on Twitch once the replacement is enabled, so alerts
-- never have a gap.
CREATE TABLE eventsub_superseded (
    subscription_id  TEXT PRIMARY KEY,
    twitch_id        TEXT NOT NULL,
    replaced_by      TEXT NOT NULL,
    cost             BIGINT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX eventsub_superseded_replaced_by ON eventsub_superseded (replaced_by);
