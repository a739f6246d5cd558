//! Clients that send half a request, or nothing after their last one, are
//! disconnected by the real `serve` process once the header-read timeout
//! passes, everyone else is served meanwhile, and a request in flight at
//! SIGTERM is still answered. SQLite only: connection handling is the same
//! whatever the database.

use std::time::{Duration, Instant};

use serde_json::json;
use streammaxing::server::connections::{HEADER_READ_TIMEOUT, MAX_CONNECTIONS};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

use crate::support::{
    app::{discord_signing_key, post_interaction},
    db::TestDb,
    discord::DiscordStandIn,
    serve::Serve,
    twitch::TwitchStandIn,
};

const SLOW_CLIENTS: usize = 400;
/// The memory a half-sent request may cost `serve`: its read buffer (8 KiB
/// to start), hyper's connection state and a task, with room to spare.
const PER_CONNECTION_KIB: u64 = 32;
/// Room for a busy machine between the server's timer firing and the test
/// seeing the connection closed.
const SLACK: Duration = Duration::from_secs(20);
/// The server may close no sooner than the timeout after it accepted, which
/// is after the client connected; this only absorbs timer rounding.
const EARLY: Duration = Duration::from_millis(100);

async fn start_serve() -> (Serve, TestDb, TwitchStandIn, DiscordStandIn) {
    let db = TestDb::sqlite().await;
    let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
    let serve = Serve::start(&db.url, &twitch, &discord).await;
    (serve, db, twitch, discord)
}

fn address(serve: &Serve) -> String {
    serve.url.trim_start_matches("http://").to_owned()
}

/// The resident memory of `serve`, in KiB.
fn rss_kib(serve: &Serve) -> u64 {
    let pid = serve.pid().expect("serve is running");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .expect("VmRSS in /proc status")
}

