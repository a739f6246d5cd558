//! Property tests of [`render`]: whatever the template and the values, the
//! message is one Discord accepts, and nothing in it pings.

use chrono::DateTime;
use proptest::prelude::*;

use crate::notify::template::test_support::{
    all_text, assert_discord_accepts, assert_no_ping, set_text,
};
use crate::notify::template::{FieldTemplate, Template, Vars, render, validate};

/// Template pieces, separated by `¦`; no `@` or `<`, so any ping would come from Twitch text.
const FRAGMENTS: &str = "{stream_title}¦{game_name}¦{streamer_login}¦{streamer_display_name}¦{viewer_count}¦{stream_url}¦{stream_thumbnail_url}¦{streamer_avatar_url}¦{started_at}¦{started_at_relative}¦{mention}¦{{¦}}¦{¦}¦{nope}¦\n¦ ¦https://¦**¦\\¦&¦!¦#¦:¦/¦é¦Live ";

fn text() -> impl Strategy<Value = String> {
    let pieces: Vec<String> = FRAGMENTS.split('¦').map(str::to_owned).collect();
    let fragment = prop_oneof![
        8 => proptest::sample::select(pieces),
        1 => Just("x".repeat(700)),
        1 => Just("🎮".repeat(300)),
    ];
    proptest::collection::vec(fragment, 0..10).prop_map(|v| v.concat())
}

fn twitch_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("@everyone <@&1> <@!2> <#3> </a:4> @here".to_owned()),
        Just("\\".repeat(300)),
        Just("👨‍👩‍👧*".repeat(400)),
        Just("everyone".to_owned()),
        Just(String::new()),
        any::<String>(),
    ]
}

/// The default template with random texts, switches, colour and up to ~30 fields.
fn template() -> impl Strategy<Value = Template> {
    let edits = proptest::collection::vec((0..16usize, text()), 0..40);
    (edits, any::<[bool; 5]>(), any::<Option<u32>>()).prop_map(|(edits, flags, color)| {
        let mut t = Template::default();
        [t.embed.enabled, t.embed.timestamp] = [flags[0], flags[1]];
        [t.buttons.watch, t.buttons.notify_me] = [flags[2], flags[3]];
        t.embed.color = color;
        for (i, text) in edits {
            set_text(&mut t, i, text);
        }
        if flags[4] {
            let title = "{stream_title}".to_owned();
            let many = FieldTemplate {
                name: title.clone(),
                value: title,
                inline: true,
            };
            t.embed.fields.extend(std::iter::repeat_n(many, 26));
        }
        t
    })
}

fn vars() -> impl Strategy<Value = Vars> {
    let url = proptest::option::of(prop_oneof![
        Just("https://a.b/c?d=1".to_owned()),
        Just("junk".to_owned()),
        Just(format!("https://a.b/{}", "p".repeat(3000)))
    ]);
    let texts = (
        twitch_text(),
        twitch_text(),
        twitch_text(),
        twitch_text(),
        "[0-9]{0,120}",
    );
    let other = (
        url.clone(),
        url,
        any::<Option<u64>>(),
        -100_000_000_000i64..100_000_000_000,
        "https://twitch.tv/[a-z_]{0,30}|junk",
    );
    (texts, other).prop_map(
        |((login, name, title, game, id), (avatar, thumb, viewers, secs, stream_url))| Vars {
            twitch_id: id,
            streamer_login: login,
            streamer_display_name: name,
            streamer_avatar_url: avatar,
            stream_title: title,
            game_name: game,
            viewer_count: viewers,
            stream_thumbnail_url: thumb,
            started_at: DateTime::from_timestamp(secs, 0).unwrap_or_default(),
            stream_url,
            mention: String::new(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn render_is_always_within_limits_and_never_pings(t in template(), v in vars(), bust in ".{0,20}") {
        let r = render(&t, &v, &bust);
        assert_discord_accepts(&r);
        assert_no_ping(&all_text(&r));
        let _ = validate(&t);
    }
}
