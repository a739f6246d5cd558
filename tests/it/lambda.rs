//! The function under cargo lambda's runtime API emulator (`cargo lambda
//! watch --only-lambda-apis`), invoked
//! with API Gateway HTTP API v2 events: the response goes out at once and
//! the internal extension finishes the work after it.

use std::{
    path::Path,
    process::Stdio,
    time::{Duration, Instant},
};

use ed25519_dalek::Signer;
use serde_json::{Value, json};
use streammaxing::{
    store::{Lease, Transition},
    twitch::signature,
};

use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{EVENTSUB_SECRET, discord_signing_key, notification, vars},
    db::on_both_backends,
    discord::DiscordStandIn,
    interactions::*,
    twitch::TwitchStandIn,
};

const SHROUD: &str = "37402112";
const LIVE: u64 = 1_200_000_000_000_000_777;

struct Emulator {
    port: u16,
    log: std::path::PathBuf,
    _watch: tokio::process::Child,
    function: tokio::process::Child,
}

async fn start(database_url: &str, twitch: &TwitchStandIn, discord: &DiscordStandIn) -> Emulator {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The binary this test run built: `cargo lambda build` ships the same
    // crate renamed `bootstrap`, and it runs as a Lambda function whenever
    // AWS_LAMBDA_RUNTIME_API is set.
    let bootstrap = env!("CARGO_BIN_EXE_streammaxing");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let watch = tokio::process::Command::new("cargo")
        .args([
            "lambda",
            "watch",
            "--only-lambda-apis",
            "-P",
            &port.to_string(),
        ])
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("cargo lambda watch (pip install cargo-lambda)");
    for _ in 0..400 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let mut env = vars(
        twitch,
        discord,
        "https://abc123.execute-api.eu-west-1.amazonaws.com",
    );
    env.extend([
        ("DATABASE_URL".to_owned(), database_url.to_owned()),
        (
            "AWS_LAMBDA_RUNTIME_API".to_owned(),
            format!("http://127.0.0.1:{port}/.rt"),
        ),
        ("AWS_LAMBDA_FUNCTION_NAME".to_owned(), "_".to_owned()),
        ("AWS_LAMBDA_FUNCTION_VERSION".to_owned(), "1".to_owned()),
        (
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE".to_owned(),
            "128".to_owned(),
        ),
        ("_HANDLER".to_owned(), "http".to_owned()),
        ("RUST_LOG".to_owned(), "info,streammaxing=debug".to_owned()),
    ]);
    let log = std::env::temp_dir().join(format!("streammaxing-lambda-{port}.log"));
    let log_file = std::fs::File::create(&log).unwrap();
    let function = tokio::process::Command::new(bootstrap)
        .env_clear()
        .envs(env)
        .stdout(log_file.try_clone().unwrap())
        .stderr(log_file)
        .kill_on_drop(true)
        .spawn()
        .expect("bootstrap starts");
    // Lambda finishes init (the extension's registration included) before
    // the first invocation; the emulator doesn't wait for it, so we do.
    tokio::time::sleep(Duration::from_secs(2)).await;
    Emulator {
        port,
        log,
        _watch: watch,
        function,
    }
}

impl Emulator {
    /// Invokes the function with an API Gateway HTTP API v2 event.
    async fn invoke(&self, method: &str, path: &str, headers: Value, body: &str) -> Value {
        let (raw_path, query) = path.split_once('?').unwrap_or((path, ""));
        let event = json!({
            "version": "2.0", "routeKey": "$default", "rawPath": raw_path, "rawQueryString": query,
            "headers": headers, "isBase64Encoded": false, "body": body,
            "requestContext": {
                "accountId": "123456789012", "apiId": "abc123", "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
                "domainPrefix": "abc123", "requestId": "req-1", "routeKey": "$default", "stage": "$default",
                "time": "26/Nov/2026:12:00:00 +0000", "timeEpoch": 1_795_000_000_000_u64,
                "http": {"method": method, "path": raw_path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "test"}
            }
        });
        let url = format!(
            "http://127.0.0.1:{}/2015-03-31/functions/_/invocations",
            self.port
        );
        for _ in 0..100 {
            let sent = reqwest::Client::new()
                .post(&url)
                .json(&event)
                .timeout(Duration::from_secs(30))
                .send()
                .await;
            if let Ok(response) = sent
                && response.status().is_success()
            {
                return response.json().await.expect("function response");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the function never answered");
    }

    /// The end of the function's log, for failure messages.
    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        log.lines()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn rss_kib(&self) -> Option<u64> {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.function.id()?)).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }
}

async fn eventually(check: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if check() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    false
}

fn discord_signed(body: &str) -> Value {
    let ts = chrono::Utc::now().timestamp().to_string();
    let sig = hex::encode(
        discord_signing_key()
            .sign(format!("{ts}{body}").as_bytes())
            .to_bytes(),
    );
    json!({"content-type": "application/json", "x-signature-ed25519": sig, "x-signature-timestamp": ts})
}

fn twitch_signed(kind: &str, id: &str, body: &str) -> Value {
    let ts = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    json!({
        "content-type": "application/json", "twitch-eventsub-message-id": id, "twitch-eventsub-message-type": kind,
        "twitch-eventsub-message-retry": "0", "twitch-eventsub-message-timestamp": ts,
        "twitch-eventsub-message-signature": signature::sign(EVENTSUB_SECRET.as_bytes(), id, &ts, body.as_bytes()),
    })
}

