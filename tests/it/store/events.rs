use streammaxing::store::{Applied, EndState, NewStreamer, StreamEvent};

use crate::support::db::on_both_backends;
use crate::support::sf;
use crate::support::tw;

const ID: &str = "37402112";

async fn tracked_in_two_guilds(db: &crate::support::db::TestDb) {
    db.upsert_streamer(
        &NewStreamer {
            twitch_id: &tw(ID),
            login: "shroud",
            display_name: "shroud",
            avatar_url: None,
        },
        1,
    )
    .await
    .unwrap();
    for guild in [1, 2] {
        db.ensure_guild(sf(guild), None, 1).await.unwrap();
        db.track_streamer(sf(guild), &tw(ID), None, 1)
            .await
            .unwrap();
    }
}

static STREAMER: std::sync::LazyLock<streammaxing::ids::TwitchUserId> =
    std::sync::LazyLock::new(|| tw(ID));
static ONLINE: std::sync::LazyLock<StreamEvent<'static>> =
    std::sync::LazyLock::new(|| StreamEvent::Online {
        twitch_id: &STREAMER,
        stream_id: "s-1",
        started_at: 90,
    });

on_both_backends! {
    async fn going_live_records_the_stream_and_queues_every_guild(db) {
        tracked_in_two_guilds(&db).await;
        assert_eq!(db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap(), Applied::Recorded { queued: true });
        let s = db.streamer(&tw(ID)).await.unwrap().unwrap();
        assert_eq!((s.live_stream_id.as_deref(), s.live_since), (Some("s-1"), Some(90)));
        assert_eq!(db.notification(sf(1), "s-1").await.unwrap(), None, "the request itself queues no guild");
        assert_eq!(db.expand_stream_fanouts(120).await.unwrap(), 2, "the worker fans it out");
        for guild in [1, 2] {
            let row = db.notification(sf(guild), "s-1").await.unwrap().unwrap();
            assert_eq!((row.created_at, row.next_attempt_at, row.stream_started_at, row.ended_at), (100, 120, Some(90), None));
        }
        assert_eq!(db.expand_stream_fanouts(130).await.unwrap(), 0, "a fan-out runs once");
    }

    async fn a_repeated_message_id_changes_nothing(db) {
        tracked_in_two_guilds(&db).await;
        db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap();
        let other = StreamEvent::Online { twitch_id: &tw(ID), stream_id: "s-2", started_at: 95 };
        assert_eq!(db.apply_stream_event("m-1", 200, &other, 200).await.unwrap(), Applied::Duplicate);
        assert_eq!(db.notification(sf(1), "s-2").await.unwrap(), None);
        assert_eq!(db.streamer(&tw(ID)).await.unwrap().unwrap().live_stream_id.as_deref(), Some("s-1"));
    }

    async fn a_new_message_id_for_the_same_stream_queues_nothing_new(db) {
        tracked_in_two_guilds(&db).await;
        db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap();
        assert_eq!(db.apply_stream_event("m-2", 200, &ONLINE, 200).await.unwrap(), Applied::Recorded { queued: false });
        db.expand_stream_fanouts(210).await.unwrap();
        assert_eq!(db.apply_stream_event("m-3", 300, &ONLINE, 300).await.unwrap(), Applied::Recorded { queued: false });
        assert_eq!(db.expand_stream_fanouts(310).await.unwrap(), 0);
    }

    async fn a_stream_that_ends_before_its_fan_out_is_never_announced(db) {
        tracked_in_two_guilds(&db).await;
        db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap();
        db.apply_stream_event("m-2", 150, &StreamEvent::Offline { twitch_id: &tw(ID) }, 150).await.unwrap();
        assert_eq!(db.expand_stream_fanouts(200).await.unwrap(), 2);
        let row = db.notification(sf(1), "s-1").await.unwrap().unwrap();
        assert_eq!((row.ended_at, row.end_state), (Some(150), Some(EndState::Pending)));
    }

    async fn guilds_with_notifications_paused_get_no_row(db) {
        tracked_in_two_guilds(&db).await;
        let mut config = db.guild_config(sf(2)).await.unwrap().unwrap();
        config.enabled = false;
        db.save_guild_config(&config, 1).await.unwrap();
        db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap();
        assert_eq!(db.expand_stream_fanouts(200).await.unwrap(), 1);
        assert_eq!(db.notification(sf(2), "s-1").await.unwrap(), None);
    }

    async fn going_offline_ends_the_stream(db) {
        tracked_in_two_guilds(&db).await;
        db.apply_stream_event("m-1", 100, &ONLINE, 100).await.unwrap();
        db.expand_stream_fanouts(120).await.unwrap();
        let offline = db.apply_stream_event("m-2", 500, &StreamEvent::Offline { twitch_id: &tw(ID) }, 500).await.unwrap();
        assert_eq!(offline, Applied::Recorded { queued: true }, "the messages' end is delivery work");
        let s = db.streamer(&tw(ID)).await.unwrap().unwrap();
        assert_eq!((s.live_stream_id, s.last_offline_at), (None, Some(500)));
        assert_eq!(db.notification(sf(1), "s-1").await.unwrap().unwrap().ended_at, Some(500));
    }

    async fn channel_updates_keep_the_latest_title_and_game(db) {
        tracked_in_two_guilds(&db).await;
        let update = StreamEvent::Updated { twitch_id: &tw(ID), title: "Ranked grind", game_id: "", game_name: "VALORANT" };
        let applied = db.apply_stream_event("m-1", 100, &update, 100).await.unwrap();
        assert_eq!(applied, Applied::Recorded { queued: false }, "no message to refresh");
        let s = db.streamer(&tw(ID)).await.unwrap().unwrap();
        assert_eq!((s.title.as_deref(), s.game_name.as_deref()), (Some("Ranked grind"), Some("VALORANT")));
        db.apply_stream_event("m-2", 200, &ONLINE, 200).await.unwrap();
        db.expand_stream_fanouts(210).await.unwrap();
        let update = StreamEvent::Updated { twitch_id: &tw(ID), title: "Finals", game_id: "", game_name: "VALORANT" };
        let applied = db.apply_stream_event("m-3", 300, &update, 300).await.unwrap();
        assert_eq!(applied, Applied::Recorded { queued: true }, "the live messages' refresh is delivery work");
    }

    async fn a_stream_ending_with_nothing_announced_queues_nothing(db) {
        tracked_in_two_guilds(&db).await;
        let offline = db.apply_stream_event("m-1", 100, &StreamEvent::Offline { twitch_id: &tw(ID) }, 100).await.unwrap();
        assert_eq!(offline, Applied::Recorded { queued: false });
    }

    async fn events_for_unknown_streamers_are_recorded_and_queue_nothing(db) {
        let event = StreamEvent::Online { twitch_id: &tw("999"), stream_id: "x", started_at: 1 };
        assert_eq!(db.apply_stream_event("m-1", 100, &event, 100).await.unwrap(), Applied::Recorded { queued: false });
        assert!(!db.remember_eventsub_message("m-1", 100).await.unwrap(), "the id is remembered");
    }
}
