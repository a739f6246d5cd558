//! "Did you mean": the message for an unknown variable, with the closest
//! known one (after normalising, by alias, by words, by edit distance in chars).

use strsim::levenshtein;

use super::vars::{VARIABLES, Var};

/// What to tell an admin about `{name}`, which is no variable.
pub(super) fn unknown_variable_message(name: &str) -> String {
    if name.trim().is_empty() {
        return "empty braces `{}`: put a variable name inside, or write `{{}}` for literal braces"
            .to_owned();
    }
    let hint = match suggest(name) {
        Some(s) => format!("did you mean {{{s}}}?"),
        None => format!(
            "available variables: {}",
            VARIABLES
                .iter()
                .map(|v| format!("{{{v}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("unknown variable {{{name}}}: {hint} (write `{{{{` and `}}}}` for literal braces)")
}

const ALIASES: &[(&str, &str)] = &[
    ("name", "streamer_display_name"),
    ("user", "streamer_display_name"),
    ("username", "streamer_display_name"),
    ("role", "mention"),
    ("ping", "mention"),
    ("link", "stream_url"),
    ("time", "started_at"),
    ("category", "game_name"),
];

/// Closest known variable: exact after normalising, alias, all words present, edit distance.
fn suggest(name: &str) -> Option<&'static str> {
    let norm = name.trim().to_lowercase().replace([' ', '-'], "_");
    if let Some(var) = Var::from_name(&norm) {
        return Some(var.name());
    }
    if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| *alias == norm) {
        return Some(target);
    }
    let words: Vec<&str> = norm.split('_').filter(|w| !w.is_empty()).collect();
    let closest = |candidates: &mut dyn Iterator<Item = &&'static str>| {
        candidates
            .min_by_key(|known| levenshtein(&norm, known))
            .copied()
    };
    let by_words = closest(
        &mut VARIABLES
            .iter()
            .filter(|known| !words.is_empty() && words.iter().all(|w| word_in(w, known))),
    );
    by_words.or_else(|| {
        closest(&mut VARIABLES.iter())
            .filter(|known| levenshtein(&norm, known) <= known.len().max(norm.len()) / 2)
    })
}

/// Whether `word` is (nearly) one of the underscore-separated words of `known`.
fn word_in(word: &str, known: &str) -> bool {
    known.split('_').any(|k| {
        k == word || (word.len() >= 3 && (k.starts_with(word) || levenshtein(word, k) <= 1))
    })
}

#[cfg(test)]
mod tests {
    use crate::notify::template::test_support::{errors, only_content};

    #[test]
    fn unknown_variable_is_named_with_a_suggestion() {
        let errs = errors(&only_content(
            "Hi {streamer_name}! {viewers} {zzzzzzzzzzzz}",
        ));
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs.iter().all(|e| e.location == "content"));
        assert!(errs[0].message.contains("{streamer_name}"));
        assert!(
            errs[0]
                .message
                .contains("did you mean {streamer_display_name}?")
        );
        assert!(errs[1].message.contains("did you mean {viewer_count}?"));
        assert!(errs[2].message.contains("available variables"));
    }
}