/// Reads until the server closes the connection (end of stream or reset),
/// returning what it sent; fails if that takes longer than `limit`.
async fn until_closed(stream: &mut TcpStream, limit: Duration) -> Vec<u8> {
    let mut received = Vec::new();
    let read = async {
        let mut buf = [0u8; 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(limit, read)
        .await
        .expect("the server closed the connection in time");
    received
}

/// Reads one whole `200 ok` answer to `GET /api/health/live`.
async fn read_live_answer(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let mut buf = [0u8; 1024];
    while !received.ends_with(b"\r\n\r\nok") {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("an answer in time")
            .expect("reading the answer");
        assert_ne!(
            n,
            0,
            "closed before answering: {}",
            String::from_utf8_lossy(&received)
        );
        received.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&received).into_owned()
}

/// Opens [`SLOW_CLIENTS`] connections that each send half a request line.
async fn half_sent_requests(serve: &Serve) -> (Instant, Vec<TcpStream>) {
    let opened = Instant::now();
    let mut slow = Vec::with_capacity(SLOW_CLIENTS);
    for _ in 0..SLOW_CLIENTS {
        let mut stream = TcpStream::connect(address(serve)).await.expect("connect");
        stream
            .write_all(b"GET /api/health/live HT")
            .await
            .expect("write");
        slow.push(stream);
    }
    (opened, slow)
}

/// Waits for the server to close every one of `slow`, none of them before
/// the header timeout; returns when the last closed, counted from `opened`.
async fn all_closed(opened: Instant, slow: Vec<TcpStream>) -> Duration {
    let closings: Vec<_> = slow
        .into_iter()
        .map(|mut stream| {
            tokio::spawn(async move {
                let sent = until_closed(&mut stream, HEADER_READ_TIMEOUT + SLACK).await;
                (opened.elapsed(), sent)
            })
        })
        .collect();
    let mut last = Duration::ZERO;
    for closing in closings {
        let (after, sent) = closing.await.expect("reader");
        assert!(
            after >= HEADER_READ_TIMEOUT - EARLY,
            "closed after only {after:?}"
        );
        assert!(sent.is_empty(), "{}", String::from_utf8_lossy(&sent));
        last = last.max(after);
    }
    last
}

#[tokio::test]
async fn half_sent_requests_are_closed_after_the_header_timeout_and_others_are_served() {
    let (serve, _db, _twitch, _discord) = start_serve().await;
    let http = reqwest::Client::new();
    let live = format!("{}/api/health/live", serve.url);
    assert_eq!(http.get(&live).send().await.unwrap().status(), 200);
    let rss_before = rss_kib(&serve);

    let (opened, slow) = half_sent_requests(&serve).await;
    // Meanwhile a browser and Discord are answered as usual.
    let response = http.get(&live).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
    assert_eq!(
        post_interaction(&serve.url, &json!({"type": 1})).await,
        (200, json!({"type": 1}))
    );
    let rss_open = rss_kib(&serve);
    let last_closed = all_closed(opened, slow).await;
    let rss_after = rss_kib(&serve);
    eprintln!(
        "{SLOW_CLIENTS} half-sent requests all closed within {last_closed:?}; serve's VmRSS \
         {rss_before} KiB before, {rss_open} KiB while open, {rss_after} KiB after"
    );
    assert!(last_closed <= HEADER_READ_TIMEOUT + SLACK);
    // What they cost is bounded (measured: about 18 KiB each, which the
    // allocator keeps for the next connections rather than returning).
    assert!(
        rss_after <= rss_before + PER_CONNECTION_KIB * SLOW_CLIENTS as u64,
        "VmRSS grew from {rss_before} KiB to {rss_after} KiB"
    );
    assert_eq!(http.get(&live).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    let (serve, _db, _twitch, _discord) = start_serve().await;
    let mut stream = TcpStream::connect(address(&serve)).await.expect("connect");
    let request = b"GET /api/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    // Kept alive: a second request on the same connection is answered.
    stream.write_all(request).await.expect("write");
    read_live_answer(&mut stream).await;
    // The server's idle timer cannot start before it has this request.
    let asked = Instant::now();
    stream.write_all(request).await.expect("write");
    let answer = read_live_answer(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let answered = asked.elapsed();

    let sent = until_closed(&mut stream, HEADER_READ_TIMEOUT + SLACK).await;
    let closed = asked.elapsed();
    assert!(sent.is_empty(), "{}", String::from_utf8_lossy(&sent));
    assert!(
        closed >= HEADER_READ_TIMEOUT - EARLY,
        "closed after only {closed:?}"
    );
    eprintln!(
        "an idle keep-alive connection was closed {:?} after its last answer",
        closed - answered
    );
}

#[tokio::test]
async fn at_the_connection_cap_a_new_client_waits_for_a_free_slot_and_is_served() {
    let (serve, _db, _twitch, _discord) = start_serve().await;
    let opened = Instant::now();
    let mut silent = Vec::with_capacity(MAX_CONNECTIONS);
    for _ in 0..MAX_CONNECTIONS {
        silent.push(TcpStream::connect(address(&serve)).await.expect("connect"));
    }

    // Not refused: it waits in the listen queue until a silent client is
    // timed out, then is answered.
    let response = reqwest::Client::new()
        .get(format!("{}/api/health/live", serve.url))
        .timeout(HEADER_READ_TIMEOUT + SLACK)
        .send()
        .await
        .expect("served once a slot frees");
    let served = opened.elapsed();
    assert_eq!(response.status(), 200);
    assert!(
        served >= HEADER_READ_TIMEOUT - EARLY,
        "served after only {served:?}: no cap"
    );
    let last_closed = all_closed(opened, silent).await;
    eprintln!(
        "with {MAX_CONNECTIONS} silent clients, a new one was served after {served:?}; \
         the silent ones were all closed within {last_closed:?}"
    );
}

#[tokio::test]
async fn a_discord_ping_in_flight_at_sigterm_is_still_answered() {
    use ed25519_dalek::Signer;
    let (serve, _db, _twitch, _discord) = start_serve().await;
    let body = json!({"type": 1}).to_string();
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let signature = discord_signing_key().sign(format!("{timestamp}{body}").as_bytes());
    let head = format!(
        "POST /interactions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nExpect: 100-continue\r\nX-Signature-Ed25519: {}\r\n\
         X-Signature-Timestamp: {timestamp}\r\n\r\n",
        body.len(),
        hex::encode(signature.to_bytes())
    );
    let mut stream = TcpStream::connect(address(&serve)).await.expect("connect");
    stream
        .write_all(head.as_bytes())
        .await
        .expect("write the head");
    // hyper asks for the body once the handler reads it: the request is in
    // flight.
    let mut received = Vec::new();
    let mut buf = [0u8; 256];
    while !received.ends_with(b"HTTP/1.1 100 Continue\r\n\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("100 Continue in time")
            .expect("reading 100 Continue");
        assert_ne!(n, 0, "closed: {}", String::from_utf8_lossy(&received));
        received.extend_from_slice(&buf[..n]);
    }

    let pid = serve.pid().expect("serve is running").to_string();
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status();
    assert!(kill.expect("kill").success());
    // Shutting down once it takes no new connections.
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(address(&serve)).await.is_ok() {
        assert!(
            Instant::now() < deadline,
            "serve still accepts after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }

    stream
        .write_all(body.as_bytes())
        .await
        .expect("write the body");
    let answer = until_closed(&mut stream, HEADER_READ_TIMEOUT).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with(r#"{"type":1}"#), "{answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("\r\nconnection: close\r\n"),
        "{answer}"
    );
}
