//! The web app in real headless Chromium (Debian's chromium driven by
//! playwright-core, `frontend/e2e/browser.mjs`) against a running `serve`
//! with the Twitch stand-in: link a streamer, edit and save a template, see
//! a tampered link refused. Screenshots land in `target/screenshots/`.

use std::path::Path;

use streammaxing::{links::Purpose, notify::template::Template};

use super::token;
use crate::support::sf;
use crate::support::tw;
use crate::support::{
    db::on_both_backends, discord::DiscordStandIn, interactions::GUILD, serve::Serve,
    twitch::TwitchStandIn,
};

const SHROUD: &str = "37402112";

/// The browser, the app's build and its test tools must be there: `make
/// test` installs them; this never skips.
fn require(path: &Path, what: &str) {
    assert!(
        path.exists(),
        "{} is missing ({what}); run `make test`, which installs it",
        path.display()
    );
}

on_both_backends! {
    async fn the_link_page_and_the_editor_work_in_a_real_browser(db) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        require(Path::new("/usr/bin/chromium"), "Debian's chromium");
        require(&root.join("frontend/node_modules/playwright-core"), "npm packages of the web app");
        require(&root.join("frontend/dist/index.html"), "the built web app");
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        twitch.add_user(SHROUD, "shroud", "shroud");
        twitch.world().consenting_user = Some(SHROUD.into());
        db.ensure_guild(sf(GUILD), Some("Cozy Streams"), 1).await.unwrap();
        let serve = Serve::start(&db.url, &twitch, &discord).await;
        let screenshots = root.join("target/screenshots").join(db.backend_name());
        std::fs::create_dir_all(&screenshots).unwrap();

        let run = tokio::process::Command::new("node")
            .arg(root.join("frontend/e2e/browser.mjs"))
            .current_dir(root.join("frontend"))
            .env("BASE_URL", &serve.url)
            .env("LINK_TOKEN", token(Purpose::TwitchLink, None))
            .env("EDITOR_TOKEN", token(Purpose::Editor, None))
            .env("SCREENSHOT_DIR", &screenshots)
            .output();
        let out = tokio::time::timeout(std::time::Duration::from_secs(150), run).await.expect("browser test finished").unwrap();
        let log = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "browser test failed:\n{log}");

        let tracked = db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().expect("the linked streamer is followed");
        assert!(tracked.streamer.linked);
        let saved = db.guild_config(sf(GUILD)).await.unwrap().unwrap().template.expect("the editor saved");
        assert_eq!(Template::from_json(&saved).unwrap().embed.title, "E2E title {stream_title}", "{log}");
        for shot in ["landing", "link", "link-success", "editor", "editor-saved", "link-error", "editor-phone"] {
            assert!(screenshots.join(format!("{shot}.png")).exists(), "{shot}.png was saved");
        }
    }
}
