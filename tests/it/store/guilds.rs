use streammaxing::store::{GuildConfig, OfflineMode, PingMode, PostAs};

use crate::support::db::on_both_backends;
use crate::support::sf;
use crate::support::tw;

const GUILD: i64 = 1_100_000_000_000_000_001;

on_both_backends! {
    async fn a_new_guild_gets_the_default_configuration(db) {
        let config = db.ensure_guild(sf(GUILD), Some("Cozy Server"), 1_000).await.unwrap();
        assert_eq!(config, GuildConfig {
            guild_id: sf(GUILD),
            channel_id: None,
            channel_kind: None,
            ping_mode: PingMode::None,
            ping_role_id: None,
            enabled: true,
            template: None,
            offline_mode: OfflineMode::Edit,
            publish_announcements: true,
            cooldown_secs: 600,
            refresh_minutes: 10,
            updated_at: 1_000,
            gone_since: None,
            post_as: PostAs::Bot,
            language: None,
            locale: None,
        });
        assert_eq!(db.guild_config(sf(GUILD)).await.unwrap(), Some(config));
        assert_eq!(db.guild_config(sf(GUILD + 1)).await.unwrap(), None);
    }

    async fn alerts_speak_the_chosen_language_else_the_servers_own(db) {
        use streammaxing::i18n::Lang;
        db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
        assert_eq!(db.guild_config(sf(GUILD)).await.unwrap().unwrap().lang(), Lang::En, "nothing known yet");
        assert!(db.note_guild_locale(sf(GUILD), "de").await.unwrap());
        assert!(!db.note_guild_locale(sf(GUILD), "de").await.unwrap(), "no write when it did not change");
        let mut config = db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        assert_eq!(config.lang(), Lang::De);
        config.language = Some("ja".into());
        db.save_guild_config(&config, 2).await.unwrap();
        assert!(db.note_guild_locale(sf(GUILD), "fr").await.unwrap());
        let config = db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        assert_eq!((config.lang(), config.locale.as_deref()), (Lang::Ja, Some("fr")), "the admin's choice wins");
    }

    async fn a_claims_configs_and_tracked_streamers_load_in_one_go(db) {
        // Large snowflakes, as Discord's are: they must survive the id list.
        let guilds = [sf(GUILD), sf(GUILD + 1), sf(GUILD + 2)];
        for (i, id) in [("37402112", "shroud"), ("71092938", "xqc")].into_iter().enumerate() {
            let streamer = streammaxing::store::NewStreamer { twitch_id: &tw(id.0), login: id.1, display_name: id.1, avatar_url: None };
            db.upsert_streamer(&streamer, i as i64).await.unwrap();
        }
        for guild in guilds {
            db.ensure_guild(guild, None, 1).await.unwrap();
        }
        db.track_streamer(sf(GUILD + 1), &tw("37402112"), None, 1).await.unwrap();
        db.track_streamer(sf(GUILD + 2), &tw("37402112"), None, 1).await.unwrap();
        db.track_streamer(sf(GUILD + 2), &tw("71092938"), None, 1).await.unwrap();

        let mut configs: Vec<i64> = db.guild_configs(&[sf(GUILD), sf(GUILD + 2), sf(99)]).await.unwrap().iter().map(|c| c.guild_id.to_i64()).collect();
        configs.sort_unstable();
        assert_eq!(configs, [GUILD, GUILD + 2], "the unknown guild is simply absent");

        let first = db.tracked_streamer(sf(GUILD + 1), &tw("37402112")).await.unwrap().unwrap();
        let xqc = db.tracked_streamer(sf(GUILD + 2), &tw("71092938")).await.unwrap().unwrap();
        let mut routes = db.routes(&[xqc.route.id, first.route.id, 999_999]).await.unwrap();
        routes.sort_by_key(|t| t.route.id);
        assert_eq!(routes, [first, xqc], "the unknown route is simply absent");
        assert!(db.routes(&[]).await.unwrap().is_empty());
        assert!(db.guild_configs(&[]).await.unwrap().is_empty());
    }

    async fn ensuring_again_keeps_settings(db) {
        let mut config = db.ensure_guild(sf(GUILD), Some("Cozy Server"), 1_000).await.unwrap();
        config.channel_id = Some(sf(42));
        assert!(db.save_guild_config(&config, 2_000).await.unwrap());
        let again = db.ensure_guild(sf(GUILD), None, 3_000).await.unwrap();
        assert_eq!(again.channel_id, Some(sf(42)));
        assert_eq!(again.updated_at, 2_000);
    }

    async fn every_setting_round_trips(db) {
        let mut config = db.ensure_guild(sf(GUILD), None, 1_000).await.unwrap();
        config.channel_id = Some(sf(1_200_000_000_000_000_000_u64));
        config.channel_kind = Some(5);
        config.ping_mode = PingMode::StreamerRole;
        config.ping_role_id = Some(sf(i64::MAX));
        config.enabled = false;
        config.template = Some(r#"{"content":"{streamer_display_name} is live"}"#.into());
        config.offline_mode = OfflineMode::Delete;
        config.publish_announcements = false;
        config.cooldown_secs = 0;
        config.refresh_minutes = 0;
        assert!(db.save_guild_config(&config, 5_000).await.unwrap());
        config.updated_at = 5_000;
        assert_eq!(db.guild_config(sf(GUILD)).await.unwrap(), Some(config));
    }

    async fn saving_an_unknown_guild_changes_nothing(db) {
        let mut config = db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
        config.guild_id = sf(GUILD + 7);
        assert!(!db.save_guild_config(&config, 2).await.unwrap());
        assert_eq!(db.guild_config(sf(GUILD + 7)).await.unwrap(), None);
    }

    async fn a_routes_attention_keeps_its_first_time_until_cleared(db) {
        db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
        db.upsert_streamer(&crate::store::streamers::shroud(), 1).await.unwrap();
        db.track_streamer(sf(GUILD), &tw("37402112"), None, 1).await.unwrap();
        let other = db.add_route(sf(GUILD), &tw("37402112"), Some((sf(77), 0)), None, 1).await.unwrap().route_id;
        let id = db.tracked_streamer(sf(GUILD), &tw("37402112")).await.unwrap().unwrap().route.id;
        db.set_route_attention(id, streammaxing::store::Attention::MissingPermissions, "Send Messages in #live", 100).await.unwrap();
        db.set_route_attention(id, streammaxing::store::Attention::UnknownChannel, "#live was deleted", 200).await.unwrap();
        let route = db.route(id).await.unwrap().unwrap().route;
        assert_eq!(route.needs_attention, Some(streammaxing::store::Attention::UnknownChannel));
        assert_eq!(route.needs_attention_detail.as_deref(), Some("#live was deleted"));
        assert_eq!(route.needs_attention_since, Some(100));
        assert_eq!(db.route(other).await.unwrap().unwrap().route.needs_attention, None, "only that route");
        assert_eq!(db.routes_needing_attention(sf(GUILD)).await.unwrap(), 1);
        assert!(db.clear_route_attention(id, 300).await.unwrap());
        let route = db.route(id).await.unwrap().unwrap().route;
        assert_eq!((route.needs_attention, route.needs_attention_since), (None, None));
        assert_eq!(db.routes_needing_attention(sf(GUILD)).await.unwrap(), 0);
    }

    async fn removing_a_guild_removes_what_belongs_to_it(db) {
        db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
        db.upsert_streamer(&crate::store::streamers::shroud(), 1).await.unwrap();
        db.track_streamer(sf(GUILD), &tw("37402112"), None, 1).await.unwrap();
        db.set_notify_preference(sf(GUILD), sf(5), &tw("37402112"), false, 1).await.unwrap();
        assert!(db.remove_guild(sf(GUILD)).await.unwrap());
        assert!(!db.remove_guild(sf(GUILD)).await.unwrap());
        assert_eq!(db.guild_config(sf(GUILD)).await.unwrap(), None);
        assert_eq!(db.tracking_guild_count(&tw("37402112")).await.unwrap(), 0);
        assert!(db.notify_preferences(sf(GUILD), sf(5)).await.unwrap().is_empty());
    }
}
