//! Applying an EventSub notification: the message id is remembered and the
//! event's effects are written in one transaction, so an event is either
//! fully recorded (and later resends are ignored) or not at all (and the
//! error makes Twitch send it again).
//!
//! Twitch does not promise order. Each streamer keeps the message timestamp
//! of the last stream.online/offline and of the last channel.update applied;
//! an older one arriving late (a retry) is recorded and ignored, so a late
//! `stream.offline` of the previous stream never ends the one now live.

use super::{Db, StoreResult, WriteTx, on_db};
use crate::ids::TwitchUserId;

/// What a stream event changes.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent<'a> {
    /// `stream.online`: announce `stream_id` in every tracking guild.
    Online {
        twitch_id: &'a TwitchUserId,
        stream_id: &'a str,
        started_at: i64,
    },
    /// `stream.offline`.
    Offline { twitch_id: &'a TwitchUserId },
    /// `channel.update`: the title or game changed.
    Updated {
        twitch_id: &'a TwitchUserId,
        title: &'a str,
        game_id: &'a str,
        game_name: &'a str,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// This message id was handled before; nothing changed.
    Duplicate,
    /// Recorded; `queued` when the event left work for the delivery worker:
    /// a go-live to fan out, messages to end or refresh, held streams to
    /// check again.
    Recorded { queued: bool },
    /// Older than what was already applied for this streamer: recorded (a
    /// resend is a duplicate) and otherwise ignored.
    Stale,
}

impl Db {
    /// Applies `event`, sent by Twitch at `sent_at` (its message timestamp).
    pub async fn apply_stream_event(
        &self,
        message_id: &str,
        sent_at: i64,
        event: &StreamEvent<'_>,
        now: i64,
    ) -> StoreResult<Applied> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let first_time = sqlx::query(
                "INSERT INTO eventsub_messages (message_id, received_at) VALUES ($1, $2) \
                 ON CONFLICT (message_id) DO NOTHING",
            )
            .bind(message_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !first_time {
                return Ok(Applied::Duplicate);
            }
            let queued: bool;
            let twitch_id = match *event {
                StreamEvent::Online { twitch_id, .. }
                | StreamEvent::Offline { twitch_id }
                | StreamEvent::Updated { twitch_id, .. } => twitch_id,
            };
            // A known streamer whose guarded update touches nothing got a
            // message older than one already applied.
            let known = sqlx::query("SELECT 1 FROM streamers WHERE twitch_id = $1")
                .bind(twitch_id)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            match *event {
                StreamEvent::Online {
                    twitch_id,
                    stream_id,
                    started_at,
                } => {
                    let applied = sqlx::query(
                        "UPDATE streamers SET live_stream_id = $2, live_since = $3, updated_at = $4, \
                         state_event_at = $5 WHERE twitch_id = $1 \
                         AND (state_event_at IS NULL OR state_event_at <= $5)",
                    )
                    .bind(twitch_id)
                    .bind(stream_id)
                    .bind(started_at)
                    .bind(now)
                    .bind(sent_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if applied == 0 && known {
                        tx.commit().await?;
                        return Ok(Applied::Stale);
                    }
                    // One row, however many guilds follow the streamer: the
                    // worker fans it out (`expand_stream_fanouts`), so the
                    // acknowledgement costs the same for 1 or 10,000 guilds.
                    // A stream announced only quietly (to routes added
                    // while it was live) is still fanned out: routes that
                    // followed before hear of it, the quiet ones keep theirs.
                    queued = sqlx::query(
                        "INSERT INTO stream_fanouts (twitch_id, stream_id, started_at, received_at) \
                         SELECT $1, $2, $3, $4 \
                         WHERE EXISTS (SELECT 1 FROM guild_streamers WHERE twitch_id = $1) \
                         AND NOT EXISTS (SELECT 1 FROM stream_fanouts WHERE twitch_id = $1 AND stream_id = $2) \
                         AND NOT EXISTS (SELECT 1 FROM notification_log WHERE twitch_id = $1 AND stream_id = $2 AND NOT quiet)",
                    )
                    .bind(twitch_id)
                    .bind(stream_id)
                    .bind(started_at)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                        == 1;
                }
                StreamEvent::Offline { twitch_id } => {
                    let applied = sqlx::query(
                        "UPDATE streamers SET live_stream_id = NULL, last_offline_at = $2, updated_at = $2, \
                         state_event_at = $3 WHERE twitch_id = $1 \
                         AND (state_event_at IS NULL OR state_event_at <= $3)",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .bind(sent_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if applied == 0 && known {
                        tx.commit().await?;
                        return Ok(Applied::Stale);
                    }
                    let fanouts_ended = sqlx::query(
                        "UPDATE stream_fanouts SET ended_at = $2 WHERE twitch_id = $1 AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    // A stream held back by its route's filters all along
                    // was never announced: nothing to end.
                    let messages_ended = sqlx::query(
                        "UPDATE notification_log SET ended_at = $2, updated_at = $2, \
                         state = CASE WHEN state = 'held' THEN 'skipped' ELSE state END, \
                         end_state = CASE WHEN state = 'held' THEN 'done' ELSE 'pending' END, \
                         next_attempt_at = $2 WHERE twitch_id = $1 AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    queued = fanouts_ended + messages_ended > 0;
                }
                StreamEvent::Updated {
                    twitch_id,
                    title,
                    game_id,
                    game_name,
                } => {
                    let applied = sqlx::query(
                        "UPDATE streamers SET title = $2, game_name = $3, game_id = $4, updated_at = $5, \
                         channel_event_at = $6 WHERE twitch_id = $1 \
                         AND (channel_event_at IS NULL OR channel_event_at <= $6)",
                    )
                    .bind(twitch_id)
                    .bind(title)
                    .bind(game_name)
                    .bind(Some(game_id).filter(|id| !id.is_empty()))
                    .bind(now)
                    .bind(sent_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if applied == 0 && known {
                        tx.commit().await?;
                        return Ok(Applied::Stale);
                    }
                    // Live messages show the new title or game, at most
                    // once a minute each. A message still being posted
                    // may carry the old title: it is refreshed once
                    // posted (its own retry schedule stays as it is).
                    let refreshes = sqlx::query(
                        "UPDATE notification_log SET refresh_due_at = CASE \
                         WHEN edited_at IS NOT NULL AND edited_at + 60000 > $2 THEN edited_at + 60000 \
                         ELSE $2 END, next_attempt_at = CASE WHEN state = 'pending' THEN next_attempt_at \
                         WHEN edited_at IS NOT NULL AND edited_at + 60000 > $2 THEN edited_at + 60000 \
                         ELSE $2 END, updated_at = $2 \
                         WHERE twitch_id = $1 AND state IN ('pending', 'sent') AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    // Streams held back by a route's filters are checked
                    // again against the new title and game.
                    let held = sqlx::query(
                        "UPDATE notification_log SET state = 'pending', next_attempt_at = $2, \
                         updated_at = $2 WHERE twitch_id = $1 AND state = 'held' AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    queued = refreshes + held > 0;
                }
            }
            tx.commit().await?;
            Ok(Applied::Recorded { queued })
        })
    }
}
