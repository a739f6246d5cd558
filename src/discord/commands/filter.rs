//! `/filter game|title|clear streamer: [channel:]`: which of a streamer's
//! streams a route announces. Games are Twitch categories (autocompleted
//! from Twitch, stored by id); title words are whole words, any case.
//! Checked at go-live and again whenever the title or game changes, so a
//! stream that switches to a wanted game is announced at the switch.

use twilight_interactions::command::{CommandModel, CommandOption, CreateCommand, CreateOption};
use twilight_model::{
    application::interaction::InteractionChannel, http::interaction::InteractionResponse,
};
use twilight_util::builder::embed::EmbedBuilder;

use super::target::{self, place};
use crate::{
    discord::{
        context::Ctx,
        reply::{self, Reply},
    },
    i18n::Lang,
    notify::filters::{self, MAX_PER_LIST, MAX_WORD_CHARS},
    store::{Category, RouteFilters},
    tr,
};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "filter",
    name_localizations = "cmd_filter_name",
    desc_localizations = "cmd_filter_desc",
    default_permissions = "super::manage_guild",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub enum Filter {
    #[command(name = "game")]
    Game(Game),
    #[command(name = "title")]
    Title(Title),
    #[command(name = "clear")]
    Clear(Clear),
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "game",
    name_localizations = "cmd_filter_game_name",
    desc_localizations = "cmd_filter_game_desc"
)]
pub struct Game {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
    #[command(
        autocomplete = true,
        max_length = 100,
        name_localizations = "opt_game_name",
        desc_localizations = "opt_filter_game_desc"
    )]
    pub game: String,
    #[command(
        name_localizations = "opt_rule_name",
        desc_localizations = "opt_filter_game_rule_desc"
    )]
    pub rule: GameRule,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_route_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum GameRule {
    #[option(
        name = "Only announce streams in this game",
        name_localizations = "choice_filter_game_only",
        value = "only"
    )]
    Only,
    #[option(
        name = "Never announce streams in this game",
        name_localizations = "choice_filter_game_skip",
        value = "skip"
    )]
    Skip,
    #[option(
        name = "Remove this game's rule",
        name_localizations = "choice_filter_game_remove",
        value = "remove"
    )]
    Remove,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "title",
    name_localizations = "cmd_filter_title_name",
    desc_localizations = "cmd_filter_title_desc"
)]
pub struct Title {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
    #[command(
        min_length = 1,
        max_length = 200,
        name_localizations = "opt_words_name",
        desc_localizations = "opt_filter_words_desc"
    )]
    pub words: String,
    #[command(
        name_localizations = "opt_rule_name",
        desc_localizations = "opt_filter_title_rule_desc"
    )]
    pub rule: TitleRule,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_route_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum TitleRule {
    #[option(
        name = "Only announce titles with one of these",
        name_localizations = "choice_filter_title_has",
        value = "has"
    )]
    Has,
    #[option(
        name = "Never announce titles with any of these",
        name_localizations = "choice_filter_title_skip",
        value = "skip"
    )]
    Skip,
    #[option(
        name = "Remove these words' rules",
        name_localizations = "choice_filter_title_remove",
        value = "remove"
    )]
    Remove,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "clear",
    name_localizations = "cmd_filter_clear_name",
    desc_localizations = "cmd_filter_clear_desc"
)]
pub struct Clear {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_route_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

crate::names! {
    choice_filter_game_only => "choice-filter-game-only",
    choice_filter_game_remove => "choice-filter-game-remove",
    choice_filter_game_skip => "choice-filter-game-skip",
    choice_filter_title_has => "choice-filter-title-has",
    choice_filter_title_remove => "choice-filter-title-remove",
    choice_filter_title_skip => "choice-filter-title-skip",
    cmd_filter_clear_name => "cmd-filter-clear-name",
    cmd_filter_game_name => "cmd-filter-game-name",
    cmd_filter_name => "cmd-filter-name",
    cmd_filter_title_name => "cmd-filter-title-name",
    opt_channel_name => "opt-channel-name",
    opt_game_name => "opt-game-name",
    opt_rule_name => "opt-rule-name",
    opt_streamer_name => "opt-streamer-name",
    opt_words_name => "opt-words-name",
}

crate::descriptions! {
    cmd_filter_clear_desc => "cmd-filter-clear-desc",
    cmd_filter_desc => "cmd-filter-desc",
    cmd_filter_game_desc => "cmd-filter-game-desc",
    cmd_filter_title_desc => "cmd-filter-title-desc",
    opt_filter_game_desc => "opt-filter-game-desc",
    opt_filter_game_rule_desc => "opt-filter-game-rule-desc",
    opt_filter_title_rule_desc => "opt-filter-title-rule-desc",
    opt_filter_words_desc => "opt-filter-words-desc",
    opt_route_channel_desc => "opt-route-channel-desc",
    opt_streamer_desc => "opt-streamer-desc",
}

/// A choice's value for a category: `id:name`, so the command needs no
/// second lookup.
pub fn category_value(c: &Category) -> String {
    let value = format!("{}:{}", c.id, c.name);
    value.chars().take(100).collect()
}

fn parse_category_value(value: &str) -> Option<Category> {
    let (id, name) = value.split_once(':')?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty()).then(|| {
        Category {
            id: id.to_owned(),
            name: name.to_owned(),
        }
    })
}

