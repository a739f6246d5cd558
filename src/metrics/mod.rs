//! The process's own figures: counters and latencies that every part of the
//! bot records as it works (an atomic increment each), rendered in the
//! Prometheus (OpenMetrics) text format for `GET /metrics` and, on Lambda,
//! flushed as CloudWatch embedded metric format lines ([`emf`]).
//!
//! The counters are this process's since it started. The figures read from
//! the database at scrape time (outbox depth, budget, routes needing
//! attention) are set into [`Gauges`] by the scrape itself.

pub mod emf;
pub mod exposition;

use std::time::Duration;

use prometheus_client::{
    encoding::EncodeLabelSet,
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{Histogram, exponential_buckets},
    },
    registry::Registry,
};

/// The prefix of every metric name.
pub const PREFIX: &str = "streammaxing";

/// The content type of [`Metrics::render`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InteractionLabels {
    kind: &'static str,
    command: String,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InteractionLatencyLabels {
    kind: &'static str,
    command: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventSubLabels {
    message_type: &'static str,
    subscription_type: &'static str,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ScopeLabel {
    scope: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EndpointLabel {
    endpoint: &'static str,
}

/// How an EventSub message was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum EventSubOutcome {
    /// Verified and acted on (recorded, answered, or acknowledged).
    Accepted,
    /// A message id already handled.
    Duplicate,
    /// A missing or wrong signature.
    Forged,
    /// Outside the replay window, or older than an event already applied.
    Stale,
    /// Signed, but a body or message type that could not be read.
    Malformed,
    /// Could not be recorded (the database); Twitch sends it again.
    Failed,
}

/// How one delivery step went, as counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DeliveryOutcome {
    Sent,
    Refreshed,
    Ended,
    Retried,
    Failed,
    Skipped,
    Held,
    /// The route's channel became unreachable (also counted as failed
    /// when it was a post).
    LostAccess,
}

/// The figures read from the database at scrape time.
#[derive(Default)]
pub struct Gauges {
    outbox_pending: Gauge,
    outbox_oldest_pending_seconds: Gauge,
    eventsub_budget_used: Gauge,
    eventsub_budget_max: Gauge,
    routes_needing_attention: Gauge,
}

/// What [`Gauges::set`] takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GaugeValues {
    pub outbox_pending: i64,
    /// 0 when nothing is pending.
    pub outbox_oldest_pending_seconds: i64,
    /// `None` until Twitch reported the budget.
    pub eventsub_budget: Option<(i64, i64)>,
    pub routes_needing_attention: i64,
}

/// Every counter of the process. Cheap to share behind an `Arc`.
pub struct Metrics {
    registry: Registry,
    interactions: Family<InteractionLabels, Counter>,
    interaction_seconds: Family<InteractionLatencyLabels, Histogram>,
    eventsub: Family<EventSubLabels, Counter>,
    deliveries: Family<OutcomeLabel, Counter>,
    discord_rate_limited: Family<ScopeLabel, Counter>,
    helix_requests: Family<EndpointLabel, Counter>,
    helix_errors: Family<EndpointLabel, Counter>,
    gauges: Gauges,
    /// The counters as of the last EMF flush.
    flushed: emf::Flushed,
}

