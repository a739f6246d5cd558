//! The notification outbox (`notification_log`): one row per alert route
//! and Twitch stream, unique on (route, stream) so a stream is announced at
//! most once per route. Workers claim due rows under a lease; a worker that dies
//! leaves its rows to be claimed again when the lease runs out.

use super::{Db, StoreResult, WriteTx, on_db, text::text_column};
use crate::ids::{ChannelId, GuildId, MessageId, TwitchUserId, WebhookId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be delivered (or retried).
    Pending,
    /// Discord accepted the message.
    Sent,
    /// Gave up: a permanent error, or out of attempts.
    Failed,
    /// Deliberately not sent (e.g. the guild turned notifications off).
    Skipped,
    /// The stream doesn't match the route's filters (yet): a `channel.update`
    /// makes it `Pending` again, to be checked against the new title or game.
    Held,
}

text_column!(OutboxState);

/// Where the stream-end edit of a posted message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum EndState {
    /// The stream ended; the message awaits its end edit.
    Pending,
    /// Edited, deleted or left as the guild chose (or nothing to do).
    Done,
}

text_column!(EndState);

/// What a claimed row is for: the one place that reads the row's states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Post the go-live message (or resume the previous one after a flap).
    Announce,
    /// The stream ended: edit, delete or keep the message.
    End,
    /// The title or game changed while live, or the periodic refresh
    /// came due: edit the message with what Twitch shows now.
    Refresh,
    /// Nothing left to do: release the row.
    Done,
}

/// Which due rows a claim takes: the delivery worker claims posts and end
/// edits first and refreshes of live messages only with the room left, so
/// refresh edits never hold up a go-live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Whatever is due, in the order it came due.
    Any,
    /// Posts (`Step::Announce`) and end edits (`Step::End`).
    Urgent,
    /// Edits of live messages (`Step::Refresh`).
    Refreshes,
}

/// A claimed row, ours until the lease runs out or it is released.
#[derive(Debug, Clone)]
pub struct Lease {
    pub id: i64,
    pub owner: std::sync::Arc<str>,
}

impl Lease {
    pub fn new(id: i64, owner: &str) -> Self {
        Self {
            id,
            owner: owner.into(),
        }
    }
}

/// How a claimed row is released: every release gives the lease back and
/// applies exactly one of these.
#[derive(Debug, Clone, PartialEq)]
pub enum Transition {
    /// Discord accepted the message. `refresh_at`: the first periodic
    /// refresh, if the server wants them (a refresh already due for a
    /// title change that came in while posting is kept).
    Sent {
        channel_id: ChannelId,
        message_id: MessageId,
        refresh_at: Option<i64>,
        /// The webhook it went through (`None`: as the bot).
        webhook_id: Option<WebhookId>,
    },
    /// Try again at `at` (a post, an end or a refresh edit).
    Retry { at: i64, error: String },
    /// Never sent: `Failed` or `Skipped`, with the reason.
    Unsent { state: OutboxState, reason: String },
    /// The end edit is done (or there was nothing left to do).
    Ended,
    /// The live message shows the new title or game as of the claim.
    /// `claimed_due` is the refresh the claim was for: a change that came
    /// in while editing is kept, a minute after this edit at the earliest;
    /// otherwise the next periodic refresh is `next` (`None`: no more).
    /// A stream that ended meanwhile keeps its end edit due at once. The
    /// attempts start again: the next step's retries are its own.
    Refreshed {
        claimed_due: Option<i64>,
        next: Option<i64>,
    },
    /// The stream doesn't match the route's filters: wait for a change.
    /// `claimed_due` as for `Refreshed`: a change that came in while the
    /// filters were checked makes the row due again at once instead.
    Held {
        reason: String,
        claimed_due: Option<i64>,
    },
}

/// The one lease release: every transition gives the lease back the same
/// way and only to the worker that holds it; `$4`, `$5` are its values.
macro_rules! release {
    ($set:literal, $guard:literal) => {
        concat!(
            "UPDATE notification_log SET ",
            $set,
            ", updated_at = $3, lease_until = NULL, lease_owner = NULL \
             WHERE id = $1 AND lease_owner = $2",
            $guard
        )
    };
}