pub async fn run(ctx: &Ctx, cmd: Filter) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let (streamer, channel) = match &cmd {
        Filter::Game(g) => (&g.streamer, g.channel.as_ref()),
        Filter::Title(t) => (&t.streamer, t.channel.as_ref()),
        Filter::Clear(c) => (&c.streamer, c.channel.as_ref()),
    };
    let routes = match target::routes(ctx, streamer, channel).await? {
        Ok(routes) => routes,
        Err(reply) => return Ok(reply),
    };
    let change: Box<dyn Fn(&mut RouteFilters) + Send + Sync> = match cmd {
        Filter::Game(g) => {
            let Some(category) = category(ctx, &g.game).await? else {
                return Ok(reply::ephemeral(tr!(
                    ctx.lang,
                    "filter-unknown-category",
                    game = reply::escape(g.game.trim())
                )));
            };
            Box::new(move |f: &mut RouteFilters| game_rule(f, &category, g.rule))
        }
        Filter::Title(t) => {
            let words = match words(ctx.lang, &t.words) {
                Ok(words) => words,
                Err(why) => return Ok(reply::ephemeral(why)),
            };
            Box::new(move |f: &mut RouteFilters| title_rule(f, &words, t.rule))
        }
        Filter::Clear(_) => Box::new(|f: &mut RouteFilters| *f = RouteFilters::default()),
    };
    let config = ctx.guild_config().await?;
    let mut lines = Vec::new();
    for t in &routes {
        let Some(saved) = ctx
            .state
            .db
            .edit_filters(t.route.id, |f| change(f), ctx.now())
            .await?
        else {
            continue;
        };
        lines.push(format!(
            "→ {}: {}",
            place(ctx.lang, &config, t),
            filters::describe_in(&saved, ctx.lang).unwrap_or_else(|| tr!(ctx.lang, "filter-none"))
        ));
    }
    let embed = EmbedBuilder::new()
        .title(tr!(
            ctx.lang,
            "filter-title",
            streamer = reply::escape(&routes[0].streamer.display_name)
        ))
        .color(reply::COLOR_OK)
        .description(format!(
            "{}\n\n{}",
            lines.join("\n"),
            tr!(ctx.lang, "filter-explained")
        ))
        .build();
    Ok(Reply::embed(embed).into_response())
}

/// Adds or removes one game on the route's lists (a game is on one list
/// at most), keeping each list within [`MAX_PER_LIST`].
fn game_rule(f: &mut RouteFilters, category: &Category, rule: GameRule) {
    f.games.retain(|g| g.id != category.id);
    f.skip_games.retain(|g| g.id != category.id);
    let list = match rule {
        GameRule::Only => &mut f.games,
        GameRule::Skip => &mut f.skip_games,
        GameRule::Remove => return,
    };
    if list.len() < MAX_PER_LIST {
        list.push(category.clone());
    }
}

