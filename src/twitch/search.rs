//! Search as you type: Twitch's Search Channels behind a short-lived cache
//! keyed by what was typed. Each keystroke is an autocomplete request; the
//! answer must reach Discord within 3 seconds whatever Twitch does. So a
//! search runs in the background and is shared by every request for the
//! same text; a request that can't wait for it answers from the longest
//! earlier text it extends (its results, filtered), and the next keystroke
//! finds the finished search in the cache.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use futures_util::{
    FutureExt,
    future::{BoxFuture, Shared},
};

use super::{Helix, types::FoundChannel};

/// How long a search's results are reused.
const FRESH: Duration = Duration::from_secs(60);
/// At most this many searches are remembered (expired ones go first;
/// beyond it, everything is forgotten: a cache, not a store).
const MAX_ENTRIES: usize = 1_000;
/// Results asked of Twitch per search.
const PER_SEARCH: u8 = 25;
/// Twitch logins are at most 25 characters; display names a little more.
const MAX_QUERY_CHARS: usize = 40;

/// `None` when the search failed (it is then not reused).
type Found = Option<Arc<Vec<FoundChannel>>>;

struct Entry {
    at: Instant,
    found: Shared<BoxFuture<'static, Found>>,
}

#[derive(Default)]
pub struct ChannelSearch {
    entries: Mutex<HashMap<String, Entry>>,
}

impl ChannelSearch {
    /// Channels matching `typed`, best first: Twitch's answer if it comes
    /// within `wait` (or is cached), otherwise what an earlier search for a
    /// prefix of `typed` found, filtered (possibly nothing).
    pub async fn find(&self, helix: &Arc<Helix>, typed: &str, wait: Duration) -> Vec<FoundChannel> {
        let query = normalize(typed);
        if query.is_empty() {
            return Vec::new();
        }
        let search = self.search(helix, &query);
        if let Ok(Some(found)) = tokio::time::timeout(wait, search).await {
            return found.as_ref().clone();
        }
        self.narrowed_prefix_results(&query)
    }

    /// The shared search for `query`: cached, or started now (it runs to the
    /// end in the background even if nobody waits for it).
    fn search(&self, helix: &Arc<Helix>, query: &str) -> Shared<BoxFuture<'static, Found>> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let usable =
            |e: &Entry| now.duration_since(e.at) < FRESH && !matches!(e.found.peek(), Some(None));
        if let Some(entry) = entries.get(query).filter(|e| usable(e)) {
            return entry.found.clone();
        }
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| usable(e));
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        let (helix, text) = (helix.clone(), query.to_owned());
        let found = async move {
            match helix.search_channels(&text, PER_SEARCH).await {
                Ok(found) => Some(Arc::new(found)),
                Err(e) => {
                    tracing::info!(error = %e, "channel search failed");
                    None
                }
            }
        }
        .boxed()
        .shared();
        tokio::spawn(found.clone());
        entries.insert(
            query.to_owned(),
            Entry {
                at: now,
                found: found.clone(),
            },
        );
        found
    }

    /// Results of the longest finished, fresh search for a prefix of
    /// `query`, narrowed to the channels whose name contains `query`.
    fn narrowed_prefix_results(&self, query: &str) -> Vec<FoundChannel> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let best = (1..query.len())
            .rev()
            .filter(|end| query.is_char_boundary(*end))
            .filter_map(|end| entries.get(&query[..end]))
            .filter(|e| now.duration_since(e.at) < FRESH)
            .find_map(|e| e.found.peek().cloned().flatten());
        best.map_or_else(Vec::new, |found| {
            found
                .iter()
                .filter(|c| {
                    c.broadcaster_login.contains(query)
                        || c.display_name.to_lowercase().contains(query)
                })
                .cloned()
                .collect()
        })
    }
}

/// What is searched for: lower case, trimmed, of a sane length, without the
/// `twitch.tv/` or `@` people paste.
pub fn normalize(typed: &str) -> String {
    let trimmed = typed.trim().trim_end_matches('/');
    let name = trimmed
        .rsplit_once("twitch.tv/")
        .map_or(trimmed, |(_, name)| name)
        .trim_start_matches('@');
    name.chars()
        .take(MAX_QUERY_CHARS)
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_paste_is_searched_as_the_name() {
        assert_eq!(normalize("  https://www.twitch.tv/Shroud/ "), "shroud");
        assert_eq!(normalize("@Ninja"), "ninja");
        assert_eq!(normalize(&"x".repeat(500)).len(), MAX_QUERY_CHARS);
        assert_eq!(normalize("   "), "");
    }
}
