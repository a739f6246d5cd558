//! EventSub message ids already handled: Twitch delivers at least once and a
//! resend keeps its id. Kept in the database so the record survives restarts
//! and is shared by concurrent instances.

use super::{Db, StoreResult, on_db};

impl Db {
    /// Remembers a message id; returns false if it was already remembered.
    pub async fn remember_eventsub_message(&self, message_id: &str, now: i64) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "INSERT INTO eventsub_messages (message_id, received_at) VALUES ($1, $2) \
                 ON CONFLICT (message_id) DO NOTHING",
            )
            .bind(message_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Forgets ids received before `cutoff` (older messages fail the replay
    /// window anyway); returns how many were removed.
    pub async fn forget_eventsub_messages_before(&self, cutoff: i64) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM eventsub_messages WHERE received_at < $1")
                .bind(cutoff)
                .execute(pool)
                .await?;
            Ok(result.rows_affected())
        })
    }
}
