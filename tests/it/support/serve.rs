//! The real `streammaxing serve` binary, pointed at the stand-ins.

use std::{process::Stdio, time::Duration};

use super::{app::vars, discord::DiscordStandIn, twitch::TwitchStandIn};

pub struct Serve {
    pub url: String,
    pub env: Vec<(String, String)>,
    child: tokio::process::Child,
    _dir: tempfile::TempDir,
}

impl Serve {
    /// Starts `serve` on a free port with the stand-ins' configuration and
    /// `database_url`; returns once `/api/health` answers.
    pub async fn start(
        database_url: &str,
        twitch: &TwitchStandIn,
        discord: &DiscordStandIn,
    ) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("http://127.0.0.1:{port}");
        let mut env = vars(twitch, discord, &url);
        env.push(("DATABASE_URL".into(), database_url.to_owned()));
        env.push(("BIND_ADDR".into(), format!("127.0.0.1:{port}")));
        Self::start_env(url, env).await
    }

    /// Starts another `serve` with the same configuration (a restart).
    pub async fn start_env(url: String, env: Vec<(String, String)>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_streammaxing"))
            .arg("serve")
            .current_dir(dir.path())
            .env_clear()
            .envs(env.iter().cloned())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("serve starts");
        for _ in 0..400 {
            if reqwest::get(format!("{url}/api/health")).await.is_ok() {
                return Self {
                    url,
                    env,
                    child,
                    _dir: dir,
                };
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("serve never became healthy");
    }

    /// The process id, while it runs.
    #[allow(
        dead_code,
        reason = "only benches/soak.rs, which shares this module, reads it"
    )]
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// SIGKILL: no chance to finish anything.
    pub async fn kill(mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }
}