/// Adds or removes words on the route's lists, the same way.
fn title_rule(f: &mut RouteFilters, words: &[String], rule: TitleRule) {
    let same = |a: &String, b: &String| a.to_lowercase() == b.to_lowercase();
    for word in words {
        f.title_has.retain(|w| !same(w, word));
        f.title_skips.retain(|w| !same(w, word));
        let list = match rule {
            TitleRule::Has => &mut f.title_has,
            TitleRule::Skip => &mut f.title_skips,
            TitleRule::Remove => continue,
        };
        if list.len() < MAX_PER_LIST {
            list.push(word.clone());
        }
    }
}

/// The words typed, split on commas, or what is wrong with them (in
/// `lang`).
fn words(lang: Lang, typed: &str) -> Result<Vec<String>, String> {
    let words: Vec<String> = typed
        .split(',')
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(tr!(lang, "filter-words-none"));
    }
    if words.len() > MAX_PER_LIST {
        return Err(tr!(
            lang,
            "filter-words-too-many",
            count = words.len(),
            max = MAX_PER_LIST
        ));
    }
    if let Some(long) = words.iter().find(|w| w.chars().count() > MAX_WORD_CHARS) {
        return Err(tr!(
            lang,
            "filter-word-too-long",
            word = reply::escape(&long.chars().take(60).collect::<String>()),
            max = MAX_WORD_CHARS
        ));
    }
    Ok(words)
}

/// The category an option names: a choice from the list, or typed text
/// looked up on Twitch (the exact name, else the best match).
async fn category(ctx: &Ctx, typed: &str) -> anyhow::Result<Option<Category>> {
    if let Some(category) = parse_category_value(typed) {
        return Ok(Some(category));
    }
    let Some(helix) = ctx.state.twitch.as_deref() else {
        return Ok(None);
    };
    let found = helix.search_categories(typed.trim(), 10).await?;
    let exact = found
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(typed.trim()));
    Ok(exact.or(found.first()).map(|c| Category {
        id: c.id.clone(),
        name: c.name.clone(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn game(id: &str) -> Category {
        Category {
            id: id.into(),
            name: format!("game {id}"),
        }
    }

    #[test]
    fn a_game_moves_between_lists_and_goes() {
        let mut f = RouteFilters::default();
        game_rule(&mut f, &game("1"), GameRule::Only);
        game_rule(&mut f, &game("1"), GameRule::Only);
        assert_eq!(f.games, vec![game("1")]);
        game_rule(&mut f, &game("1"), GameRule::Skip);
        assert!(f.games.is_empty());
        assert_eq!(f.skip_games, vec![game("1")]);
        game_rule(&mut f, &game("1"), GameRule::Remove);
        assert!(f.is_empty());
    }

    #[test]
    fn words_split_on_commas_and_lists_stay_short() {
        assert_eq!(
            words(Lang::En, " rerun ,  re  upload,,").unwrap(),
            vec!["rerun".to_owned(), "re upload".to_owned()]
        );
        assert!(words(Lang::En, " , ").is_err());
        assert!(words(Lang::En, &"w,".repeat(11)).is_err());
        let mut f = RouteFilters::default();
        title_rule(&mut f, &["Rerun".into()], TitleRule::Skip);
        title_rule(&mut f, &["rerun".into()], TitleRule::Skip);
        assert_eq!(f.title_skips, vec!["rerun".to_owned()]);
        title_rule(&mut f, &["RERUN".into()], TitleRule::Remove);
        assert!(f.is_empty());
    }

    #[test]
    fn a_chosen_category_carries_its_id_and_name() {
        let c = Category {
            id: "516575".into(),
            name: "VALORANT: Act 2".into(),
        };
        assert_eq!(parse_category_value(&category_value(&c)), Some(c));
        assert_eq!(parse_category_value("valorant"), None);
        assert_eq!(parse_category_value("abc:def"), None);
    }
}
