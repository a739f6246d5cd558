//! "Did you mean": the message for an unknown variable, with the closest
//! known one (after normalising, by alias, by words, by edit distance in chars).

use strsim::levenshtein;

use super::vars::{VARIABLES, Var};

/// Names longer than this (in chars) get no "did you mean" search: the
/// longest variable is 21 chars, so a name more than 11 chars longer is no
/// typo of any, and the edit-distance search would only cost time.
pub(super) const SUGGEST_NAME_MAX: usize = 32;
/// How much of an unknown name a message repeats (in chars); the rest is
/// elided, so no message is much longer than its fixed text.
pub(super) const SHOWN_NAME_MAX: usize = 40;

/// What to tell an admin about `{name}`, which is no variable, and whether
/// the message lists the variables. With `list_variables`, a name with no
/// close variable gets the list of them all; without, a pointer to where
/// the list already is.
pub(super) fn unknown_variable_message(name: &str, list_variables: bool) -> (String, bool) {
    if name.trim().is_empty() {
        let message =
            "empty braces `{}`: put a variable name inside, or write `{{}}` for literal braces";
        return (message.to_owned(), false);
    }
    let suggestion = (name.chars().count() <= SUGGEST_NAME_MAX)
        .then(|| suggest(name))
        .flatten();
    let listed = suggestion.is_none() && list_variables;
    let hint = match suggestion {
        Some(s) => format!("did you mean {{{s}}}?"),
        None if list_variables => format!(
            "available variables: {}",
            VARIABLES
                .iter()
                .map(|v| format!("{{{v}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => "see the available variables in an earlier problem".to_owned(),
    };
    let shown = shorten(name);
    let message = format!(
        "unknown variable {{{shown}}}: {hint} (write `{{{{` and `}}}}` for literal braces)"
    );
    (message, listed)
}

/// `name`, or its first [`SHOWN_NAME_MAX`] chars and an ellipsis.
fn shorten(name: &str) -> String {
    match name.char_indices().nth(SHOWN_NAME_MAX) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_owned(),
    }
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

    #[test]
    fn long_unknown_names_are_shortened_and_get_no_search() {
        let long = "x".repeat(1000);
        let errs = errors(&only_content(&format!(
            "{{{long}}} {{streamer_display_nam}}"
        )));
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(
            errs[0]
                .message
                .starts_with(&format!("unknown variable {{{}…}}", "x".repeat(40))),
            "{}",
            errs[0].message
        );
        assert!(errs[0].message.len() < 400, "{}", errs[0].message);
        assert!(errs[0].message.contains("available variables"));
        assert!(
            errs[1]
                .message
                .contains("did you mean {streamer_display_name}?")
        );
        let padded = format!("streamer_display_name{}", "_".repeat(40));
        assert!(
            !errors(&only_content(&format!("{{{padded}}}")))[0]
                .message
                .contains("did you mean"),
            "a name too long to be a typo gets no suggestion"
        );
    }

    #[test]
    fn the_list_of_variables_is_given_once() {
        let errs = errors(&only_content("{zzzzzzzzzzzz} {qqqqqqqqqqqq}"));
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].message.contains("available variables"));
        assert!(
            !errs[1].message.contains("{streamer_login}"),
            "{}",
            errs[1].message
        );
        assert!(errs[1].message.contains("earlier problem"));
    }
}
