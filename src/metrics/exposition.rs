//! Reads the Prometheus/OpenMetrics text format back: the EMF flush diffs
//! what [`super::Metrics::render`] wrote, and tests check what a scrape
//! says the way Prometheus would read it.

use std::collections::HashMap;

/// One sample line: `name{label="value",…} value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub name: String,
    pub labels: Vec<(String, String)>,
    pub value: f64,
}

/// A parsed exposition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exposition {
    /// Metric family name → its `# TYPE` (counter, gauge, histogram, …).
    pub types: HashMap<String, String>,
    pub samples: Vec<Sample>,
}

impl Exposition {
    /// The family's type, if declared.
    pub fn kind(&self, family: &str) -> Option<&str> {
        self.types.get(family).map(String::as_str)
    }

    /// The sum of the samples named `name` that carry every label of
    /// `labels` (0 when none does).
    pub fn sum(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.samples
            .iter()
            .filter(|s| s.name == name && s.has(labels))
            .map(|s| s.value)
            .sum()
    }
}

impl Sample {
    pub fn has(&self, labels: &[(&str, &str)]) -> bool {
        labels
            .iter()
            .all(|(k, v)| self.labels.iter().any(|(lk, lv)| lk == k && lv == v))
    }

    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses the text format; an error names the line it could not read.
pub fn parse(text: &str) -> Result<Exposition, String> {
    let mut out = Exposition::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line == "# EOF" {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest
                .split_once(' ')
                .ok_or_else(|| format!("line {}: {line}", number + 1))?;
            out.types.insert(name.to_owned(), kind.trim().to_owned());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        out.samples
            .push(sample(line).ok_or_else(|| format!("line {}: {line}", number + 1))?);
    }
    Ok(out)
}

fn sample(line: &str) -> Option<Sample> {
    let name_end = line.find(['{', ' '])?;
    let name = line[..name_end].to_owned();
    let mut rest = &line[name_end..];
    let mut labels = Vec::new();
    if let Some(mut inner) = rest.strip_prefix('{') {
        loop {
            inner = inner.trim_start_matches([',', ' ']);
            if let Some(after) = inner.strip_prefix('}') {
                rest = after;
                break;
            }
            let (key, after) = inner.split_once("=\"")?;
            let mut value = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next()? {
                    (i, '"') => break i + 1,
                    (_, '\\') => match chars.next()?.1 {
                        'n' => value.push('\n'),
                        other => value.push(other),
                    },
                    (_, other) => value.push(other),
                }
            };
            labels.push((key.trim().to_owned(), value));
            inner = &after[end..];
        }
    }
    // The value, then perhaps a timestamp or an exemplar.
    let value = rest.split_whitespace().next()?;
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        v => v.parse().ok()?,
    };
    Some(Sample {
        name,
        labels,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_labels_values_and_types() {
        let text = "# HELP a_total A thing.\n# TYPE a counter\n\
                    a_total{x=\"1\",y=\"q\\\"uo,te}\"} 3\n\
                    b 2.5\n\
                    h_bucket{le=\"+Inf\"} 7\n# EOF\n";
        let e = parse(text).expect("parses");
        assert_eq!(e.kind("a"), Some("counter"));
        assert_eq!(e.samples.len(), 3);
        assert_eq!(e.samples[0].label("y"), Some("q\"uo,te}"));
        assert_eq!(e.sum("a_total", &[("x", "1")]), 3.0);
        assert_eq!(e.sum("a_total", &[("x", "2")]), 0.0);
        assert_eq!(e.sum("b", &[]), 2.5);
        assert_eq!(e.sum("h_bucket", &[("le", "+Inf")]), 7.0);
        assert!(parse("nonsense{").is_err());
    }
}
