//! Command definitions: the checked-in JSON matches the code, and
//! registration sends exactly that JSON.

use streammaxing::discord::commands;

use crate::support::{app::TestApp, db::TestDb, discord::APP_ID};

fn checked_in() -> Vec<(String, serde_json::Value)> {
    commands::definitions()
        .into_iter()
        .map(|(name, _)| {
            let path = format!("{}/commands/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                panic!("{path} is missing: run `streammaxing commands export`")
            });
            (name.to_owned(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn commands_json_matches_the_code() {
    for ((name, command), (_, file)) in commands::definitions().into_iter().zip(checked_in()) {
        assert_eq!(
            serde_json::to_value(&command).unwrap(),
            file,
            "commands/{name}.json is out of date: run `cargo run -- commands export`"
        );
    }
}

#[test]
fn commands_are_guild_only_within_discords_limits() {
    for (name, command) in commands::definitions() {
        let json = serde_json::to_value(&command).unwrap();
        assert_eq!(
            json["contexts"],
            serde_json::json!([0]),
            "{name} must be guild-only"
        );
        assert!(name.len() <= 32 && command.description.chars().count() <= 100);
        for option in command.options.iter().chain(
            command
                .options
                .iter()
                .flat_map(|o| o.options.iter().flatten()),
        ) {
            assert!(
                option.description.chars().count() <= 100,
                "{name}: {}",
                option.description
            );
        }
    }
    let admin_only = |name: &str| {
        commands::definitions()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .default_member_permissions
    };
    for name in ["setup", "streamers", "template"] {
        assert_eq!(
            admin_only(name).map(|p| p.bits()),
            Some(1 << 5),
            "{name} defaults to Manage Server"
        );
    }
    assert_eq!(admin_only("notify"), None, "/notify is for every member");
}

#[tokio::test]
async fn registering_sends_exactly_the_checked_in_json() {
    let app = TestApp::start(TestDb::sqlite().await).await;
    let registered = commands::register(&app.state.config, Some(42))
        .await
        .unwrap();
    assert_eq!(
        registered,
        ["filter", "notify", "setup", "streamers", "template"]
    );
    let calls = app
        .discord
        .calls("PUT", &format!("/applications/{APP_ID}/guilds/42/commands"));
    assert_eq!(calls.len(), 1);
    let sent: Vec<serde_json::Value> = calls[0].body.as_array().unwrap().clone();
    let files: Vec<serde_json::Value> = checked_in().into_iter().map(|(_, json)| json).collect();
    assert_eq!(sent, files);
    commands::register(&app.state.config, None).await.unwrap();
    assert_eq!(
        app.discord
            .calls("PUT", &format!("/applications/{APP_ID}/commands"))
            .len(),
        1,
        "global registration"
    );
}
