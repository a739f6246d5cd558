//! Single-use signed links: the nonce of a link that has been used.

use super::{Db, StoreResult, on_db};

impl Db {
    /// Spends a link's nonce; returns false if it was spent before.
    pub async fn use_link_token(
        &self,
        nonce: &str,
        expires_at: i64,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "INSERT INTO used_link_tokens (nonce, used_at, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (nonce) DO NOTHING",
            )
            .bind(nonce)
            .bind(now)
            .bind(expires_at)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Has this link been used?
    pub async fn link_token_used(&self, nonce: &str) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let used: Option<i64> =
                sqlx::query_scalar("SELECT used_at FROM used_link_tokens WHERE nonce = $1")
                    .bind(nonce)
                    .fetch_optional(pool)
                    .await?;
            Ok(used.is_some())
        })
    }

    /// Forgets nonces of links that have expired (they fail on expiry anyway).
    pub async fn forget_expired_link_tokens(&self, now: i64) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM used_link_tokens WHERE expires_at < $1")
                .bind(now)
                .execute(pool)
                .await?;
            Ok(result.rows_affected())
        })
    }
}