fn latency_histogram() -> Histogram {
    // 5 ms … about 10 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 12))
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix(PREFIX);
        let interactions = Family::default();
        registry.register(
            "interactions",
            "Discord interactions answered, by kind, command and outcome",
            interactions.clone(),
        );
        let interaction_seconds =
            Family::<InteractionLatencyLabels, Histogram>::new_with_constructor(
                latency_histogram as fn() -> Histogram,
            );
        registry.register(
            "interaction_duration_seconds",
            "Time to the first answer of a Discord interaction, by kind and command",
            interaction_seconds.clone(),
        );
        let eventsub = Family::default();
        registry.register(
            "eventsub_messages",
            "Twitch EventSub messages received, by message type, subscription type and outcome",
            eventsub.clone(),
        );
        let deliveries = Family::default();
        registry.register(
            "deliveries",
            "Delivery steps finished, by outcome (sent, refreshed, ended, retried, failed, skipped, held, lost_access)",
            deliveries.clone(),
        );
        let discord_rate_limited = Family::default();
        registry.register(
            "discord_rate_limited",
            "429 answers from Discord, by scope (user, shared, global)",
            discord_rate_limited.clone(),
        );
        let helix_requests = Family::default();
        registry.register(
            "helix_requests",
            "Twitch Helix calls, by endpoint family",
            helix_requests.clone(),
        );
        let helix_errors = Family::default();
        registry.register(
            "helix_errors",
            "Twitch Helix calls that ended in an error, by endpoint family",
            helix_errors.clone(),
        );
        let gauges = Gauges::default();
        registry.register(
            "outbox_pending",
            "Notifications waiting to be delivered (from the database)",
            gauges.outbox_pending.clone(),
        );
        registry.register(
            "outbox_oldest_pending_seconds",
            "Age of the oldest undelivered notification, 0 when none (from the database)",
            gauges.outbox_oldest_pending_seconds.clone(),
        );
        registry.register(
            "eventsub_budget_used",
            "Twitch EventSub subscription cost used, as Twitch last reported it (from the database)",
            gauges.eventsub_budget_used.clone(),
        );
        registry.register(
            "eventsub_budget_max",
            "Twitch EventSub max_total_cost, as Twitch last reported it; 0 until reported (from the database)",
            gauges.eventsub_budget_max.clone(),
        );
        registry.register(
            "routes_needing_attention",
            "Alert routes stopped until a server admin acts (from the database)",
            gauges.routes_needing_attention.clone(),
        );
        Self {
            registry,
            interactions,
            interaction_seconds,
            eventsub,
            deliveries,
            discord_rate_limited,
            helix_requests,
            helix_errors,
            gauges,
            flushed: emf::Flushed::default(),
        }
    }

    /// One interaction answered: `kind` (command, autocomplete, component,
    /// modal), the command's name (empty for components and forms),
    /// `outcome` (ok, error, outside_server) and how long the answer took.
    pub fn interaction(
        &self,
        kind: &'static str,
        command: &str,
        outcome: &'static str,
        took: Duration,
    ) {
        // Discord signs the interaction, so names are the bot's own
        // commands; the cap keeps a label short whatever comes.
        let command: String = command.chars().take(32).collect();
        self.interactions
            .get_or_create(&InteractionLabels {
                kind,
                command: command.clone(),
                outcome,
            })
            .inc();
        self.interaction_seconds
            .get_or_create(&InteractionLatencyLabels { kind, command })
            .observe(took.as_secs_f64());
    }

    /// One EventSub message. `message_type` and `subscription_type` are
    /// normalised by the caller to a fixed set (unverified headers never
    /// become labels as sent).
    pub fn eventsub(
        &self,
        message_type: &'static str,
        subscription_type: &'static str,
        outcome: EventSubOutcome,
    ) {
        self.eventsub
            .get_or_create(&EventSubLabels {
                message_type,
                subscription_type,
                outcome: outcome.into(),
            })
            .inc();
    }

    pub fn delivery(&self, outcome: DeliveryOutcome) {
        self.deliveries
            .get_or_create(&OutcomeLabel {
                outcome: outcome.into(),
            })
            .inc();
    }

    /// A 429 from Discord; `scope` as its `X-RateLimit-Scope` says (user,
    /// shared, global).
    pub fn discord_rate_limited(&self, scope: &'static str) {
        self.discord_rate_limited
            .get_or_create(&ScopeLabel { scope })
            .inc();
    }

    /// One Helix call to `endpoint` (the path's first segment, e.g.
    /// `streams`, `eventsub`), and whether it failed.
    pub fn helix(&self, endpoint: &'static str, failed: bool) {
        let label = EndpointLabel { endpoint };
        self.helix_requests.get_or_create(&label).inc();
        if failed {
            self.helix_errors.get_or_create(&label).inc();
        }
    }

    /// Sets the database's figures, for the scrape that read them.
    pub fn set_gauges(&self, values: GaugeValues) {
        let g = &self.gauges;
        g.outbox_pending.set(values.outbox_pending);
        g.outbox_oldest_pending_seconds
            .set(values.outbox_oldest_pending_seconds);
        let (used, max) = values.eventsub_budget.unwrap_or((0, 0));
        g.eventsub_budget_used.set(used);
        g.eventsub_budget_max.set(max);
        g.routes_needing_attention
            .set(values.routes_needing_attention);
    }

    /// Everything, in the OpenMetrics text format (ending in `# EOF`).
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_render_with_their_labels() {
        let m = Metrics::new();
        m.delivery(DeliveryOutcome::Sent);
        m.delivery(DeliveryOutcome::Sent);
        m.eventsub("notification", "stream.online", EventSubOutcome::Accepted);
        m.interaction("command", "notify", "ok", Duration::from_millis(12));
        m.set_gauges(GaugeValues {
            outbox_pending: 3,
            ..GaugeValues::default()
        });
        let parsed = exposition::parse(&m.render()).expect("parses");
        assert_eq!(
            parsed.sum("streammaxing_deliveries_total", &[("outcome", "sent")]),
            2.0
        );
        assert_eq!(
            parsed.sum(
                "streammaxing_eventsub_messages_total",
                &[("message_type", "notification"), ("outcome", "accepted")]
            ),
            1.0
        );
        assert_eq!(
            parsed.sum(
                "streammaxing_interaction_duration_seconds_count",
                &[("command", "notify")]
            ),
            1.0
        );
        assert_eq!(parsed.sum("streammaxing_outbox_pending", &[]), 3.0);
        assert_eq!(
            parsed.kind("streammaxing_deliveries"),
            Some("counter"),
            "{:?}",
            parsed.types
        );
    }
}
