//! Keeping text we did not write from pinging or formatting: markdown
//! escapes, defused mentions, and the zero-width space that stops Twitch text
//! from completing a ping the template began.

/// Zero-width space: breaks `@everyone`, `<@123>` and the like without showing.
pub(super) const ZWSP: char = '\u{200B}';

/// Where a text ends up, which decides escaping and timestamp rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    /// Markdown and `<t:…>` tags render: content, description, field values.
    Rich,
    /// Markdown renders, timestamp tags do not: title, field names.
    Heading,
    /// Nothing renders: author name, footer, button labels.
    Plain,
    /// A URL: Twitch text is percent-encoded, URLs inserted as is.
    Url,
}

/// Escapes Twitch text: markdown (in markdown contexts) with backslashes,
/// mentions with a zero-width space after `@` and `<`, control chars to spaces,
/// bidi overrides removed (they could reverse the template text that follows).
pub(super) fn escape(raw: &str, ctx: Ctx) -> String {
    escape_with(raw, matches!(ctx, Ctx::Rich | Ctx::Heading))
}

/// [`escape`] without the markdown: for URLs shown as text.
pub(super) fn escape_mentions(raw: &str) -> String {
    escape_with(raw, false)
}

fn escape_with(raw: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '@' | '<' => {
                out.push(c);
                out.push(ZWSP);
            }
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '-' | '[' | ']' | '(' | ')'
                if markdown =>
            {
                out.push('\\');
                out.push(c);
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {} // bidi overrides
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text we did not write (names, titles, what a member typed) for
/// a message or embed: markdown is escaped and mentions cannot ping.
pub fn escape_markdown(raw: &str) -> String {
    escape(raw, Ctx::Rich)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::notify::template::test_support::*;
    use crate::notify::template::{FieldTemplate, Template, render};

    #[test]
    fn markdown_in_twitch_text_is_escaped_only_where_it_renders() {
        let mut vars = typical();
        vars.stream_title = "**big** _it_ ~~s~~ `c` ||sp|| > q # h [l](https://x.y) \\".into();
        let mut t = only_content("{stream_title}");
        t.buttons.watch_label = "{stream_title}".into();
        let r = render(&t, &vars, "");
        let expected = "\\*\\*big\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\> q \\# h \\[l\\]\\(https://x.y\\) \\\\";
        assert_eq!(r.content, expected);
        assert_eq!(
            buttons(&r)[0].label.as_deref(),
            Some("**big** _it_ ~~s~~ `c` ||sp|| > q # h [l](https://x.y) \\")
        );
    }

    #[test]
    fn mention_injection_in_twitch_text_never_pings() {
        let mut vars = typical();
        vars.stream_title =
            "@everyone @here <@123> <@!123> <@&123> <#123> </cmd:1> **bold**".into();
        vars.streamer_display_name = "@here".into();
        vars.streamer_login = "everyone".into();
        vars.game_name = "&123>".into();
        let mut t = Template {
            content: "@{streamer_login} {stream_title}".into(),
            ..Template::default()
        };
        t.embed.footer_text = "{stream_title}".into();
        t.embed.fields.push(FieldTemplate {
            name: "{stream_title}".into(),
            value: "{stream_title}".into(),
            inline: false,
        });
        t.buttons.watch_label = "{streamer_display_name}".into();
        let r = render(&t, &vars, "");
        assert_no_ping(&all_text(&r));
        assert!(r.content.contains("\\*\\*bold\\*\\*"));
        assert_discord_accepts(&r);
        let r = render(&only_content("<@{game_name} <#{stream_title}"), &vars, "");
        assert!(
            !r.content.contains("<@&") && !r.content.contains("<#@"),
            "template + Twitch text do not combine"
        );
    }

    #[test]
    fn twitch_text_never_completes_a_ping_the_template_started() {
        // Found by the `template` fuzz target: `@every` + a title `one`.
        let mut vars = typical();
        vars.stream_title = "one".into();
        vars.game_name = "re".into();
        vars.streamer_display_name = "8>".into();
        let mut t = only_content("@every{stream_title} @he{game_name}");
        t.embed.enabled = true;
        t.embed.footer_text = "<@12345678901234567{streamer_display_name}".into();
        let r = render(&t, &vars, "");
        assert_eq!(r.content, "@every\u{200B}one @he\u{200B}re");
        let footer = &embed(&r).footer.as_ref().expect("footer").text;
        assert_eq!(footer, "<@12345678901234567\u{200B}8>");
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
    }

    #[test]
    fn urls_from_twitch_shown_as_text_never_ping() {
        // Found by the `template` fuzz target: an avatar URL with `@here` in
        // it, shown in the content, was pasted in as it came.
        let mut vars = typical();
        vars.streamer_avatar_url = Some("https://cdn.example/l@here".into());
        vars.stream_url = "everyone".into();
        let mut t = only_content("{streamer_avatar_url} @{stream_url}");
        t.embed.enabled = true;
        t.embed.description = "<@&{stream_thumbnail_url}".into();
        t.embed.author_icon_url = "{streamer_avatar_url}".into();
        let r = render(&t, &vars, "");
        assert_eq!(
            r.content,
            "https://cdn.example/l@\u{200B}here @\u{200B}everyone"
        );
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
        // Where a URL is expected it is left exactly as Twitch gave it.
        let author = embed(&r).author.as_ref().expect("author");
        assert_eq!(author.icon_url, vars.streamer_avatar_url);

        // Found by CI's minute of fuzzing: the fallback for an empty
        // message shows the stream URL too.
        vars.stream_url = "https://www.twitch.tv/c@here".into();
        vars.mention = String::new();
        let mut t = only_content("{mention}");
        t.embed.enabled = false;
        let r = render(&t, &vars, "");
        assert!(
            r.content.ends_with("https://www.twitch.tv/c@\u{200B}here"),
            "{}",
            r.content
        );
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
    }

    /// Template pieces that start pings of their own, for Twitch text to finish.
    const PING_FRAGMENTS: &str = "@¦@every¦@he¦<¦<@¦<@!¦<@&¦<#¦12345678901234567¦>¦ ¦\n¦{stream_title}¦{game_name}¦{streamer_login}¦{streamer_display_name}¦{mention}";

    fn ping_text() -> impl Strategy<Value = String> {
        let pieces: Vec<String> = PING_FRAGMENTS.split('¦').map(str::to_owned).collect();
        proptest::collection::vec(proptest::sample::select(pieces), 0..8).prop_map(|v| v.concat())
    }

    fn ping_twitch_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("one".to_owned()),
            Just("re".to_owned()),
            Just("everyone".to_owned()),
            Just("8>".to_owned()),
            Just("@".to_owned()),
            "[a-z0-9@<>&!#]{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn twitch_text_adds_no_ping_to_the_admins_text(
            edits in proptest::collection::vec((0..16usize, ping_text()), 1..8),
            texts in proptest::array::uniform4(ping_twitch_text()),
        ) {
            let mut t = Template::default();
            for (i, text) in edits {
                set_text(&mut t, i, text);
            }
            let e = &t.embed;
            let mut written = vec![t.content.clone(), e.title.clone(), e.description.clone(), e.author_name.clone(), e.footer_text.clone(), t.buttons.watch_label.clone(), t.buttons.notify_me_label.clone()];
            written.extend(e.fields.iter().flat_map(|f| [f.name.clone(), f.value.clone()]));
            let written = written.join("\n");
            let mut vars = typical();
            let [login, name, title, game] = texts;
            (vars.streamer_login, vars.streamer_display_name) = (login, name);
            (vars.stream_title, vars.game_name) = (title, game);
            let r = render(&t, &vars, "");
            assert_discord_accepts(&r);
            for ping in pings(&all_text(&r)) {
                prop_assert!(ping == vars.mention || written.contains(ping), "{ping:?} in {r:?}");
            }
        }
    }
}