impl Transition {
    fn sql(&self) -> &'static str {
        match self {
            Self::Sent { .. } => release!(
                "state = 'sent', channel_id = $4, message_id = $5, sent_at = $3, last_error = NULL, \
                 next_attempt_at = CASE WHEN refresh_due_at IS NULL AND $6 IS NOT NULL \
                 AND end_state IS NULL THEN $6 ELSE next_attempt_at END, \
                 refresh_due_at = CASE WHEN end_state IS NULL THEN COALESCE(refresh_due_at, $6) END, \
                 webhook_id = $7",
                " AND state = 'pending'"
            ),
            Self::Retry { .. } => release!("next_attempt_at = $4, last_error = $5", ""),
            // A message never sent has nothing to end or refresh.
            Self::Unsent { .. } => release!(
                "state = $4, last_error = $5, refresh_due_at = NULL, \
                 end_state = CASE WHEN end_state IS NULL THEN NULL ELSE 'done' END",
                " AND state = 'pending'"
            ),
            Self::Ended => release!("end_state = 'done', refresh_due_at = NULL", ""),
            Self::Held { .. } => release!(
                "state = CASE WHEN refresh_due_at IS NULL OR refresh_due_at = $5 THEN 'held' \
                 ELSE 'pending' END, next_attempt_at = $3, refresh_due_at = NULL, \
                 held_at = COALESCE(held_at, $3), last_error = $4",
                " AND state = 'pending'"
            ),
            Self::Refreshed { .. } => release!(
                "refresh_due_at = CASE WHEN refresh_due_at IS NULL OR refresh_due_at = $4 THEN $5 \
                 WHEN refresh_due_at > $3 + 60000 THEN refresh_due_at ELSE $3 + 60000 END, \
                 next_attempt_at = CASE WHEN end_state = 'pending' THEN next_attempt_at \
                 WHEN refresh_due_at IS NULL OR refresh_due_at = $4 \
                 THEN COALESCE($5, next_attempt_at) WHEN refresh_due_at > $3 + 60000 THEN refresh_due_at \
                 ELSE $3 + 60000 END, edited_at = $3, attempts = 0",
                ""
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OutboxItem {
    pub id: i64,
    /// The alert route (`None` only for history from before routes).
    pub route_id: Option<i64>,
    pub guild_id: GuildId,
    pub twitch_id: TwitchUserId,
    pub stream_id: String,
    pub state: OutboxState,
    /// Claims so far, including the current one.
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub lease_until: Option<i64>,
    pub lease_owner: Option<String>,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub updated_at: i64,
    /// Set once the stream ended.
    pub end_state: Option<EndState>,
    pub stream_started_at: Option<i64>,
    /// When a refresh edit (title or game changed) is due, if one is.
    pub refresh_due_at: Option<i64>,
    pub edited_at: Option<i64>,
    /// When the stream was first held back by the route's filters.
    pub held_at: Option<i64>,
    /// Pings nobody: the stream was already live when the route was added.
    pub quiet: bool,
    /// The channel webhook the message was posted through (`None`: as the bot).
    pub webhook_id: Option<WebhookId>,
}

macro_rules! outbox_columns {
    () => {
        "id, route_id, guild_id, twitch_id, stream_id, state, attempts, next_attempt_at, \
         lease_until, lease_owner, channel_id, message_id, last_error, created_at, sent_at, \
         ended_at, updated_at, end_state, stream_started_at, refresh_due_at, edited_at, held_at, quiet, webhook_id"
    };
}

/// One pending row per enabled route of streamer `$1` (in servers with
/// notifications on), for stream `$2` (started at `$5`), due at `$3`, queued
/// at `$4`; `$6` is when the stream ended if it already has (the row then
/// only records that it was never announced). Routes that have a row for
/// this stream keep it. Two routes of one server that end up in the same
/// channel (one follows the server's channel, which was moved onto the
/// other's) post once: the first added.
const ENQUEUE_ONLINE: &str = "INSERT INTO notification_log (route_id, guild_id, twitch_id, \
     stream_id, next_attempt_at, created_at, updated_at, stream_started_at, ended_at, end_state) \
     SELECT r.id, r.guild_id, r.twitch_id, $2, $3, $4, $3, $5, $6, \
     CASE WHEN $6 IS NULL THEN NULL ELSE 'pending' END FROM routes r \
     JOIN guild_config gc ON gc.guild_id = r.guild_id \
     WHERE r.twitch_id = $1 AND r.enabled AND gc.enabled \
     AND NOT EXISTS (SELECT 1 FROM routes o WHERE o.guild_id = r.guild_id \
     AND o.twitch_id = r.twitch_id AND o.id < r.id AND o.enabled \
     AND COALESCE(o.channel_id, gc.channel_id) = COALESCE(r.channel_id, gc.channel_id)) \
     ON CONFLICT (route_id, stream_id) DO NOTHING";

/// A go-live waiting for its fan-out (see `stream_fanouts`).
#[derive(Debug, Clone, sqlx::FromRow)]
struct Fanout {
    twitch_id: TwitchUserId,
    stream_id: String,
    started_at: i64,
    received_at: i64,
    ended_at: Option<i64>,
}

impl OutboxItem {
    /// What this row is claimed for.
    pub fn step(&self) -> Step {
        match (self.state, self.end_state, self.refresh_due_at) {
            (OutboxState::Pending, ..) => Step::Announce,
            (_, Some(EndState::Pending), _) => Step::End,
            (_, _, Some(_)) => Step::Refresh,
            _ => Step::Done,
        }
    }
}

impl Db {
    /// Gives a claimed row back with `transition` applied; false if the
    /// lease was lost (another worker holds the row now) or the row is no
    /// longer in the state the transition requires.
    pub async fn release(
        &self,
        lease: &Lease,
        transition: &Transition,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let query = sqlx::query(transition.sql())
                .bind(lease.id)
                .bind(&*lease.owner)
                .bind(now);
            let query = match transition {
                Transition::Sent {
                    channel_id,
                    message_id,
                    refresh_at,
                    webhook_id,
                } => query
                    .bind(*channel_id)
                    .bind(*message_id)
                    .bind(*refresh_at)
                    .bind(*webhook_id),
                Transition::Retry { at, error } => query.bind(*at).bind(error.as_str()),
                Transition::Unsent { state, reason } => query.bind(*state).bind(reason.as_str()),
                Transition::Refreshed { claimed_due, next } => query.bind(*claimed_due).bind(*next),
                Transition::Held {
                    reason,
                    claimed_due,
                } => query.bind(reason.as_str()).bind(*claimed_due),
                Transition::Ended => query,
            };
            Ok(query.execute(pool).await?.rows_affected() == 1)
        })
    }

    /// A flapping stream resumed this earlier row's message: its end edit,
    /// if still waiting and nobody holds the row, is no longer wanted.
    pub async fn settle_resumed(&self, id: i64, now: i64) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET end_state = 'done', refresh_due_at = NULL, updated_at = $2 \
                 WHERE id = $1 AND end_state = 'pending' AND (lease_until IS NULL OR lease_until <= $2)",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Queues one notification per guild that tracks the streamer and has
    /// notifications enabled, in one statement. A guild that already has a
    /// row for this stream keeps it. Returns how many rows were added.
    pub async fn enqueue_stream_online(
        &self,
        twitch_id: &TwitchUserId,
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
                let mut tx = pool.begin_write().await?;
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

    /// Claims up to `limit` due rows of any kind for `owner` until
    /// `now + lease_ms`, in the order they came due.
    pub async fn claim_due_notifications(
        &self,
        owner: &str,
        now: i64,
        lease_ms: i64,
        limit: i64,
    ) -> StoreResult<Vec<OutboxItem>> {
        self.claim_due(Claim::Any, owner, now, lease_ms, limit)
            .await
    }

    /// Claims up to `limit` due rows of `kind` for `owner` until
    /// `now + lease_ms`. Concurrent claimers never receive the same row.
    pub async fn claim_due(
        &self,
        kind: Claim,
        owner: &str,
        now: i64,
        lease_ms: i64,
        limit: i64,
    ) -> StoreResult<Vec<OutboxItem>> {
        // Postgres skips rows another claimer has locked; SQLite serialises
        // writers, so the plain statement is already atomic there. The
        // first condition is the work index's own.
        macro_rules! claim {
            ($kind:literal, $lock:literal) => {
                concat!(
                    "UPDATE notification_log SET lease_owner = $1, lease_until = $2, \
                     attempts = attempts + 1, updated_at = $3 WHERE id IN \
                     (SELECT id FROM notification_log \
                     WHERE (state = 'pending' OR end_state = 'pending' OR refresh_due_at IS NOT NULL) \
                     AND ",
                    $kind,
                    " AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3) \
                     ORDER BY next_attempt_at, id LIMIT $4",
                    $lock,
                    ") RETURNING ",
                    outbox_columns!()
                )
            };
        }
        macro_rules! kinds {
            ($lock:literal) => {
                match kind {
                    Claim::Any => claim!("TRUE", $lock),
                    Claim::Urgent => claim!("(state = 'pending' OR end_state = 'pending')", $lock),
                    Claim::Refreshes => claim!(
                        "state <> 'pending' AND (end_state IS NULL OR end_state <> 'pending')",
                        $lock
                    ),
                }
            };
        }
        let sql = match self {
            Db::Postgres(_) => kinds!(" FOR UPDATE SKIP LOCKED"),
            Db::Sqlite(_) => kinds!(""),
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

    /// The server changed its refresh interval: its live messages follow
    /// at once. `first_at` is each one's next refresh; `None` (refreshes
    /// off) drops them, except a title or game change due within the
    /// minute. Returns how many messages changed schedule.
    pub async fn reschedule_refreshes(
        &self,
        guild_id: GuildId,
        first_at: Option<i64>,
        now: i64,
    ) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE notification_log SET refresh_due_at = $3, \
                 next_attempt_at = COALESCE($3, next_attempt_at), updated_at = $2 \
                 WHERE guild_id = $1 AND state = 'sent' AND end_state IS NULL \
                 AND message_id IS NOT NULL \
                 AND (refresh_due_at IS NULL OR refresh_due_at > $2 + 60000)",
            )
            .bind(guild_id)
            .bind(now)
            .bind(first_at)
            .execute(pool)
            .await?;
            Ok(result.rows_affected())
        })
    }

