//! The notification outbox (`notification_log`): one row per guild and
//! Twitch stream, unique on (guild, stream) so a stream is announced at most
//! once per guild. Workers claim due rows under a lease; a worker that dies
//! leaves its rows to be claimed again when the lease runs out.

use super::{Db, StoreResult, guilds::text_enum, on_db};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxState {
    /// Waiting to be delivered (or retried).
    Pending,
    /// Discord accepted the message.
    Sent,
    /// Gave up: a permanent error, or out of attempts.
    Failed,
    /// Deliberately not sent (e.g. the guild turned notifications off).
    Skipped,
}

text_enum!(OutboxState { Pending => "pending", Sent => "sent", Failed => "failed", Skipped => "skipped" });

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OutboxItem {
    pub id: i64,
    pub guild_id: i64,
    pub twitch_id: String,
    pub stream_id: String,
    #[sqlx(try_from = "String")]
    pub state: OutboxState,
    /// Claims so far, including the current one.
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub lease_until: Option<i64>,
    pub lease_owner: Option<String>,
    pub channel_id: Option<i64>,
    pub message_id: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub updated_at: i64,
    /// `pending` when the stream ended and the message awaits its end edit.
    pub end_state: Option<String>,
    pub stream_started_at: Option<i64>,
    /// When a refresh edit (title or game changed) is due, if one is.
    pub refresh_due_at: Option<i64>,
    pub edited_at: Option<i64>,
}

macro_rules! outbox_columns {
    () => {
        "id, guild_id, twitch_id, stream_id, state, attempts, next_attempt_at, \
         lease_until, lease_owner, channel_id, message_id, last_error, created_at, sent_at, \
         ended_at, updated_at, end_state, stream_started_at, refresh_due_at, edited_at"
    };
}

/// One pending row per guild that tracks streamer `$1` with notifications
/// enabled, for stream `$2` (started at `$5`), due at `$3`, queued at `$4`;
/// `$6` is when the stream ended if it already has (the row then only
/// records that it was never announced). Guilds that have a row for this
/// stream keep it.
const ENQUEUE_ONLINE: &str = "INSERT INTO notification_log (guild_id, twitch_id, \
     stream_id, next_attempt_at, created_at, updated_at, stream_started_at, ended_at, end_state) \
     SELECT gs.guild_id, gs.twitch_id, $2, $3, $4, $3, $5, $6, \
     CASE WHEN $6 IS NULL THEN NULL ELSE 'pending' END FROM guild_streamers gs \
     JOIN guild_config gc ON gc.guild_id = gs.guild_id \
     WHERE gs.twitch_id = $1 AND gc.enabled \
     ON CONFLICT (guild_id, stream_id) DO NOTHING";

/// A go-live waiting for its fan-out (see `stream_fanouts`).
#[derive(Debug, Clone, sqlx::FromRow)]
struct Fanout {
    twitch_id: String,
    stream_id: String,
    started_at: i64,
    received_at: i64,
    ended_at: Option<i64>,
}

