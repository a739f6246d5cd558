//! Every member in their own language: replies follow the member's Discord
//! locale, alerts the server's (or the language `/setup language:` chose).

use serde_json::{Value, json};
use streammaxing::i18n::Lang;

use super::setup::reply_text as said;
use crate::support::sf;
use crate::support::{app::TestApp, db::on_both_backends, interactions::*};

on_both_backends! {
    async fn a_member_whose_discord_speaks_german_is_answered_in_german(db) {
        let app = TestApp::start(db).await;
        let setup = slash(AS_MEMBER, "setup", json!([]), json!({}));
        for (locale, lang) in [("de", Lang::De), ("ja", Lang::Ja), ("es-419", Lang::Es), ("en-GB", Lang::En), ("ko", Lang::En)] {
            let (status, answer) = app.interaction(&in_locale(setup.clone(), locale, "fr")).await;
            assert_eq!(status, 200);
            assert_eq!(said(&answer), lang.text("admins-only"), "{locale}");
        }
        assert_ne!(Lang::De.text("admins-only"), Lang::En.text("admins-only"), "German is German");
    }

    async fn setup_language_sets_the_alerts_language_and_the_server_locale_is_noted(db) {
        let app = TestApp::start(db).await;
        let setup = |options: Value| in_locale(slash(AS_ADMIN, "setup", options, json!({})), "en-US", "pt-BR");
        app.interaction(&setup(json!([]))).await;
        let config = app.db.guild_config(sf(GUILD as i64)).await.unwrap().unwrap();
        assert_eq!((config.locale.as_deref(), config.lang()), (Some("pt-BR"), Lang::PtBr), "the server's own language");
        let mut config = config;
        config.channel_id = Some(sf(CHANNEL as i64));
        app.db.save_guild_config(&config, 1).await.unwrap();
        app.interaction(&setup(json!([string("language", "ja")]))).await;
        assert_eq!(app.db.guild_config(sf(GUILD as i64)).await.unwrap().unwrap().lang(), Lang::Ja);
        app.interaction(&setup(json!([string("language", "server")]))).await;
        assert_eq!(app.db.guild_config(sf(GUILD as i64)).await.unwrap().unwrap().lang(), Lang::PtBr, "back to the server's");
    }
}
