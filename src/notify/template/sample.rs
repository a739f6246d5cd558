//! The sample streams the editor and `/template preview` render a template with.

use chrono::{Duration, Utc};

use super::vars::{TITLE_MAX, Vars};

/// Sample data the web editor offers for previews; its name
/// (`typical`, `long_title`, …) is how the editor asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Sample {
    /// A typical stream with everything known.
    Typical,
    /// A 140-char title, long names and a big viewer count.
    LongTitle,
    /// Just went live: no game, viewers or thumbnail yet, no mention.
    NoGame,
    /// A title full of emoji, markdown and mention tricks.
    Emoji,
}

impl Sample {
    /// All samples, in menu order.
    pub fn all() -> [Sample; 4] {
        [
            Sample::Typical,
            Sample::LongTitle,
            Sample::NoGame,
            Sample::Emoji,
        ]
    }

    /// Stable identifier for the editor (`typical`, `long_title`, `no_game`, `emoji`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the editor's menu calls it.
    pub fn label(self) -> &'static str {
        match self {
            Sample::Typical => "Typical",
            Sample::LongTitle => "Long title",
            Sample::NoGame => "No game",
            Sample::Emoji => "Emoji",
        }
    }

    /// The values of this sample (stream started 3 minutes ago).
    pub fn vars(self) -> Vars {
        let base = Vars {
            twitch_id: "141981764".into(),
            streamer_login: "pixel_panda".into(),
            streamer_display_name: "Pixel_Panda".into(),
            streamer_avatar_url: Some("https://static-cdn.jtvnw.net/jtv_user_pictures/pixel_panda-profile_image-300x300.png".into()),
            stream_title: "Ranked grind to Diamond! Come hang out".into(),
            game_name: "VALORANT".into(),
            viewer_count: Some(1234),
            stream_thumbnail_url: Some("https://static-cdn.jtvnw.net/previews-ttv/live_user_pixel_panda-{width}x{height}.jpg".into()),
            started_at: Utc::now() - Duration::minutes(3),
            stream_url: "https://www.twitch.tv/pixel_panda".into(),
            mention: "<@&111111111111111111>".into(),
        };
        match self {
            Sample::Typical => base,
            Sample::LongTitle => Vars {
                streamer_display_name: "ThisIsAVeryLongTwitchName".into(),
                stream_title: "🎉 24 HOUR CHARITY SUBATHON 🎉 ".repeat(6).chars().take(TITLE_MAX).collect(),
                game_name: "Warhammer 40,000: Dawn of War - Definitive Edition".into(),
                viewer_count: Some(1_234_567),
                ..base
            },
            Sample::NoGame => Vars {
                game_name: String::new(),
                viewer_count: None,
                stream_thumbnail_url: None,
                mention: String::new(),
                ..base
            },
            Sample::Emoji => Vars {
                streamer_display_name: "ピクセル_パンダ".into(),
                stream_title: "🔴 LIVE @everyone @here <@&123> **bold** __u__ ||spoiler|| `code` [link](https://evil.example) 👨‍👩‍👧🔥".into(),
                game_name: "Pokémon Scarlet & Violet".into(),
                ..base
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::test_support::assert_discord_accepts;
    use crate::notify::template::{Template, render};

    #[test]
    fn every_sample_renders_acceptably_with_the_default_template() {
        for sample in Sample::all() {
            let r = render(&Template::default(), &sample.vars(), "1");
            assert_discord_accepts(&r);
            assert!(!sample.name().is_empty());
        }
    }
}
