use streammaxing::store::{NewStreamer, OutboxState, RouteEdit, StreamEvent};

use crate::support::db::{TestDb, on_both_backends};
use crate::support::sf;
use crate::support::tw;

const STREAMER: &str = "37402112";

/// Guilds 1 and 2 follow the streamer; guild 1's route id.
async fn followed(db: &TestDb) -> i64 {
    let streamer = NewStreamer {
        twitch_id: &tw(STREAMER),
        login: "shroud",
        display_name: "shroud",
        avatar_url: None,
    };
    db.upsert_streamer(&streamer, 1).await.unwrap();
    for guild in [1, 2] {
        let mut config = db.ensure_guild(sf(guild), None, 1).await.unwrap();
        config.channel_id = Some(sf(500 + guild));
        db.save_guild_config(&config, 1).await.unwrap();
    }
    let added = db
        .add_route(sf(1), &tw(STREAMER), None, None, 1)
        .await
        .unwrap();
    db.add_route(sf(2), &tw(STREAMER), None, None, 1)
        .await
        .unwrap();
    added.route_id
}

on_both_backends! {
    async fn the_current_stream_is_queued_once_quietly_for_that_route_alone(db) {
        let route = followed(&db).await;
        assert!(db.enqueue_current_stream(route, "s-1", 100, 500).await.unwrap());
        assert!(!db.enqueue_current_stream(route, "s-1", 100, 600).await.unwrap(), "once per route and stream");
        let row = db.route_notification(route, "s-1").await.unwrap().unwrap();
        assert_eq!((row.state, row.quiet, row.stream_started_at, row.next_attempt_at), (OutboxState::Pending, true, Some(100), 500));
        assert_eq!(db.notification(sf(2), "s-1").await.unwrap(), None, "the other server is untouched");
        let streamer = db.streamer(&tw(STREAMER)).await.unwrap().unwrap();
        assert_eq!((streamer.live_stream_id.as_deref(), streamer.live_since), (Some("s-1"), Some(100)), "recorded live");

        // Twitch's go-live for that stream, arriving late: the other
        // server hears of it, the quiet row stays as it is.
        let online = StreamEvent::Online { twitch_id: &tw(STREAMER), stream_id: "s-1", started_at: 100 };
        db.apply_stream_event("m-1", 700, &online, 700).await.unwrap();
        assert_eq!(db.expand_stream_fanouts(700).await.unwrap(), 1);
        assert!(!db.notification(sf(2), "s-1").await.unwrap().unwrap().quiet);
        assert!(db.route_notification(route, "s-1").await.unwrap().unwrap().quiet);

        // Its end ends the quiet row like any other.
        db.apply_stream_event("m-2", 800, &StreamEvent::Offline { twitch_id: &tw(STREAMER) }, 800).await.unwrap();
        let row = db.route_notification(route, "s-1").await.unwrap().unwrap();
        assert_eq!((row.ended_at, row.end_state), (Some(800), Some(streammaxing::store::EndState::Pending)));
    }

    async fn nothing_is_queued_for_a_paused_route_or_server_or_nowhere_to_post(db) {
        let route = followed(&db).await;
        let paused = RouteEdit { enabled: Some(false), ..RouteEdit::default() };
        db.edit_route(route, &paused, 2).await.unwrap();
        assert!(!db.enqueue_current_stream(route, "s-1", 100, 500).await.unwrap());
        db.edit_route(route, &RouteEdit { enabled: Some(true), ..RouteEdit::default() }, 3).await.unwrap();
        let mut config = db.guild_config(sf(1)).await.unwrap().unwrap();
        config.enabled = false;
        db.save_guild_config(&config, 4).await.unwrap();
        assert!(!db.enqueue_current_stream(route, "s-1", 100, 500).await.unwrap());
        config.enabled = true;
        config.channel_id = None;
        db.save_guild_config(&config, 5).await.unwrap();
        assert!(!db.enqueue_current_stream(route, "s-1", 100, 500).await.unwrap(), "no channel yet");
        assert_eq!(db.route_notification(route, "s-1").await.unwrap(), None);
    }

    async fn a_stream_known_to_be_over_is_not_queued(db) {
        let route = followed(&db).await;
        // Ended after it started (Get Streams may lag behind the offline).
        let online = StreamEvent::Online { twitch_id: &tw(STREAMER), stream_id: "s-1", started_at: 1_000 };
        db.apply_stream_event("m-1", 1_000, &online, 1_000).await.unwrap();
        db.apply_stream_event("m-2", 2_000, &StreamEvent::Offline { twitch_id: &tw(STREAMER) }, 2_000).await.unwrap();
        assert!(!db.enqueue_current_stream(route, "s-1", 1_000, 2_500).await.unwrap());
        // A later stream is already recorded.
        let later = StreamEvent::Online { twitch_id: &tw(STREAMER), stream_id: "s-3", started_at: 5_000 };
        db.apply_stream_event("m-3", 5_000, &later, 5_000).await.unwrap();
        assert!(!db.enqueue_current_stream(route, "s-2", 3_000, 5_500).await.unwrap());
        assert_eq!(db.streamer(&tw(STREAMER)).await.unwrap().unwrap().live_stream_id.as_deref(), Some("s-3"), "kept");
        // The recorded stream itself, even if Twitch's times differ a little.
        assert!(db.enqueue_current_stream(route, "s-3", 4_999, 5_500).await.unwrap());
    }
}
