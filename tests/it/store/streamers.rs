use streammaxing::store::{NewStreamer, PingMode, RouteEdit};

use crate::support::db::on_both_backends;
use crate::support::sf;
use crate::support::tw;

static SHROUD_ID: std::sync::LazyLock<streammaxing::ids::TwitchUserId> =
    std::sync::LazyLock::new(|| tw("37402112"));

pub fn shroud() -> NewStreamer<'static> {
    NewStreamer {
        twitch_id: &SHROUD_ID,
        login: "Shroud",
        display_name: "shroud",
        avatar_url: Some("https://static-cdn.jtvnw.net/shroud.png"),
    }
}

on_both_backends! {
    async fn upserting_stores_a_lowercase_login_and_refreshes_the_profile(db) {
        let s = db.upsert_streamer(&shroud(), 10).await.unwrap();
        assert_eq!((s.login.as_str(), s.display_name.as_str(), s.linked), ("shroud", "shroud", false));
        assert_eq!(s.created_at, 10);
        let renamed = NewStreamer { login: "shroud_tv", display_name: "Shroud_TV", avatar_url: None, ..shroud() };
        let s = db.upsert_streamer(&renamed, 20).await.unwrap();
        assert_eq!((s.login.as_str(), s.display_name.as_str()), ("shroud_tv", "Shroud_TV"));
        assert_eq!(s.avatar_url.as_deref(), shroud().avatar_url, "a missing avatar keeps the known one");
        assert_eq!((s.created_at, s.updated_at), (10, 20));
        assert_eq!(db.streamer(&tw("37402112")).await.unwrap(), Some(s));
        assert_eq!(db.streamer(&tw("1")).await.unwrap(), None);
    }

    async fn logins_are_found_case_insensitively(db) {
        db.upsert_streamer(&shroud(), 10).await.unwrap();
        let found = db.streamer_by_login("SHROUD").await.unwrap().unwrap();
        assert_eq!(found.twitch_id, "37402112");
        assert_eq!(db.streamer_by_login("nobody").await.unwrap(), None);
    }

    async fn linking_and_problems_are_recorded(db) {
        db.upsert_streamer(&shroud(), 10).await.unwrap();
        assert!(db.set_streamer_linked(&tw("37402112"), true, 30).await.unwrap());
        assert!(db.set_streamer_problem(&tw("37402112"), Some(streammaxing::store::StreamerProblem::UserRemoved), 40).await.unwrap());
        let s = db.streamer(&tw("37402112")).await.unwrap().unwrap();
        assert_eq!((s.linked, s.linked_at, s.problem), (true, Some(30), Some(streammaxing::store::StreamerProblem::UserRemoved)));
        assert!(db.set_streamer_problem(&tw("37402112"), None, 50).await.unwrap());
        assert_eq!(db.streamer(&tw("37402112")).await.unwrap().unwrap().problem, None);
        assert!(!db.set_streamer_linked(&tw("404"), true, 30).await.unwrap());
        assert!(db.set_streamer_linked(&tw("37402112"), false, 60).await.unwrap());
        let s = db.streamer(&tw("37402112")).await.unwrap().unwrap();
        assert_eq!((s.linked, s.linked_at), (false, None), "revoked authorisation unlinks");
    }

    async fn tracking_is_per_guild_and_reports_duplicates(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        db.ensure_guild(sf(2), None, 1).await.unwrap();
        db.upsert_streamer(&shroud(), 1).await.unwrap();
        assert!(db.track_streamer(sf(1), &tw("37402112"), Some(sf(99)), 5).await.unwrap());
        assert!(!db.track_streamer(sf(1), &tw("37402112"), Some(sf(99)), 6).await.unwrap());
        assert!(db.track_streamer(sf(2), &tw("37402112"), None, 7).await.unwrap());
        assert_eq!(db.tracking_guild_count(&tw("37402112")).await.unwrap(), 2);
        assert_eq!(db.tracked_twitch_ids().await.unwrap(), ["37402112"], "once, however many guilds");
        let tracked = db.tracked_routes(sf(1)).await.unwrap();
        assert_eq!(tracked.len(), 1);
        let route = &tracked[0].route;
        assert_eq!((tracked[0].streamer.login.as_str(), route.added_by, route.added_at), ("shroud", Some(sf(99)), 5));
        assert_eq!((route.channel_id, route.ping_mode, &route.template, route.enabled), (None, None, &None, true), "the server's settings");
        assert_eq!(db.forget_unfollowed_streamers(i64::MAX).await.unwrap(), 0, "still tracked");
        assert!(db.untrack_streamer(sf(1), &tw("37402112"), 10).await.unwrap());
        assert!(!db.untrack_streamer(sf(1), &tw("37402112"), 10).await.unwrap());
        assert!(db.untrack_streamer(sf(2), &tw("37402112"), 10).await.unwrap());
        assert_eq!(db.tracking_guild_count(&tw("37402112")).await.unwrap(), 0);
        assert_eq!(db.forget_unfollowed_streamers(i64::MAX).await.unwrap(), 1);
        assert_eq!(db.streamer(&tw("37402112")).await.unwrap(), None);
    }

    async fn tracked_streamers_come_in_login_order(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        for (id, login) in [("3", "zed"), ("1", "amy"), ("2", "mia")] {
            db.upsert_streamer(&NewStreamer { twitch_id: &tw(id), login, display_name: login, avatar_url: None }, 1).await.unwrap();
            db.track_streamer(sf(1), &tw(id), None, 1).await.unwrap();
        }
        let logins: Vec<String> = db.tracked_routes(sf(1)).await.unwrap().into_iter().map(|t| t.streamer.login).collect();
        assert_eq!(logins, ["amy", "mia", "zed"]);
    }

    async fn route_settings_and_notify_roles_round_trip(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        db.upsert_streamer(&shroud(), 1).await.unwrap();
        db.track_streamer(sf(1), &tw("37402112"), None, 1).await.unwrap();
        let id = db.tracked_streamer(sf(1), &tw("37402112")).await.unwrap().unwrap().route.id;
        let edit = RouteEdit {
            channel: Some((Some(sf(555)), Some(0))),
            ping: Some((Some(PingMode::Role), Some(sf(777)))),
            template: Some(Some("{}".into())),
            enabled: Some(false),
        };
        assert!(db.edit_route(id, &edit, 2).await.unwrap());
        assert!(db.set_notify_role(sf(1), &tw("37402112"), Some(sf(888))).await.unwrap());
        // What an edit leaves out is kept.
        assert!(db.edit_route(id, &RouteEdit { enabled: Some(true), ..RouteEdit::default() }, 3).await.unwrap());
        let t = db.tracked_streamer(sf(1), &tw("37402112")).await.unwrap().unwrap();
        let r = &t.route;
        assert_eq!((r.channel_id, r.channel_kind, r.ping_mode, r.ping_role_id, r.template.as_deref(), r.enabled), (Some(sf(555)), Some(0), Some(PingMode::Role), Some(sf(777)), Some("{}"), true));
        assert_eq!(t.notify_role_id, Some(sf(888)));
        assert!(!db.edit_route(id + 100, &edit, 4).await.unwrap());
        assert_eq!(db.tracked_streamer(sf(2), &tw("37402112")).await.unwrap(), None);
    }

    async fn a_notification_role_is_claimed_once_and_replaced_only_where_it_was(db) {
        let shroud = tw("37402112");
        db.upsert_streamer(&NewStreamer { twitch_id: &shroud, login: "shroud", display_name: "shroud", avatar_url: None }, 1).await.unwrap();
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        db.track_streamer(sf(1), &shroud, None, 1).await.unwrap();
        // Two opt-ins that both saw no role: the first claim wins.
        assert!(db.claim_notify_role(sf(1), &shroud, None, sf(10)).await.unwrap());
        assert!(!db.claim_notify_role(sf(1), &shroud, None, sf(11)).await.unwrap());
        assert_eq!(db.tracked_streamer(sf(1), &shroud).await.unwrap().unwrap().notify_role_id, Some(sf(10)));
        // Replacing a role an admin deleted: only where it is still that one.
        assert!(!db.claim_notify_role(sf(1), &shroud, Some(sf(99)), sf(12)).await.unwrap());
        assert!(db.claim_notify_role(sf(1), &shroud, Some(sf(10)), sf(13)).await.unwrap());
        assert!(!db.claim_notify_role(sf(1), &shroud, Some(sf(10)), sf(14)).await.unwrap());
        assert_eq!(db.tracked_streamer(sf(1), &shroud).await.unwrap().unwrap().notify_role_id, Some(sf(13)));
        // A server that doesn't follow the streamer claims nothing.
        assert!(!db.claim_notify_role(sf(2), &shroud, None, sf(15)).await.unwrap());
    }

    async fn notify_preferences_are_per_member_and_overwrite(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        db.upsert_streamer(&shroud(), 1).await.unwrap();
        db.upsert_streamer(&NewStreamer { twitch_id: &tw("2"), login: "amy", display_name: "Amy", avatar_url: None }, 1).await.unwrap();
        db.set_notify_preference(sf(1), sf(10), &tw("37402112"), false, 1).await.unwrap();
        db.set_notify_preference(sf(1), sf(10), &tw("2"), true, 1).await.unwrap();
        db.set_notify_preference(sf(1), sf(10), &tw("37402112"), true, 2).await.unwrap();
        db.set_notify_preference(sf(1), sf(11), &tw("2"), false, 2).await.unwrap();
        assert_eq!(db.notify_preferences(sf(1), sf(10)).await.unwrap(), [(tw("2"), true), (tw("37402112"), true)]);
        assert_eq!(db.notify_preferences(sf(1), sf(11)).await.unwrap(), [(tw("2"), false)]);
    }

    async fn eventsub_message_ids_are_remembered_once(db) {
        assert!(db.remember_eventsub_message("m-1", 100).await.unwrap());
        assert!(!db.remember_eventsub_message("m-1", 150).await.unwrap());
        assert!(db.remember_eventsub_message("m-2", 200).await.unwrap());
        assert_eq!(db.forget_eventsub_messages_before(150).await.unwrap(), 1);
        assert!(db.remember_eventsub_message("m-1", 300).await.unwrap(), "forgotten ids are new again");
        assert!(!db.remember_eventsub_message("m-2", 300).await.unwrap());
    }

    async fn link_tokens_are_single_use(db) {
        assert!(db.use_link_token("nonce-a", 1_000, 10).await.unwrap());
        assert!(!db.use_link_token("nonce-a", 1_000, 20).await.unwrap());
        assert!(db.use_link_token("nonce-b", 5_000, 20).await.unwrap());
        assert_eq!(db.forget_expired_link_tokens(2_000).await.unwrap(), 1);
        assert!(!db.use_link_token("nonce-b", 5_000, 30).await.unwrap());
    }
}
