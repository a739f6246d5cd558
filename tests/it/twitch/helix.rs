//! The Helix client against the stand-in: tokens, retries, batching, errors.

use std::time::{Duration, Instant};

use streammaxing::twitch::{
    Helix, HelixError,
    helix::{Condition, Created, NewSubscription, NewTransport, SubscriptionFilter},
    live,
};

use crate::support::tw;
use crate::support::{
    app::TestApp,
    db::{TestDb, on_both_backends},
    twitch::Failure,
};

async fn app() -> TestApp {
    let app = TestApp::start(TestDb::sqlite().await).await;
    app.twitch.add_user("37402112", "shroud", "shroud");
    app
}

fn helix(app: &TestApp) -> &Helix {
    app.state.twitch.as_deref().expect("Twitch configured")
}

#[tokio::test]
async fn the_app_token_is_fetched_once_and_reused() {
    let app = app().await;
    for _ in 0..3 {
        assert_eq!(
            helix(&app).users_by_login(&["shroud"]).await.unwrap().len(),
            1
        );
    }
    assert_eq!(app.twitch.world().tokens_issued, 1);
}

#[tokio::test]
async fn a_refused_token_is_renewed_once_and_the_call_succeeds() {
    let app = app().await;
    helix(&app).users_by_login(&["shroud"]).await.unwrap();
    app.twitch.revoke_tokens();
    let users = helix(&app).users_by_id(&["37402112"]).await.unwrap();
    assert_eq!(users[0].login, "shroud");
    assert_eq!(app.twitch.world().tokens_issued, 2);
}

#[tokio::test]
async fn a_401_that_persists_surfaces_twitchs_message_after_one_renewal() {
    let app = app().await;
    for _ in 0..2 {
        app.twitch.fail_next(Failure::Status(401));
    }
    let err = helix(&app).users_by_login(&["shroud"]).await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert!(err.to_string().contains("stand-in failure"), "{err}");
    assert_eq!(
        app.twitch.world().tokens_issued,
        2,
        "renewed once, not in a loop"
    );
}

#[tokio::test]
async fn server_errors_are_retried_then_reported_with_twitchs_message() {
    let app = app().await;
    app.twitch.fail_next(Failure::Status(503));
    assert_eq!(
        helix(&app).channels(&["37402112"]).await.unwrap()[0].game_name,
        "VALORANT"
    );
    for _ in 0..3 {
        app.twitch.fail_next(Failure::Status(500));
    }
    let err = helix(&app).channels(&["37402112"]).await.unwrap_err();
    assert!(matches!(err, HelixError::Api { status: 500, .. }), "{err}");
    assert_eq!(app.twitch.requests("/helix/channels").len(), 2 + 3);
}

#[tokio::test]
async fn a_429_waits_for_ratelimit_reset_before_trying_again() {
    let app = app().await;
    app.twitch
        .fail_next(Failure::RateLimited(Duration::from_millis(1_200)));
    let started = Instant::now();
    helix(&app).users_by_login(&["shroud"]).await.unwrap();
    let requests = app.twitch.requests("/helix/users");
    assert_eq!(requests.len(), 2);
    // Ratelimit-Reset is in whole seconds, so the wait is at least the
    // remainder of the current second past the 1.2 s.
    assert!(
        requests[1].at - requests[0].at >= Duration::from_millis(1_000),
        "retried after {:?}",
        requests[1].at - requests[0].at
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn lookups_are_batched_by_100() {
    let app = app().await;
    let logins: Vec<String> = (0..150).map(|i| format!("user{i}")).collect();
    let refs: Vec<&str> = logins.iter().map(String::as_str).collect();
    assert!(
        helix(&app).users_by_login(&refs).await.unwrap().is_empty(),
        "unknown logins are simply absent"
    );
    let requests = app.twitch.requests("/helix/users");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].query.matches("login=").count(), 100);
    assert_eq!(requests[1].query.matches("login=").count(), 50);
}

#[tokio::test]
async fn subscription_lists_follow_every_page() {
    let app = app().await;
    app.twitch.world().page_size = 2;
    for i in 0..5 {
        app.twitch.add_subscription(
            "stream.online",
            "1",
            &format!("{i}"),
            "https://elsewhere/cb",
            "enabled",
        );
    }
    let all = helix(&app)
        .subscriptions(SubscriptionFilter::All)
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(
        app.twitch.requests("/helix/eventsub/subscriptions").len(),
        3
    );
    let one = helix(&app)
        .subscriptions(SubscriptionFilter::Broadcaster("3"))
        .await
        .unwrap();
    assert_eq!(one.len(), 1);
}

#[tokio::test]
async fn creating_an_existing_subscription_reports_409_as_already_exists() {
    let app = app().await;
    let callback = format!("{}/webhooks/twitch", app.url);
    let new = NewSubscription {
        sub_type: "stream.online",
        version: "1",
        condition: Condition {
            broadcaster_user_id: &tw("37402112"),
        },
        transport: NewTransport {
            method: "webhook",
            callback: &callback,
            secret: "0123456789abc",
        },
    };
    let Created::New(sub) = helix(&app).create_subscription(&new).await.unwrap() else {
        panic!("first create")
    };
    assert_eq!(
        (sub.status.as_ref(), sub.cost),
        ("webhook_callback_verification_pending", 1)
    );
    assert!(matches!(
        helix(&app).create_subscription(&new).await.unwrap(),
        Created::AlreadyExists
    ));
    assert!(helix(&app).delete_subscription(&sub.id).await.unwrap());
    assert!(
        !helix(&app).delete_subscription(&sub.id).await.unwrap(),
        "404 is reported as already gone"
    );
}

