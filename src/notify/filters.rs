//! Does a stream pass a route's filters? Games are compared by Twitch
//! category id; title words and phrases case-insensitively, as whole words
//! ("rerun" matches "RERUN!" and "a rerun today", never "reruns").

use crate::i18n::Lang;
use crate::store::{Category, RouteFilters};
use crate::tr;

/// At most this many games, and this many words, per list.
pub const MAX_PER_LIST: usize = 10;
/// The longest title word or phrase.
pub const MAX_WORD_CHARS: usize = 50;

/// Why a stream is not announced, in words an admin reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    /// Not one of the games the route is limited to.
    NotAWantedGame { game: String },
    /// A game the route skips.
    SkippedGame { game: String },
    /// The title has none of the words the route requires.
    TitleLacks,
    /// The title has a word the route skips.
    TitleHas { word: String },
}

impl Blocked {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NotAWantedGame { game } if game.is_empty() => tr!(lang, "blocked-no-category"),
            Self::NotAWantedGame { game } => tr!(lang, "blocked-not-a-wanted-game", game = game),
            Self::SkippedGame { game } => tr!(lang, "blocked-skipped-game", game = game),
            Self::TitleLacks => tr!(lang, "blocked-title-lacks"),
            Self::TitleHas { word } => tr!(lang, "blocked-title-has", word = word),
        }
    }
}

impl std::fmt::Display for Blocked {
    /// The reason in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The stream as filters see it.
#[derive(Debug, Clone, Copy)]
pub struct StreamFacts<'a> {
    pub title: &'a str,
    pub game_id: &'a str,
    pub game_name: &'a str,
}

/// `Ok` when the route announces this stream, else the first reason not to.
pub fn check(filters: &RouteFilters, s: StreamFacts<'_>) -> Result<(), Blocked> {
    let is = |c: &Category| !s.game_id.is_empty() && c.id == s.game_id;
    if !filters.games.is_empty() && !filters.games.iter().any(is) {
        return Err(Blocked::NotAWantedGame {
            game: s.game_name.to_owned(),
        });
    }
    if filters.skip_games.iter().any(is) {
        return Err(Blocked::SkippedGame {
            game: s.game_name.to_owned(),
        });
    }
    if !filters.title_has.is_empty() && !filters.title_has.iter().any(|w| has_word(s.title, w)) {
        return Err(Blocked::TitleLacks);
    }
    if let Some(word) = filters.title_skips.iter().find(|w| has_word(s.title, w)) {
        return Err(Blocked::TitleHas { word: word.clone() });
    }
    Ok(())
}

/// Does `text` contain `word` (a word or phrase) as whole words, ignoring
/// case? Letters and digits of any script make up words.
pub fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.trim().to_lowercase());
    if word.is_empty() {
        return false;
    }
    let joins = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let starts_word = !joins(before) || !word.starts_with(char::is_alphanumeric);
        let ends_word = !joins(after) || !word.ends_with(char::is_alphanumeric);
        starts_word && ends_word
    })
}

/// The filters in one line for `/streamers list` and the replies, in
/// `lang` (`None` when the route announces every stream).
pub fn describe_in(filters: &RouteFilters, lang: Lang) -> Option<String> {
    let names = |games: &[Category]| {
        games
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let words = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("“{w}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !filters.games.is_empty() {
        parts.push(tr!(
            lang,
            "route-filters-only",
            games = names(&filters.games)
        ));
    }
    if !filters.skip_games.is_empty() {
        parts.push(tr!(
            lang,
            "route-filters-not",
            games = names(&filters.skip_games)
        ));
    }
    if !filters.title_has.is_empty() {
        parts.push(tr!(
            lang,
            "route-filters-title-has",
            words = words(&filters.title_has)
        ));
    }
    if !filters.title_skips.is_empty() {
        parts.push(tr!(
            lang,
            "route-filters-title-without",
            words = words(&filters.title_skips)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn game(id: &str, name: &str) -> Category {
        Category {
            id: id.into(),
            name: name.into(),
        }
    }

    fn facts<'a>(title: &'a str, game_id: &'a str) -> StreamFacts<'a> {
        StreamFacts {
            title,
            game_id,
            game_name: "Just Chatting",
        }
    }

    #[test]
    fn words_match_whole_words_in_any_case() {
        assert!(has_word("RERUN! best of", "rerun"));
        assert!(has_word("a rerun today", "Rerun"));
        assert!(!has_word("reruns all day", "rerun"));
        assert!(!has_word("prerun", "rerun"));
        assert!(has_word("Ranked grind w/ friends", "ranked grind"));
        assert!(has_word("Über-Stream heute", "über"));
        assert!(!has_word("Überstream", "über"));
        assert!(has_word("!drops are on", "!drops"));
        assert!(!has_word("anything", "  "));
    }

    #[test]
    fn a_route_limited_to_a_game_waits_for_it() {
        let filters = RouteFilters {
            games: vec![game("516575", "VALORANT")],
            ..RouteFilters::default()
        };
        assert!(matches!(
            check(&filters, facts("hi", "509658")),
            Err(Blocked::NotAWantedGame { .. })
        ));
        assert_eq!(check(&filters, facts("hi", "516575")), Ok(()));
        // No category at all is not the wanted game either.
        assert!(check(&filters, facts("hi", "")).is_err());
    }

    #[test]
    fn skipped_games_and_words_block_and_required_words_let_through() {
        let filters = RouteFilters {
            skip_games: vec![game("509658", "Just Chatting")],
            title_has: vec!["ranked".into(), "tournament".into()],
            title_skips: vec!["rerun".into()],
            ..RouteFilters::default()
        };
        assert!(matches!(
            check(&filters, facts("ranked", "509658")),
            Err(Blocked::SkippedGame { .. })
        ));
        assert_eq!(
            check(&filters, facts("casual games", "1")),
            Err(Blocked::TitleLacks)
        );
        assert_eq!(
            check(&filters, facts("RANKED [rerun]", "1")),
            Err(Blocked::TitleHas {
                word: "rerun".into()
            })
        );
        assert_eq!(check(&filters, facts("Tournament day!", "1")), Ok(()));
        assert_eq!(check(&RouteFilters::default(), facts("", "")), Ok(()));
    }

    #[test]
    fn filters_read_as_one_line() {
        let filters = RouteFilters {
            games: vec![game("1", "VALORANT"), game("2", "CS2")],
            title_skips: vec!["rerun".into()],
            ..RouteFilters::default()
        };
        assert_eq!(
            describe_in(&filters, Lang::En).as_deref(),
            Some("only VALORANT, CS2 · title without “rerun”")
        );
        assert_eq!(
            describe_in(&filters, Lang::De).as_deref(),
            Some("nur VALORANT, CS2 · Titel ohne “rerun”")
        );
        assert_eq!(describe_in(&RouteFilters::default(), Lang::De), None);
        assert_eq!(
            Blocked::TitleHas {
                word: "rerun".into()
            }
            .text(Lang::Fr),
            "le titre contient « rerun », que cette route ignore"
        );
    }
}
