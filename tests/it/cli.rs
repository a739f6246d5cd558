//! The real binary: configuration errors, `migrate`, `serve` and shutdown.

use std::{
    net::TcpListener,
    process::{Child, Command, Output, Stdio},
    time::{Duration, Instant},
};

use crate::support::db::TestDb;

const BIN: &str = env!("CARGO_BIN_EXE_streammaxing");

/// The binary with a clean environment (no `.env` is read from the temp dir).
fn streammaxing(dir: &std::path::Path, vars: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd.envs(vars.iter().copied());
    cmd
}

fn run(dir: &std::path::Path, vars: &[(&str, &str)], args: &[&str]) -> Output {
    streammaxing(dir, vars)
        .args(args)
        .output()
        .expect("running streammaxing")
}

#[test]
fn malformed_configuration_stops_start_up_with_one_line_naming_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value) in [
        ("DISCORD_PUBLIC_KEY", "not-hex"),
        ("DATABASE_URL", "mysql://localhost/streammaxing"),
        ("BIND_ADDR", "localhost:3000"),
        ("TWITCH_EVENTSUB_SECRET", "short"),
    ] {
        let out = run(dir.path(), &[(var, value)], &["serve"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{var}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{var}: one line, got {stderr:?}");
        assert!(stderr.contains(var), "{var} not named in {stderr:?}");
        assert!(
            !stderr.contains(value) || var != "DISCORD_PUBLIC_KEY",
            "no secret echoed"
        );
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn wait_for_health(port: u16) -> reqwest::Response {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match reqwest::get(format!("http://127.0.0.1:{port}/api/health")).await {
            Ok(response) => return response,
            Err(e) if Instant::now() > deadline => panic!("serve never answered: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// `migrate`, then `serve --no-migrate` answers health and stops on SIGTERM.
async fn migrate_then_serve(database_url: &str, backend: &str) {
    let dir = tempfile::tempdir().unwrap();
    let vars = [("DATABASE_URL", database_url)];
    let out = run(dir.path(), &vars, &["migrate"]);
    assert!(
        out.status.success(),
        "migrate: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let port = free_port();
    let child = streammaxing(dir.path(), &vars)
        .args([
            "serve",
            "--no-migrate",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let response = wait_for_health(port).await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"]["backend"], backend);

    let pid = server.0.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
}

#[tokio::test]
async fn migrate_then_serve_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("fresh.db").display());
    migrate_then_serve(&url, "sqlite").await;
}

#[tokio::test]
async fn migrate_then_serve_on_postgres() {
    // A fresh, empty database: `migrate` must create the schema itself.
    let db = TestDb::empty_postgres().await;
    migrate_then_serve(&db.url, "postgres").await;
}

#[tokio::test]
async fn serve_with_no_configuration_creates_the_default_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let child = streammaxing(dir.path(), &[("BIND_ADDR", &format!("127.0.0.1:{port}"))])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    assert_eq!(wait_for_health(port).await.status(), 200);
    assert!(dir.path().join("streammaxing.db").exists());
}

/// `streammaxing health`, the container image's health check: bound to
/// every interface as in the image, `serve` is probed on loopback; once it
/// is gone the probe fails and says which URL it tried.
#[tokio::test]
async fn the_health_probe_passes_while_serve_answers_and_fails_once_it_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let bind = format!("0.0.0.0:{port}");
    let vars = [("BIND_ADDR", bind.as_str())];
    let child = streammaxing(dir.path(), &vars)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child);
    assert_eq!(wait_for_health(port).await.status(), 200);

    let out = run(dir.path(), &vars, &["health"]);
    assert!(
        out.status.success(),
        "probe of a live serve: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    drop(server);
    let out = run(dir.path(), &vars, &["health"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "probe with nothing listening");
    assert!(
        stderr.contains(&format!("http://127.0.0.1:{port}/api/health/live")),
        "the probed URL is named: {stderr}"
    );
}

/// `streammaxing backup` while `serve` runs and another writer keeps
/// writing: the copy is whole, holds the database as of one moment, and a
/// new instance serves from it.
#[tokio::test]
async fn an_sqlite_backup_taken_under_load_restores_into_a_working_instance() {
    use std::sync::{
        Arc,
        atomic::{AtomicBool, AtomicI64, Ordering},
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("live.db").display());
    let vars = [("DATABASE_URL", url.as_str())];
    assert!(run(dir.path(), &vars, &["migrate"]).status.success());
    let port = free_port();
    let _serving = Server(
        streammaxing(dir.path(), &vars)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    assert_eq!(wait_for_health(port).await.status(), 200);
    // Load: a writer adds servers as fast as it can.
    let db = streammaxing::store::Db::connect(
        &streammaxing::config::DatabaseUrl::parse(&url).unwrap(),
        streammaxing::store::PoolSettings::SERVER,
    )
    .await
    .unwrap();
    let (written, stop) = (
        Arc::new(AtomicI64::new(0)),
        Arc::new(AtomicBool::new(false)),
    );
    let writer = {
        let (db, written, stop) = (db.clone(), written.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                db.ensure_guild(crate::support::sf(n), None, 1)
                    .await
                    .unwrap();
                written.store(n as i64, Ordering::SeqCst);
            }
        })
    };
    crate::support::eventually("the writer got going", || {
        written.load(Ordering::SeqCst) >= 50
    })
    .await;
    let before = written.load(Ordering::SeqCst);
    let copy = dir.path().join("copy.db");
    let (d, c) = (dir.path().to_owned(), copy.display().to_string());
    let vars_owned = url.clone();
    let out = tokio::task::spawn_blocking(move || {
        run(&d, &[("DATABASE_URL", &vars_owned)], &["backup", &c])
    })
    .await
    .unwrap();
    let after = written.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    assert!(
        out.status.success(),
        "backup: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("To restore"));
    // Whole, and as of one moment between the first and last write it overlapped.
    let copy_url = format!("sqlite://{}", copy.display());
    let pool = sqlx::SqlitePool::connect(&copy_url).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let guilds: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM guilds")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(
        (before..=after).contains(&guilds),
        "{before} ≤ {guilds} ≤ {after}"
    );
    pool.close().await;
    // A second backup never overwrites the first.
    let again = run(dir.path(), &vars, &["backup", &copy.display().to_string()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    // Restored: an instance on the copy serves, its schema complete.
    let restored = [("DATABASE_URL", copy_url.as_str())];
    let port = free_port();
    let _restored = Server(
        streammaxing(dir.path(), &restored)
            .args([
                "serve",
                "--no-migrate",
                "--addr",
                &format!("127.0.0.1:{port}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let health = wait_for_health(port).await;
    assert_eq!(health.status(), 200);
    let restored_db = streammaxing::store::Db::connect(
        &streammaxing::config::DatabaseUrl::parse(&copy_url).unwrap(),
        streammaxing::store::PoolSettings::SERVER,
    )
    .await
    .unwrap();
    assert!(
        restored_db
            .guild_config(crate::support::sf(1))
            .await
            .unwrap()
            .is_some(),
        "its data is there"
    );
}

#[tokio::test]
async fn backing_up_postgres_points_to_pg_dump() {
    let db = TestDb::empty_postgres().await;
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[("DATABASE_URL", &db.url)],
        &["backup", "x.dump"],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("pg_dump") && said.contains("pg_restore"),
        "{said}"
    );
    assert!(!dir.path().join("x.dump").exists());
}