#[tokio::test]
async fn a_full_budget_is_refused_once_and_never_retried_as_a_rate_limit() {
    let app = app().await;
    app.twitch.world().max_total_cost = 1;
    let callback = format!("{}/webhooks/twitch", app.url);
    let shroud = tw("37402112");
    let new = |sub_type| NewSubscription {
        sub_type,
        version: "1",
        condition: Condition {
            broadcaster_user_id: &shroud,
        },
        transport: NewTransport {
            method: "webhook",
            callback: &callback,
            secret: "0123456789abc",
        },
    };
    // Twitch reports the budget with every creation and every list.
    let (Created::New(_), budget) = helix(&app)
        .create_subscription_reporting(&new("stream.online"))
        .await
        .unwrap()
    else {
        panic!("first create")
    };
    let budget = budget.expect("reported");
    assert_eq!(
        (budget.total, budget.total_cost, budget.max_total_cost),
        (1, 1, 1)
    );
    let listed = helix(&app)
        .subscription_list(SubscriptionFilter::All)
        .await
        .unwrap();
    assert_eq!(listed.budget, Some(budget));
    // Past the budget: a 429 whose headers show requests left, asked once.
    let refused = helix(&app)
        .create_subscription(&new("stream.offline"))
        .await;
    assert!(
        matches!(refused, Err(HelixError::BudgetFull(ref m)) if m.contains("limit")),
        "{refused:?}"
    );
    let creates = app
        .twitch
        .requests("/helix/eventsub/subscriptions")
        .into_iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(creates, 2, "the refusal was not retried");
    // A real rate limit on a creation is still waited out and retried.
    app.twitch.world().max_total_cost = 10;
    app.twitch
        .fail_next(Failure::RateLimited(Duration::from_millis(10)));
    let created = helix(&app)
        .create_subscription(&new("stream.offline"))
        .await;
    assert!(matches!(created, Ok(Created::New(_))), "{created:?}");
    // One that outlasts the retries is a rate limit still, not a full budget.
    for _ in 0..3 {
        app.twitch
            .fail_next(Failure::RateLimited(Duration::from_millis(10)));
    }
    let limited = helix(&app)
        .create_subscription(&new("channel.update"))
        .await;
    assert!(
        matches!(limited, Err(HelixError::RateLimited(_))),
        "{limited:?}"
    );
}

on_both_backends! {
    async fn go_live_details_never_wait_on_get_streams(db) {
        let app = TestApp::start(db).await;
        app.twitch.add_user("37402112", "shroud", "shroud");
        app.track(&[1], "37402112", "shroud").await;
        let streamer = app.db.streamer(&tw("37402112")).await.unwrap().unwrap();
        // Get Streams is slow (and would be empty in the first minute anyway).
        app.twitch.world().streams_delay = Duration::from_secs(5);
        let started = Instant::now();
        let details = live::go_live_details(helix(&app), &app.db, &streamer, 1).await;
        assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
        assert_eq!((details.title.as_str(), details.game_name.as_str()), ("shroud ranked grind", "VALORANT"));
        assert_eq!((details.viewer_count, details.thumbnail_url), (None, None));
        assert_eq!(details.avatar_url.as_deref(), Some("https://static-cdn.jtvnw.net/shroud-profile.png"), "profile refreshed");
        assert_eq!(app.db.streamer(&tw("37402112")).await.unwrap().unwrap().avatar_url, details.avatar_url, "and cached");

        // When Get Streams has the stream, its numbers are used.
        app.twitch.world().streams_delay = Duration::ZERO;
        app.twitch.set_live("37402112", "shroud", 31_337);
        let details = live::go_live_details(helix(&app), &app.db, &streamer, 2).await;
        assert_eq!(details.viewer_count, Some(31_337));
        assert_eq!(details.thumbnail_url.as_deref(), Some("https://static-cdn.jtvnw.net/previews-ttv/live_user_shroud-1280x720.jpg"));
    }

    async fn go_live_details_fall_back_to_the_last_channel_update(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], "37402112", "shroud").await;
        let update = streammaxing::store::StreamEvent::Updated { twitch_id: &tw("37402112"), title: "from channel.update", game_id: "", game_name: "Chess" };
        app.db.apply_stream_event("m-1", 1, &update, 1).await.unwrap();
        let streamer = app.db.streamer(&tw("37402112")).await.unwrap().unwrap();
        // The stand-in has no channel for this streamer: Get Channel
        // Information comes back empty, as for a just-renamed account.
        let details = live::go_live_details(helix(&app), &app.db, &streamer, 1).await;
        assert_eq!((details.title.as_str(), details.game_name.as_str()), ("from channel.update", "Chess"));
        assert_eq!(details.display_name, "shroud");
    }
}
