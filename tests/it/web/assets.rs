//! The web app's files and the headers every response carries.

use crate::support::{
    app::{OPERATOR_CONTACT, TestApp},
    db::TestDb,
};

#[tokio::test]
async fn pages_get_security_headers_and_the_right_caching() {
    let app = TestApp::start(TestDb::sqlite().await).await;
    let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("frontend/dist/index.html")
        .exists();
    for path in ["/", "/editor", "/link/done?streamer=x"] {
        let response = reqwest::get(format!("{}{path}", app.url)).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let h = response.headers();
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
        assert_eq!(
            h["cache-control"], "no-cache",
            "{path}: index.html is never cached"
        );
        let body = response.text().await.unwrap();
        if built {
            assert!(
                body.contains("<div id=\"root\">") || body.contains("id=\"root\""),
                "{path} is the app"
            );
        } else {
            assert!(
                body.contains("has not been built"),
                "{path} explains how to build the app"
            );
        }
    }
    let api = reqwest::get(format!("{}/api/nope", app.url)).await.unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(api.headers()["content-type"], "application/json");
    assert_eq!(
        reqwest::get(format!("{}/assets/missing-1234.js", app.url))
            .await
            .unwrap()
            .status(),
        404
    );
    if built {
        let index = reqwest::get(format!("{}/", app.url))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let script = index
            .split("src=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a script tag");
        let asset = reqwest::get(format!("{}{script}", app.url)).await.unwrap();
        assert_eq!(
            asset.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert!(
            asset.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("javascript")
        );
    }
}

#[tokio::test]
async fn config_offers_the_install_link_with_exactly_the_needed_permissions() {
    let app = TestApp::start(TestDb::sqlite().await).await;
    let config: serde_json::Value = reqwest::get(format!("{}/api/config", app.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let invite = config["invite_url"].as_str().unwrap();
    assert!(
        invite.starts_with("https://discord.com/oauth2/authorize?client_id=1300000000000000001"),
        "{invite}"
    );
    assert!(invite.contains("scope=bot%20applications.commands"));
    assert!(invite.contains(&format!(
        "permissions={}",
        // View Channel, Send Messages, Embed Links, Mention All Roles
        // (opt-in roles aren't mentionable by members), Manage Roles.
        (1u64 << 10) | (1 << 11) | (1 << 14) | (1 << 17) | (1 << 28)
    )));
    assert_eq!(config["features"]["web"], true);
    assert_eq!(config["operator_contact"], OPERATOR_CONTACT);
}

/// The URLs given to Discord as the app's Privacy Policy and Terms of
/// Service answer with the web app, like every page.
#[tokio::test]
async fn privacy_policy_and_terms_are_pages_of_the_app() {
    let app = TestApp::start(TestDb::sqlite().await).await;
    let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("frontend/dist/index.html")
        .exists();
    for path in ["/privacy", "/terms"] {
        let response = reqwest::get(format!("{}{path}", app.url)).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        let body = response.text().await.unwrap();
        let expected = if built {
            "id=\"root\""
        } else {
            "has not been built"
        };
        assert!(body.contains(expected), "{path}: {body}");
    }
}
