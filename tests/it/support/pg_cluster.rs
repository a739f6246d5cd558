//! A private Postgres cluster that a test may stop and start at will
//! (the shared one at 5432 serves every other test and is never touched).
//!
//! `initdb` and `postgres` refuse to run as root, and the tests run as root,
//! so the cluster belongs to the `postgres` OS user: its directory is handed
//! to that user and every command runs through `runuser -u postgres --`.
//! Durability is off (`fsync=off`, `initdb --no-sync`): it only has to
//! survive a restart, not a power cut.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

pub struct PgCluster {
    pub port: u16,
    bin: PathBuf,
    data: PathBuf,
    dir: tempfile::TempDir,
}

impl PgCluster {
    /// Initialises and starts a cluster on a free port, with a `postgres`
    /// superuser (trust auth on 127.0.0.1) and a `streammaxing` database.
    pub async fn start() -> Self {
        let bin = bin_dir();
        let dir = tempfile::tempdir().expect("cluster directory");
        let (uid, gid) = (id("-u"), id("-g"));
        std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).expect("chown to postgres");
        let data = dir.path().join("data");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let cluster = Self {
            port,
            bin,
            data,
            dir,
        };
        cluster
            .run(
                "initdb",
                &[
                    "-D",
                    path(&cluster.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                ],
            )
            .await;
        cluster.up().await;
        cluster
            .run(
                "createdb",
                &[
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &port.to_string(),
                    "-U",
                    "postgres",
                    "streammaxing",
                ],
            )
            .await;
        cluster
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/streammaxing", self.port)
    }

    /// Starts the (stopped) cluster and waits until it accepts connections.
    pub async fn up(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off -c full_page_writes=off",
            self.port,
            path(self.dir.path()),
        );
        let log = self.dir.path().join("postgres.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                path(&self.data),
                "-l",
                path(&log),
                "-o",
                &options,
                "-w",
                "start",
            ],
        )
        .await;
    }

    /// Stops the cluster: `fast` (sessions are cut, clean shutdown) or
    /// `immediate` (like a crash: recovery runs at the next start).
    pub async fn down(&self, mode: &str) {
        self.run(
            "pg_ctl",
            &["-D", path(&self.data), "-m", mode, "-w", "stop"],
        )
        .await;
    }

    async fn run(&self, program: &str, args: &[&str]) {
        let output = tokio::process::Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join(program))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .await
            .unwrap_or_else(|e| panic!("running {program}: {e}"));
        assert!(
            output.status.success(),
            "{program} {args:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        // Already stopped is fine; the directory goes with `dir`.
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join("pg_ctl"))
            .args(["-D", path(&self.data), "-m", "immediate", "-w", "stop"])
            .output();
    }
}

/// The newest installed server's binaries (`/usr/lib/postgresql/N/bin`).
fn bin_dir() -> PathBuf {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("Postgres server binaries under /usr/lib/postgresql")
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .expect("an initdb under /usr/lib/postgresql/*/bin")
        .1
}

/// `id -u postgres` / `id -g postgres`.
fn id(flag: &str) -> u32 {
    let out = Command::new("id")
        .args([flag, "postgres"])
        .output()
        .expect("id postgres");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the postgres OS user exists")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}
