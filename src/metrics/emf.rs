//! CloudWatch's embedded metric format: on Lambda the counters go out as a
//! log line that CloudWatch turns into metrics, since nothing scrapes a
//! Lambda environment. Each flush carries what the counters gained since
//! the previous one.
//!
//! One metric per counter and label set, named after the counter without
//! its prefix and `_total`, then the label values in order:
//! `deliveries.sent`, `eventsub_messages.notification.stream.online.accepted`,
//! `discord_rate_limited.shared`. All in the `StreamMaxing` namespace with no
//! dimension, as the alarm's `OldestUndeliveredSeconds` always was.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use serde_json::{Map, Value, json};

use super::{Metrics, PREFIX, exposition};

pub const NAMESPACE: &str = "StreamMaxing";

/// CloudWatch takes at most 100 metrics per directive.
const PER_DIRECTIVE: usize = 100;

/// The counters as of the last flush, and when it was.
#[derive(Default)]
pub struct Flushed(Mutex<State>);

#[derive(Default)]
struct State {
    counted: HashMap<String, f64>,
    at: Option<Instant>,
}

/// A figure that goes out as it is (a gauge read for this flush).
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    pub name: &'a str,
    pub value: f64,
    pub unit: &'a str,
}

impl Metrics {
    /// The counters that grew since the last flush and `figures`, as one
    /// EMF line stamped `now_ms`; `None` when there is nothing to say, or
    /// when the last flush was less than `at_most_every` ago and `figures`
    /// is empty (what grew meanwhile goes out with the next flush).
    pub fn emf_flush(
        &self,
        now_ms: i64,
        figures: &[Figure<'_>],
        at_most_every: Duration,
    ) -> Option<String> {
        let mut state = self.flushed.0.lock().unwrap_or_else(|e| e.into_inner());
        if figures.is_empty() && state.at.is_some_and(|at| at.elapsed() < at_most_every) {
            return None;
        }
        let parsed = exposition::parse(&self.render()).ok()?;
        let mut grew = Vec::new();
        for sample in &parsed.samples {
            let Some(family) = sample.name.strip_suffix("_total") else {
                continue;
            };
            if parsed.kind(family) != Some("counter") {
                continue;
            }
            let name = emf_name(family, sample);
            let before = state.counted.insert(name.clone(), sample.value);
            let gained = sample.value - before.unwrap_or(0.0);
            if gained > 0.0 {
                grew.push((name, gained));
            }
        }
        if grew.is_empty() && figures.is_empty() {
            return None;
        }
        state.at = Some(Instant::now());
        drop(state);
        let mut line = Map::new();
        let mut definitions: Vec<Value> = Vec::new();
        for (name, gained) in grew {
            definitions.push(json!({"Name": name, "Unit": "Count"}));
            // Counters move in whole steps.
            line.insert(name, json!(gained.round() as u64));
        }
        for f in figures {
            definitions.push(json!({"Name": f.name, "Unit": f.unit}));
            line.insert(f.name.to_owned(), json!(f.value));
        }
        let directives: Vec<Value> = definitions
            .chunks(PER_DIRECTIVE)
            .map(|metrics| json!({"Namespace": NAMESPACE, "Dimensions": [[]], "Metrics": metrics}))
            .collect();
        line.insert(
            "_aws".into(),
            json!({"Timestamp": now_ms, "CloudWatchMetrics": directives}),
        );
        Some(Value::Object(line).to_string())
    }
}

fn emf_name(family: &str, sample: &exposition::Sample) -> String {
    let mut name = family
        .strip_prefix(PREFIX)
        .and_then(|n| n.strip_prefix('_'))
        .unwrap_or(family)
        .to_owned();
    for (_, value) in &sample.labels {
        if !value.is_empty() {
            name.push('.');
            name.push_str(value);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{DeliveryOutcome, EventSubOutcome};

    fn line(m: &Metrics, figures: &[Figure<'_>], every: Duration) -> Option<Value> {
        m.emf_flush(1_700_000_000_000, figures, every)
            .map(|l| serde_json::from_str(&l).expect("one JSON object"))
    }

    #[test]
    fn a_flush_is_one_emf_line_of_what_grew_since_the_last() {
        let m = Metrics::new();
        for _ in 0..3 {
            m.delivery(DeliveryOutcome::Sent);
        }
        m.delivery(DeliveryOutcome::Retried);
        m.eventsub("notification", "stream.online", EventSubOutcome::Accepted);
        m.discord_rate_limited("shared");
        let oldest = Figure {
            name: "OldestUndeliveredSeconds",
            value: 4.0,
            unit: "Seconds",
        };
        let first = line(&m, &[oldest], Duration::ZERO).expect("a line");
        let directive = &first["_aws"]["CloudWatchMetrics"][0];
        assert_eq!(first["_aws"]["Timestamp"], 1_700_000_000_000_i64);
        assert_eq!(directive["Namespace"], "StreamMaxing");
        assert_eq!(directive["Dimensions"], json!([[]]));
        let mut names: Vec<(String, String)> = directive["Metrics"]
            .as_array()
            .expect("metrics")
            .iter()
            .map(|d| {
                (
                    d["Name"].as_str().unwrap().to_owned(),
                    d["Unit"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        names.sort();
        let count = |n: &str| (n.to_owned(), "Count".to_owned());
        assert_eq!(
            names,
            vec![
                ("OldestUndeliveredSeconds".to_owned(), "Seconds".to_owned()),
                count("deliveries.retried"),
                count("deliveries.sent"),
                count("discord_rate_limited.shared"),
                count("eventsub_messages.notification.stream.online.accepted"),
            ]
        );
        assert_eq!(first["deliveries.sent"], 3.0);
        assert_eq!(first["deliveries.retried"], 1.0);
        assert_eq!(first["OldestUndeliveredSeconds"], 4.0);

        // The next flush carries only what grew since.
        m.delivery(DeliveryOutcome::Sent);
        let second = line(&m, &[], Duration::ZERO).expect("a line");
        assert_eq!(second["deliveries.sent"], 1.0);
        assert!(second.get("deliveries.retried").is_none());
        assert_eq!(
            second["_aws"]["CloudWatchMetrics"][0]["Metrics"],
            json!([{"Name": "deliveries.sent", "Unit": "Count"}])
        );
        assert!(line(&m, &[], Duration::ZERO).is_none(), "nothing grew");
    }

    #[test]
    fn counters_wait_for_the_interval_but_figures_do_not() {
        let m = Metrics::new();
        m.delivery(DeliveryOutcome::Sent);
        assert!(line(&m, &[], Duration::from_secs(60)).is_some());
        m.delivery(DeliveryOutcome::Sent);
        assert!(line(&m, &[], Duration::from_secs(60)).is_none());
        let depth = Figure {
            name: "OutboxPending",
            value: 0.0,
            unit: "Count",
        };
        let with_figure = line(&m, &[depth], Duration::from_secs(60)).expect("a line");
        assert_eq!(with_figure["deliveries.sent"], 1.0, "kept for this flush");
    }

    #[test]
    fn more_than_a_hundred_metrics_split_into_directives() {
        let m = Metrics::new();
        for i in 0..120 {
            m.interaction("command", &format!("c{i}"), "ok", Duration::ZERO);
        }
        let l = line(&m, &[], Duration::ZERO).expect("a line");
        let directives = l["_aws"]["CloudWatchMetrics"].as_array().unwrap();
        assert_eq!(directives.len(), 2);
        assert_eq!(directives[0]["Metrics"].as_array().unwrap().len(), 100);
        assert_eq!(l["interactions.command.c7.ok"], 1.0);
    }
}
