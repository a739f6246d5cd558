//! One claimed row, one step: the step is read from the row
//! ([`OutboxItem::step`]), taken, and the row released with its outcome.

use tracing::Instrument as _;

use super::{
    Outcome, announce,
    edits::{end, refresh},
    job::Job,
    loaded::{Details, Loaded},
};
use crate::{
    state::AppState,
    store::{Lease, OutboxItem, Step, Transition},
};

pub async fn deliver_one(
    state: &AppState,
    lease: Lease,
    item: OutboxItem,
    details: &Details,
    loaded: Option<Loaded>,
) -> Outcome {
    let span = tracing::info_span!("deliver", guild.id = %item.guild_id, route.id = item.route_id, streamer.id = %item.twitch_id, stream.id = %item.stream_id);
    let job = Job { state, lease, item };
    let step = async {
        let result = match job.item.step() {
            Step::Announce => announce::announce(&job, details, loaded).await,
            Step::End => end(&job, loaded).await,
            Step::Refresh => refresh(&job, &details.live_now, loaded).await,
            Step::Done => job.release(Transition::Ended, Outcome::Skipped).await,
        };
        result.unwrap_or_else(|e| {
            tracing::warn!(
                error = format!("{e:#}"),
                "delivery step failed; the row will be retried after its lease"
            );
            Outcome::Error
        })
    };
    // Instrumented, not entered: an entered span held across awaits leaks
    // into whatever else runs on the thread meanwhile.
    step.instrument(span).await
}
