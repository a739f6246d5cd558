//! Template strings into segments: literal text and variables. Parsing
//! never fails: bad syntax renders literally and is reported as an issue.

use super::suggest::unknown_variable_message;
use super::vars::Var;

/// A syntax problem, kept as data: its message (with the "did you mean"
/// search) is written only for the problems an admin is shown
/// ([`validate`](fn@super::validate) reports a bounded number), never
/// while rendering.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Issue {
    /// `{name}` where `name` is no variable.
    UnknownVariable(String),
    /// A `{` that is never closed.
    Unclosed,
}

impl Issue {
    /// What to tell the admin, and whether it lists the variables:
    /// `list_variables` adds the list of every variable when no close one
    /// is found (once per report is enough).
    pub(super) fn message(&self, list_variables: bool) -> (String, bool) {
        match self {
            Issue::UnknownVariable(name) => unknown_variable_message(name, list_variables),
            Issue::Unclosed => (
                "a `{` is never closed: close the variable with `}`, or write `{{` for a literal brace"
                    .to_owned(),
                false,
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Segment {
    Text(String),
    Var(Var),
}

/// A parsed template string: segments to render, and syntax problems found.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub segments: Vec<Segment>,
    pub issues: Vec<Issue>,
}

impl Parsed {
    fn push_text(&mut self, text: &str) {
        match self.segments.last_mut() {
            Some(Segment::Text(t)) => t.push_str(text),
            _ if text.is_empty() => {}
            _ => self.segments.push(Segment::Text(text.to_owned())),
        }
    }
}

/// Parses a template string. Never fails: bad syntax renders literally and is
/// reported in `issues`.
pub(super) fn parse(src: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut rest = src;
    while let Some(i) = rest.find(['{', '}']) {
        p.push_text(&rest[..i]);
        let tail = &rest[i..];
        let doubled = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}"));
        rest = if let Some(after) = doubled {
            p.push_text(&tail[..1]);
            after
        } else if let Some(after) = tail.strip_prefix('}') {
            p.push_text("}");
            after
        } else {
            parse_placeholder(&mut p, &tail[1..])
        };
    }
    p.push_text(rest);
    p
}

/// Handles what follows a single `{`; returns the unparsed remainder.
fn parse_placeholder<'a>(p: &mut Parsed, body: &'a str) -> &'a str {
    match body.find(['}', '{', '\n']) {
        Some(j) if body[j..].starts_with('}') => {
            let name = &body[..j];
            match Var::from_name(name) {
                Some(var) => p.segments.push(Segment::Var(var)),
                None => {
                    p.issues.push(Issue::UnknownVariable(name.to_owned()));
                    p.push_text(&format!("{{{name}}}"));
                }
            }
            &body[j + 1..]
        }
        _ => {
            p.issues.push(Issue::Unclosed);
            p.push_text("{");
            body
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::notify::template::test_support::{errors, only_content, typical};
    use crate::notify::template::{render, validate};

    #[test]
    fn unclosed_brace_and_empty_braces_are_errors() {
        assert_eq!(errors(&only_content("Live {stream_title")).len(), 1);
        assert!(
            errors(&only_content("Live {}"))[0]
                .message
                .contains("empty braces")
        );
    }

    #[test]
    fn double_braces_are_literal() {
        let t = only_content("{{stream_title}} = {stream_title} }}");
        assert_eq!(validate(&t), Ok(()));
        let r = render(&t, &typical(), "");
        assert_eq!(
            r.content,
            "{stream_title} = Ranked grind to Diamond! Come hang out }"
        );
    }
}
