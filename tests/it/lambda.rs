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
    app::{APP_SECRET, EVENTSUB_SECRET, discord_signing_key, notification, vars},
    db::{TestDb, on_both_backends},
    discord::DiscordStandIn,
    interactions::*,
    secrets_extension::SecretsExtension,
    twitch::TwitchStandIn,
    writes::{Write, Writes},
};

const API_GATEWAY: &str = "abc123.execute-api.eu-west-1.amazonaws.com";
const FUNCTION_URL: &str = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws";
const SHROUD: &str = "37402112";
const LIVE: u64 = 1_200_000_000_000_000_777;

struct Emulator {
    port: u16,
    /// Invocations answered so far.
    invoked: std::sync::atomic::AtomicU64,
    log: std::path::PathBuf,
    _watch: tokio::process::Child,
    function: tokio::process::Child,
}

/// The function's environment, as `template.yaml` gives it, with the
/// stand-ins' URLs.
fn function_env(
    database_url: &str,
    twitch: &TwitchStandIn,
    discord: &DiscordStandIn,
) -> Vec<(String, String)> {
    let mut env = vars(
        twitch,
        discord,
        "https://abc123.execute-api.eu-west-1.amazonaws.com",
    );
    env.push(("DATABASE_URL".to_owned(), database_url.to_owned()));
    env
}

async fn start(database_url: &str, twitch: &TwitchStandIn, discord: &DiscordStandIn) -> Emulator {
    launch(function_env(database_url, twitch, discord)).await
}