    /// The server's (first route's) row for this stream.
    pub async fn notification(
        &self,
        guild_id: GuildId,
        stream_id: &str,
    ) -> StoreResult<Option<OutboxItem>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                outbox_columns!(),
                " FROM notification_log WHERE guild_id = $1 AND stream_id = $2 ORDER BY id LIMIT 1"
            ))
            .bind(guild_id)
            .bind(stream_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// The route's row for this stream.
    pub async fn route_notification(
        &self,
        route_id: i64,
        stream_id: &str,
    ) -> StoreResult<Option<OutboxItem>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                outbox_columns!(),
                " FROM notification_log WHERE route_id = $1 AND stream_id = $2"
            ))
            .bind(route_id)
            .bind(stream_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// The latest message this route posted from a stream other than
    /// `stream_id` (what a flapping stream resumes).
    pub async fn previous_notification(
        &self,
        route_id: i64,
        stream_id: &str,
    ) -> StoreResult<Option<OutboxItem>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                outbox_columns!(),
                " FROM notification_log WHERE route_id = $1 AND stream_id <> $2 \
                 AND state = 'sent' AND message_id IS NOT NULL ORDER BY sent_at DESC LIMIT 1"
            ))
            .bind(route_id)
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

    /// When each route of this guild last posted (one query for
    /// `/streamers list`, however many routes).
    pub async fn last_notifications_sent(&self, guild_id: GuildId) -> StoreResult<Vec<(i64, i64)>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT route_id, MAX(sent_at) FROM notification_log \
                 WHERE guild_id = $1 AND state = 'sent' AND route_id IS NOT NULL GROUP BY route_id",
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
