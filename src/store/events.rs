//! Applying an EventSub notification: the message id is remembered and the
//! event's effects are written in one transaction, so an event is either
//! fully recorded (and later resends are ignored) or not at all (and the
//! error makes Twitch send it again).

use super::{Db, StoreResult, on_db, outbox::ENQUEUE_ONLINE};

/// What a stream event changes.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent<'a> {
    /// `stream.online`: announce `stream_id` in every tracking guild.
    Online {
        twitch_id: &'a str,
        stream_id: &'a str,
        started_at: i64,
    },
    /// `stream.offline`.
    Offline { twitch_id: &'a str },
    /// `channel.update`: the title or game changed.
    Updated {
        twitch_id: &'a str,
        title: &'a str,
        game_name: &'a str,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// This message id was handled before; nothing changed.
    Duplicate,
    /// Recorded; `queued` notifications were added to the outbox.
    Recorded { queued: u64 },
}

impl Db {
    pub async fn apply_stream_event(
        &self,
        message_id: &str,
        event: &StreamEvent<'_>,
        now: i64,
    ) -> StoreResult<Applied> {
        on_db!(self, |pool| {
            let mut tx = pool.begin().await?;
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
            let mut queued = 0;
            match *event {
                StreamEvent::Online {
                    twitch_id,
                    stream_id,
                    started_at,
                } => {
                    sqlx::query(
                        "UPDATE streamers SET live_stream_id = $2, live_since = $3, updated_at = $4 \
                         WHERE twitch_id = $1",
                    )
                    .bind(twitch_id)
                    .bind(stream_id)
                    .bind(started_at)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    queued = sqlx::query(ENQUEUE_ONLINE)
                        .bind(twitch_id)
                        .bind(stream_id)
                        .bind(now)
                        .bind(started_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                StreamEvent::Offline { twitch_id } => {
                    sqlx::query(
                        "UPDATE notification_log SET ended_at = $2, updated_at = $2, \
                         end_state = 'pending', next_attempt_at = $2 \
                         WHERE twitch_id = $1 AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "UPDATE streamers SET live_stream_id = NULL, last_offline_at = $2, updated_at = $2 \
                         WHERE twitch_id = $1",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                StreamEvent::Updated {
                    twitch_id,
                    title,
                    game_name,
                } => {
                    sqlx::query(
                        "UPDATE streamers SET title = $2, game_name = $3, updated_at = $4 WHERE twitch_id = $1",
                    )
                    .bind(twitch_id)
                    .bind(title)
                    .bind(game_name)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    // Live messages show the new title or game, at most
                    // once a minute each.
                    sqlx::query(
                        "UPDATE notification_log SET refresh_due_at = CASE \
                         WHEN edited_at IS NOT NULL AND edited_at + 60000 > $2 THEN edited_at + 60000 \
                         ELSE $2 END, next_attempt_at = CASE \
                         WHEN edited_at IS NOT NULL AND edited_at + 60000 > $2 THEN edited_at + 60000 \
                         ELSE $2 END, updated_at = $2 \
                         WHERE twitch_id = $1 AND state = 'sent' AND ended_at IS NULL",
                    )
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            Ok(Applied::Recorded { queued })
        })
    }
}