on_both_backends! {
    async fn the_lambda_build_answers_at_once_and_finishes_the_work_after(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        twitch.add_user(SHROUD, "shroud", "shroud");
        discord.world().latency = Duration::from_millis(400);
        db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw(SHROUD), login: "shroud", display_name: "shroud", avatar_url: None }, 1).await.unwrap();
        let mut config = db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
        config.channel_id = Some(sf(LIVE));
        db.save_guild_config(&config, 1).await.unwrap();
        db.track_streamer(sf(GUILD), &tw(SHROUD), None, 1).await.unwrap();
        let lambda = start(&db.url, &twitch, &discord).await;

        // Discord's PING.
        let ping = json!({"type": 1}).to_string();
        let answer = lambda.invoke("POST", "/interactions", discord_signed(&ping), &ping).await;
        assert_eq!(answer["statusCode"], 200, "{answer}");
        assert_eq!(serde_json::from_str::<Value>(answer["body"].as_str().unwrap()).unwrap(), json!({"type": 1}));
        let forged = lambda.invoke("POST", "/interactions", json!({"x-signature-ed25519": "00", "x-signature-timestamp": "1"}), &ping).await;
        assert_eq!(forged["statusCode"], 401);

        // Twitch's challenge.
        let challenge = json!({"challenge": "abc-challenge-123", "subscription": {"id": "s", "status": "webhook_callback_verification_pending",
            "type": "stream.online", "version": "1", "condition": {"broadcaster_user_id": "9"}, "transport": {"method": "webhook", "callback": "x"}}}).to_string();
        let answer = lambda.invoke("POST", "/webhooks/twitch", twitch_signed("webhook_callback_verification", "m-c", &challenge), &challenge).await;
        assert_eq!(answer["statusCode"], 200);
        assert_eq!(answer["body"], "abc-challenge-123");
        assert!(answer["headers"]["content-type"].as_str().unwrap().starts_with("text/plain"), "{answer}");

        // Health.
        let health = lambda.invoke("GET", "/api/health", json!({}), "").await;
        assert_eq!(health["statusCode"], 200, "{health}");

        // A go-live: acknowledged before Discord has answered, delivered after.
        let online = notification("stream.online", "1", SHROUD, json!({"id": "s-lambda", "broadcaster_user_id": SHROUD,
            "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud", "type": "live", "started_at": "2026-11-26T12:00:00Z"}));
        let answer = lambda.invoke("POST", "/webhooks/twitch", twitch_signed("notification", "m-online", &online), &online).await;
        let answered = Instant::now();
        assert_eq!(answer["statusCode"], 204);
        // Lambda starts the next invocation only once the extension is done
        // with this one (the emulator hands the extension its event late).
        lambda.invoke("GET", "/api/health", json!({}), "").await;
        let delivered = eventually(|| discord.messages_in(LIVE).len() == 1).await;
        assert!(delivered, "the extension delivered the notification after the response; log:\n{}", lambda.log_tail());
        let post = discord.calls("POST", &format!("/channels/{LIVE}/messages"));
        assert!(answered < post[0].at + Duration::from_millis(400), "the response left before Discord answered");

        // A deferred command: "thinking…" at once, the reply after.
        let add = slash(AS_ADMIN, "streamers", sub("add", json!([string("login", "shroud")])), json!({})).to_string();
        let answer = lambda.invoke("POST", "/interactions", discord_signed(&add), &add).await;
        assert_eq!(serde_json::from_str::<Value>(answer["body"].as_str().unwrap()).unwrap()["type"], 5);
        lambda.invoke("GET", "/api/health", json!({}), "").await;
        let edited = eventually(|| discord.calls("PATCH", "/messages/@original").len() == 1).await;
        assert!(edited, "the deferred reply was delivered after the response; log:\n{}", lambda.log_tail());
        if let Some(rss) = lambda.rss_kib() {
            eprintln!("lambda bootstrap RSS after the invocations: {} KiB", rss);
        }
    }

    async fn the_scheduled_sweep_delivers_what_is_due_and_reports_the_oldest(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        let env = vars(&twitch, &discord, "https://abc123.execute-api.eu-west-1.amazonaws.com");
        let config = streammaxing::config::Config::from_vars(|name| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())).unwrap();
        // No worker runs here: only the sweep delivers.
        let state = streammaxing::AppState::new(config, db.db.clone(), streammaxing::clock::Clock::system());
        db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw(SHROUD), login: "shroud", display_name: "shroud", avatar_url: None }, 1).await.unwrap();
        for guild in [1, 2] {
            let mut config = db.ensure_guild(sf(guild), None, 1).await.unwrap();
            config.channel_id = Some(sf(LIVE as i64 + guild));
            db.save_guild_config(&config, 1).await.unwrap();
            db.track_streamer(sf(guild), &tw(SHROUD), None, 1).await.unwrap();
        }
        let now = chrono::Utc::now().timestamp_millis();
        db.enqueue_stream_online(&tw(SHROUD), "s-old", now - 120_000, now - 120_000).await.unwrap();
        // An earlier attempt failed for both; guild 1 is due again now, guild
        // 2 waits for a retry an hour from now.
        for row in db.claim_due_notifications("earlier-worker", now, 1_000, 10).await.unwrap() {
            let next = if row.guild_id == sf(1) { now } else { now + 3_600_000 };
            db.release(&Lease::new(row.id, "earlier-worker"), &Transition::Retry { at: next, error: "Discord 502".into() }, now).await.unwrap();
        }

        let report = streammaxing::lambda::scheduled(&state, None).await.unwrap();
        assert_eq!(report["sent"], 1, "{report}");
        assert_eq!(discord.messages_in(LIVE + 1).len(), 1);
        let oldest = report["oldest_undelivered_seconds"].as_i64().unwrap();
        assert!((119..=200).contains(&oldest), "guild 2 has waited about two minutes: {report}");
    }
}