/// Starts the emulator and the function with `env` (plus what Lambda sets),
/// and waits until the function has registered its extension.
async fn launch(mut env: Vec<(String, String)>) -> Emulator {
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
    let mut listening = false;
    for _ in 0..400 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            listening = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(listening, "cargo lambda watch never listened on {port}");
    env.extend([
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
    let emulator = Emulator {
        port,
        log,
        invoked: Default::default(),
        _watch: watch,
        function,
    };
    // Lambda finishes init (the extension's registration included) before
    // the first invocation; the emulator doesn't wait for it, so we do.
    let registered =
        eventually(|| emulator.log_lines("after-response extension registered") == 1).await;
    assert!(
        registered,
        "the function registered its extension; log:\n{}",
        emulator.log_tail()
    );
    emulator
}

impl Emulator {
    /// Invokes the function with an API Gateway HTTP API v2 event.
    async fn invoke(&self, method: &str, path: &str, headers: Value, body: &str) -> Value {
        self.invoke_at(API_GATEWAY, method, path, headers, body)
            .await
    }

    /// Invokes the function as its Lambda function URL does (the same
    /// payload format 2.0, from the URL's own domain).
    async fn invoke_url(&self, method: &str, path: &str, headers: Value, body: &str) -> Value {
        self.invoke_at(FUNCTION_URL, method, path, headers, body)
            .await
    }

    async fn invoke_at(
        &self,
        domain: &str,
        method: &str,
        path: &str,
        headers: Value,
        body: &str,
    ) -> Value {
        let (raw_path, query) = path.split_once('?').unwrap_or((path, ""));
        let prefix = domain.split('.').next().unwrap_or_default();
        let event = json!({
            "version": "2.0", "routeKey": "$default", "rawPath": raw_path, "rawQueryString": query,
            "headers": headers, "isBase64Encoded": false, "body": body,
            "requestContext": {
                "accountId": "123456789012", "apiId": prefix, "domainName": domain,
                "domainPrefix": prefix, "requestId": "req-1", "routeKey": "$default", "stage": "$default",
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
                self.invoked
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                return response.json().await.expect("function response");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the function never answered");
    }

    /// How many lines of the function's log contain `text`.
    fn log_lines(&self, text: &str) -> usize {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains(text))
            .count()
    }

    /// How many responses the extension has finished the after-response
    /// work of (its INVOKE event may come late or, under the emulator, never:
    /// it then finishes them with the next one).
    fn responses_finished(&self) -> u64 {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|line| line["message"] == "extension: after-response work done")
            .filter_map(|line| line["responses"].as_u64())
            .sum()
    }

    /// Waits until the extension has finished the work after every
    /// invocation so far. On Lambda each INVOKE event reaches it; the
    /// emulator drops those that come while it is busy, and the work of a
    /// response whose event was dropped is finished with the next event: so
    /// when that does not come, a read-only invocation brings one.
    async fn settle(&self) {
        for _ in 0..20 {
            let invoked = self.invoked.load(std::sync::atomic::Ordering::SeqCst);
            for _ in 0..40 {
                if self.responses_finished() == invoked {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
            self.invoke("GET", "/api/health/live", json!({}), "").await;
        }
        panic!(
            "the extension never finished its work; log:\n{}",
            self.log_tail()
        );
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
        lambda.settle().await;
        let delivered = eventually(|| discord.messages_in(LIVE).len() == 1).await;
        assert!(delivered, "the extension delivered the notification after the response; log:\n{}", lambda.log_tail());
        let post = discord.calls("POST", &format!("/channels/{LIVE}/messages"));
        assert!(answered < post[0].at + Duration::from_millis(400), "the response left before Discord answered");

        // A deferred command: "thinking…" at once, the reply after.
        let add = slash(AS_ADMIN, "streamers", sub("add", json!([string("login", "shroud")])), json!({})).to_string();
        let answer = lambda.invoke("POST", "/interactions", discord_signed(&add), &add).await;
        assert_eq!(serde_json::from_str::<Value>(answer["body"].as_str().unwrap()).unwrap()["type"], 5);
        lambda.settle().await;
        let edited = eventually(|| discord.calls("PATCH", "/messages/@original").len() == 1).await;
        assert!(edited, "the deferred reply was delivered after the response; log:\n{}", lambda.log_tail());
        if let Some(rss) = lambda.rss_kib() {
            eprintln!("lambda bootstrap RSS after the invocations: {} KiB", rss);
        }
    }

    async fn the_scheduled_sweep_delivers_what_is_due_within_its_time_and_reports_the_oldest(db) {
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

        // A sweep already past the time to stop claiming (its deadline is
        // near) leaves everything to the next one.
        let report = streammaxing::lambda::scheduled(&state, Some(tokio::time::Instant::now())).await.unwrap();
        assert_eq!(report["sent"], 0, "{report}");
        assert!(discord.messages_in(LIVE + 1).is_empty());

        let report = streammaxing::lambda::scheduled(&state, None).await.unwrap();
        assert_eq!(report["sent"], 1, "{report}");
        assert_eq!(discord.messages_in(LIVE + 1).len(), 1);
        let oldest = report["oldest_undelivered_seconds"].as_i64().unwrap();
        assert!((119..=200).contains(&oldest), "guild 2 has waited about two minutes: {report}");
    }
}

const OTHER: &str = "71092938";
const DUE_CHANNEL: u64 = 1_200_000_000_000_000_888;

/// Guild 1 follows shroud into `LIVE`.
async fn follow_shroud(db: &TestDb) {
    db.upsert_streamer(
        &streammaxing::store::NewStreamer {
            twitch_id: &tw(SHROUD),
            login: "shroud",
            display_name: "shroud",
            avatar_url: None,
        },
        1,
    )
    .await
    .unwrap();
    let mut config = db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
    config.channel_id = Some(sf(LIVE));
    db.save_guild_config(&config, 1).await.unwrap();
    db.track_streamer(sf(GUILD), &tw(SHROUD), None, 1)
        .await
        .unwrap();
}

/// A notification into `DUE_CHANNEL` whose retry is due now: any delivery
/// pass would claim it (a write) and post it (a call to Discord).
async fn a_retry_due_now(db: &TestDb) {
    db.upsert_streamer(
        &streammaxing::store::NewStreamer {
            twitch_id: &tw(OTHER),
            login: "xqc",
            display_name: "xQc",
            avatar_url: None,
        },
        1,
    )
    .await
    .unwrap();
    let mut config = db.ensure_guild(sf(2), None, 1).await.unwrap();
    config.channel_id = Some(sf(DUE_CHANNEL));
    db.save_guild_config(&config, 1).await.unwrap();
    db.track_streamer(sf(2), &tw(OTHER), None, 1).await.unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    db.enqueue_stream_online(&tw(OTHER), "s-due", now - 60_000, now - 60_000)
        .await
        .unwrap();
    for row in db
        .claim_due_notifications("earlier-worker", now, 1_000, 10)
        .await
        .unwrap()
    {
        db.release(
            &Lease::new(row.id, "earlier-worker"),
            &Transition::Retry {
                at: now,
                error: "Discord 502".into(),
            },
            now,
        )
        .await
        .unwrap();
    }
}

/// Interaction headers as a forger sends them: signed with another key,
/// with a malformed or missing signature, or for another body.
fn forged(i: usize, body: &str) -> Value {
    let ts = chrono::Utc::now().timestamp().to_string();
    let sign = |key: &ed25519_dalek::SigningKey, message: String| {
        hex::encode(key.sign(message.as_bytes()).to_bytes())
    };
    let signature = match i % 5 {
        0 => sign(
            &ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]),
            format!("{ts}{body}"),
        ),
        1 => "00".to_owned(),
        2 => return json!({"content-type": "application/json"}),
        3 => sign(&discord_signing_key(), format!("{ts}{body} ")),
        _ => "zz".repeat(64),
    };
    json!({"content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": ts})
}

on_both_backends! {
    async fn forged_requests_cost_no_write_and_no_delivery_pass_and_a_go_live_still_delivers(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        twitch.add_user(SHROUD, "shroud", "shroud");
        follow_shroud(&db).await;
        a_retry_due_now(&db).await;
        let writes = Writes::observe(&db).await;
        let lambda = start(&db.url, &twitch, &discord).await;

        // 100 forged interactions (a command that would write, if accepted),
        // a go-live signed with another secret, and read-only requests.
        let add = slash(AS_ADMIN, "streamers", sub("add", json!([string("login", "shroud")])), json!({})).to_string();
        for i in 0..100 {
            let answer = lambda.invoke_url("POST", "/interactions", forged(i, &add), &add).await;
            assert_eq!(answer["statusCode"], 401, "forged interaction {i}: {answer}");
        }
        let online = notification("stream.online", "1", SHROUD, json!({"id": "s-forged", "broadcaster_user_id": SHROUD,
            "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud", "type": "live", "started_at": "2026-11-26T12:00:00Z"}));
        let mut headers = twitch_signed("notification", "m-forged", &online);
        headers["twitch-eventsub-message-signature"] = json!(signature::sign(b"not-the-eventsub-secret", "m-forged", headers["twitch-eventsub-message-timestamp"].as_str().unwrap(), online.as_bytes()));
        let answer = lambda.invoke_url("POST", "/webhooks/twitch", headers, &online).await;
        assert_eq!(answer["statusCode"], 403, "{answer}");
        assert_eq!(lambda.invoke_url("GET", "/api/health", json!({}), "").await["statusCode"], 200);
        assert_eq!(lambda.invoke_url("GET", "/api/health/live", json!({}), "").await["statusCode"], 200);
        lambda.settle().await;

        assert_eq!(writes.all().await, Vec::<Write>::new(), "rejected and read-only requests wrote to the database");
        assert_eq!(lambda.log_lines("after the response: delivery pass"), 0, "a delivery pass ran; log:\n{}", lambda.log_tail());
        assert!(discord.messages_in(DUE_CHANNEL).is_empty(), "a delivery pass posted the due retry");

        // A signed go-live (through the function URL): acknowledged, then
        // delivered after the response, with the retry that was due.
        let online = notification("stream.online", "1", SHROUD, json!({"id": "s-lambda", "broadcaster_user_id": SHROUD,
            "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud", "type": "live", "started_at": "2026-11-26T12:00:00Z"}));
        let answer = lambda.invoke_url("POST", "/webhooks/twitch", twitch_signed("notification", "m-online", &online), &online).await;
        assert_eq!(answer["statusCode"], 204, "{answer}");
        lambda.settle().await;
        let delivered = eventually(|| discord.messages_in(LIVE).len() == 1 && discord.messages_in(DUE_CHANNEL).len() == 1).await;
        assert!(delivered, "the go-live was delivered after its response; log:\n{}", lambda.log_tail());
        assert_eq!(lambda.log_lines("after the response: delivery pass"), 1);
        // The observer sees writes: the go-live's own.
        let seen = writes.all().await;
        assert!(seen.contains(&("eventsub_messages".to_owned(), "INSERT".to_owned())), "{seen:?}");
        // The counters went to CloudWatch as an embedded-metric line, at
        // most one a minute: the forged go-live's, after its invocation.
        assert_eq!(lambda.log_lines(r#""eventsub_messages.notification.unknown.forged":1"#), 1, "log:\n{}", lambda.log_tail());
        assert_eq!(lambda.log_lines(r#""CloudWatchMetrics""#), 1, "log:\n{}", lambda.log_tail());
    }

    async fn credentials_come_from_the_secret_at_cold_start(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        let mut env = function_env(&db.url, &twitch, &discord);
        // Everything secret leaves the function's environment for the secret.
        let secret_vars = ["DATABASE_URL", "DISCORD_PUBLIC_KEY", "DISCORD_BOT_TOKEN", "TWITCH_CLIENT_SECRET", "TWITCH_EVENTSUB_SECRET", "APP_SECRET"];
        let secret: serde_json::Map<String, Value> = env.iter().filter(|(k, _)| secret_vars.contains(&k.as_str())).map(|(k, v)| (k.clone(), json!(v))).collect();
        env.retain(|(k, _)| !secret_vars.contains(&k.as_str()));
        assert_eq!(secret.len(), secret_vars.len());
        let extension = SecretsExtension::start("streammaxing/prod", &Value::Object(secret), "session-token-abc").await;
        env.extend([
            ("SECRETS_ID".to_owned(), "streammaxing/prod".to_owned()),
            ("AWS_SESSION_TOKEN".to_owned(), "session-token-abc".to_owned()),
            ("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT".to_owned(), extension.port.to_string()),
        ]);
        let lambda = launch(env).await;

        // Discord's signed PING verifies with the public key from the secret;
        // a forged one doesn't.
        let ping = json!({"type": 1}).to_string();
        let answer = lambda.invoke("POST", "/interactions", discord_signed(&ping), &ping).await;
        assert_eq!(answer["statusCode"], 200, "{answer}; log:\n{}", lambda.log_tail());
        let forged = lambda.invoke("POST", "/interactions", forged(0, &ping), &ping).await;
        assert_eq!(forged["statusCode"], 401);
        // Twitch's challenge verifies with the EventSub secret from the secret.
        let challenge = json!({"challenge": "from-the-secret", "subscription": {"id": "s", "status": "webhook_callback_verification_pending",
            "type": "stream.online", "version": "1", "condition": {"broadcaster_user_id": "9"}, "transport": {"method": "webhook", "callback": "x"}}}).to_string();
        let answer = lambda.invoke("POST", "/webhooks/twitch", twitch_signed("webhook_callback_verification", "m-c", &challenge), &challenge).await;
        assert_eq!(answer["body"], "from-the-secret", "{answer}");
        // The database URL came from the secret too.
        let health = lambda.invoke("GET", "/api/health", json!({}), "").await;
        assert_eq!(health["statusCode"], 200, "{health}");

        let asked = extension.asked();
        assert_eq!(asked.len(), 1, "read once, at cold start: {asked:?}");
        assert_eq!((asked[0].secret_id.as_str(), asked[0].token.as_deref()), ("streammaxing/prod", Some("session-token-abc")));
        let log = std::fs::read_to_string(&lambda.log).unwrap();
        assert!(log.contains("configuration from the secret"), "{log}");
        for value in ["test-bot-token", EVENTSUB_SECRET, APP_SECRET] {
            assert!(!log.contains(value), "a secret value reached the log");
        }
    }
}

/// A secret that can't be read stops the function at start-up, naming the
/// secret and the extension's answer, and never starting half-configured.
#[tokio::test]
async fn an_unreadable_secret_stops_start_up_with_a_clear_error() {
    let extension = SecretsExtension::start(
        "streammaxing/prod",
        &json!({"DISCORD_BOT_TOKEN": "x"}),
        "session-token-abc",
    )
    .await;
    for (secret_id, token, expected) in [
        ("streammaxing/prod", "a-stale-token", "401"),
        ("streammaxing/typo", "session-token-abc", "400"),
    ] {
        let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_streammaxing"))
            .env_clear()
            .envs([
                ("SECRETS_ID", secret_id),
                ("AWS_SESSION_TOKEN", token),
                (
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                    &extension.port.to_string(),
                ),
                ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9"),
            ])
            .output()
            .await
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("{secret_id:?} (SECRETS_ID)")) && stderr.contains(expected),
            "{stderr}"
        );
    }
}