impl Db {
    /// Queues one notification per guild that tracks the streamer and has
    /// notifications enabled, in one statement. A guild that already has a
    /// row for this stream keeps it. Returns how many rows were added.
    pub async fn enqueue_stream_online(
        &self,
        twitch_id: &str,
        stream_id: &str,
        started_at: i64,
        now: i64,
    ) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(ENQUEUE_ONLINE)
                .bind(twitch_id)
                .bind(stream_id)
                .bind(now)
                .bind(now)
                .bind(started_at)
                .bind(None::<i64>)
                .execute(pool)
                .await?;
            Ok(result.rows_affected())
        })
    }

    /// Turns every recorded go-live into its per-guild outbox rows, one
    /// go-live per transaction (taken and expanded together, so a crash
    /// leaves it to the next worker and concurrent workers never both take
    /// one). Returns how many rows were queued.
    pub async fn expand_stream_fanouts(&self, now: i64) -> StoreResult<u64> {
        macro_rules! take {
            ($lock:literal) => {
                concat!(
                    "DELETE FROM stream_fanouts WHERE id = \
                     (SELECT id FROM stream_fanouts ORDER BY id LIMIT 1",
                    $lock,
                    ") RETURNING twitch_id, stream_id, started_at, received_at, ended_at"
                )
            };
        }
        let take = match self {
            Db::Postgres(_) => take!(" FOR UPDATE SKIP LOCKED"),
            Db::Sqlite(_) => take!(""),
        };
        let mut queued = 0;
        loop {
            let expanded = on_db!(self, |pool| {
                let mut tx = pool.begin().await?;
                let fanout: Option<Fanout> = sqlx::query_as(take).fetch_optional(&mut *tx).await?;
                let Some(f) = fanout else {
                    return Ok(queued);
                };
                let rows = sqlx::query(ENQUEUE_ONLINE)
                    .bind(&f.twitch_id)
                    .bind(&f.stream_id)
                    .bind(now)
                    .bind(f.received_at)
                    .bind(f.started_at)
                    .bind(f.ended_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                rows
            });
            queued += expanded;
        }
    }

    /// Claims up to `limit` due rows for `owner` until `now + lease_ms`.
    /// Concurrent claimers never receive the same row.
    pub async fn claim_due_notifications(
        &self,
        owner: &str,
        now: i64,
        lease_ms: i64,
        limit: i64,
    ) -> StoreResult<Vec<OutboxItem>> {
        // Postgres skips rows another claimer has locked; SQLite serialises
        // writers, so the plain statement is already atomic there.
        macro_rules! claim {
            ($lock:literal) => {
                concat!(
                    "UPDATE notification_log SET lease_owner = $1, lease_until = $2, \
                     attempts = attempts + 1, updated_at = $3 WHERE id IN \
                     (SELECT id FROM notification_log \
                     WHERE (state = 'pending' OR end_state = 'pending' OR refresh_due_at IS NOT NULL) \
                     AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3) \
                     ORDER BY next_attempt_at, id LIMIT $4",
                    $lock,
                    ") RETURNING ",
                    outbox_columns!()
                )
            };
        }
        let sql = match self {
            Db::Postgres(_) => claim!(" FOR UPDATE SKIP LOCKED"),
            Db::Sqlite(_) => claim!(""),
        };
        let mut items: Vec<OutboxItem> = on_db!(self, |pool| {
            sqlx::query_as(sql)
                .bind(owner)
                .bind(now + lease_ms)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        items.sort_by_key(|item| (item.next_attempt_at, item.id));
        Ok(items)
    }

    /// Records the posted message; false if `owner` no longer holds the row.
    pub async fn mark_notification_sent(
        &self,
        id: i64,
        owner: &str,
        channel_id: i64,
        message_id: i64,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET state = 'sent', channel_id = $3, message_id = $4, \
                 sent_at = $5, updated_at = $5, lease_until = NULL, lease_owner = NULL, last_error = NULL \
                 WHERE id = $1 AND lease_owner = $2 AND state = 'pending'",
            )
            .bind(id)
            .bind(owner)
            .bind(channel_id)
            .bind(message_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Releases the row (a post or an end edit) to be tried again at
    /// `next_attempt_at`.
    pub async fn schedule_notification_retry(
        &self,
        id: i64,
        owner: &str,
        next_attempt_at: i64,
        error: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET next_attempt_at = $3, last_error = $4, updated_at = $5, \
                 lease_until = NULL, lease_owner = NULL \
                 WHERE id = $1 AND lease_owner = $2",
            )
            .bind(id)
            .bind(owner)
            .bind(next_attempt_at)
            .bind(error)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Ends the row without a message: `Failed` or `Skipped`, with the reason.
    pub async fn finish_notification_unsent(
        &self,
        id: i64,
        owner: &str,
        state: OutboxState,
        reason: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET state = $3, last_error = $4, updated_at = $5, \
                 lease_until = NULL, lease_owner = NULL \
                 WHERE id = $1 AND lease_owner = $2 AND state = 'pending'",
            )
            .bind(id)
            .bind(owner)
            .bind(state.as_str())
            .bind(reason)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    pub async fn notification(
        &self,
        guild_id: i64,
        stream_id: &str,
    ) -> StoreResult<Option<OutboxItem>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                outbox_columns!(),
                " FROM notification_log WHERE guild_id = $1 AND stream_id = $2"
            ))
            .bind(guild_id)
            .bind(stream_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// The stream ended: the end edit is done (or nothing was left to do).
    pub async fn finish_notification_end(
        &self,
        id: i64,
        owner: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET end_state = 'done', refresh_due_at = NULL, updated_at = $3, \
                 lease_until = NULL, lease_owner = NULL WHERE id = $1 AND lease_owner = $2",
            )
            .bind(id)
            .bind(owner)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The live message was refreshed with the new title or game.
    pub async fn finish_notification_refresh(
        &self,
        id: i64,
        owner: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET refresh_due_at = NULL, edited_at = $3, updated_at = $3, \
                 lease_until = NULL, lease_owner = NULL WHERE id = $1 AND lease_owner = $2",
            )
            .bind(id)
            .bind(owner)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The latest message this guild got for this streamer from a stream
    /// other than `stream_id` (what a flapping stream resumes).
    pub async fn previous_notification(
        &self,
        guild_id: i64,
        twitch_id: &str,
        stream_id: &str,
    ) -> StoreResult<Option<OutboxItem>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                outbox_columns!(),
                " FROM notification_log WHERE guild_id = $1 AND twitch_id = $2 AND stream_id <> $3 \
                 AND state = 'sent' AND message_id IS NOT NULL ORDER BY sent_at DESC LIMIT 1"
            ))
            .bind(guild_id)
            .bind(twitch_id)
            .bind(stream_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// Forgets finished notifications queued before `cutoff` (stream ids are
    /// never reused, so a resend can't slip through); rows still pending or
    /// waiting for their stream-end edit stay. Returns how many went.
    pub async fn forget_notifications_before(&self, cutoff: i64) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "DELETE FROM notification_log WHERE created_at < $1 AND state <> 'pending' \
                 AND (end_state IS NULL OR end_state = 'done') AND refresh_due_at IS NULL",
            )
            .bind(cutoff)
            .execute(pool)
            .await?;
            Ok(result.rows_affected())
        })
    }

    /// When this guild last got a notification, per streamer (one query
    /// for `/streamers list`, however many streamers).
    pub async fn last_notifications_sent(&self, guild_id: i64) -> StoreResult<Vec<(String, i64)>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT twitch_id, MAX(sent_at) FROM notification_log \
                 WHERE guild_id = $1 AND state = 'sent' GROUP BY twitch_id",
            )
            .bind(guild_id)
            .fetch_all(pool)
            .await
        })
    }

    /// When the oldest undelivered notification was queued, if any.
    pub async fn oldest_pending_notification(&self) -> StoreResult<Option<i64>> {
        on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT MIN(created_at) FROM notification_log WHERE state = 'pending'",
            )
            .fetch_one(pool)
            .await
        })
    }
}
