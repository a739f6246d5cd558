//! The stream a streamer is already live with when a route to them is
//! added: one outbox row for that route alone, marked `quiet` (it pings
//! nobody), delivered, refreshed and ended like any go-live's row.

use super::{Db, StoreResult, WriteTx, on_db};

/// One quiet pending row for route `$1` and stream `$2` (started at `$3`),
/// queued at `$4`, when the route and its server are enabled, the route
/// has a channel (one without is left to `/setup`, not flagged by a post
/// that can't go anywhere), and no older route of the server posts this
/// streamer to the same channel (as `ENQUEUE_ONLINE` decides). Not when
/// what we recorded says the stream is over: an offline received after it
/// started, or a later stream since (compared by id first: `stream.online`
/// times carry fractions of a second that Get Streams drops).
const ENQUEUE_CURRENT: &str = "INSERT INTO notification_log (route_id, guild_id, twitch_id, \
     stream_id, next_attempt_at, created_at, updated_at, stream_started_at, quiet) \
     SELECT r.id, r.guild_id, r.twitch_id, $2, $4, $4, $4, $3, TRUE FROM routes r \
     JOIN guild_config gc ON gc.guild_id = r.guild_id \
     JOIN streamers s ON s.twitch_id = r.twitch_id \
     WHERE r.id = $1 AND r.enabled AND gc.enabled \
     AND COALESCE(r.channel_id, gc.channel_id) IS NOT NULL \
     AND (s.last_offline_at IS NULL OR s.last_offline_at < $3) \
     AND (s.live_stream_id = $2 OR s.live_since IS NULL OR s.live_since <= $3) \
     AND NOT EXISTS (SELECT 1 FROM routes o WHERE o.guild_id = r.guild_id \
     AND o.twitch_id = r.twitch_id AND o.id < r.id AND o.enabled \
     AND COALESCE(o.channel_id, gc.channel_id) = COALESCE(r.channel_id, gc.channel_id)) \
     ON CONFLICT (route_id, stream_id) DO NOTHING";

/// The streamer of route `$1` is live with stream `$2` since `$3`, when
/// nothing recorded says otherwise (nobody followed them when it started,
/// so no `stream.online` told us). Their events' order guard is left as
/// it is: the next `stream.online` or `stream.offline` applies as usual.
const RECORD_LIVE: &str = "UPDATE streamers SET live_stream_id = $2, live_since = $3, \
     updated_at = $4 WHERE twitch_id = (SELECT twitch_id FROM routes WHERE id = $1) \
     AND live_stream_id IS NULL \
     AND (last_offline_at IS NULL OR last_offline_at < $3) \
     AND (live_since IS NULL OR live_since <= $3)";

impl Db {
    /// Queues the stream the route's streamer is live with right now
    /// (`stream_id`, started at `started_at`) for this route alone, pinging
    /// nobody, and records them live if nothing said so yet. Returns
    /// whether a row was queued: not when the route or server is paused,
    /// the route has no channel yet, the route already has a row for this stream (its go-live came
    /// first), or the stream is known to be over.
    pub async fn enqueue_current_stream(
        &self,
        route_id: i64,
        stream_id: &str,
        started_at: i64,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let queued = sqlx::query(ENQUEUE_CURRENT)
                .bind(route_id)
                .bind(stream_id)
                .bind(started_at)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            sqlx::query(RECORD_LIVE)
                .bind(route_id)
                .bind(stream_id)
                .bind(started_at)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(queued)
        })
    }
}
