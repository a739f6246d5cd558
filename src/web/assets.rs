//! The single-page app's files: embedded in release builds (read from
//! `frontend/dist` in debug builds). Hashed assets are cached forever,
//! `index.html` never; any other path is a client route and gets
//! `index.html`. Without a built front end, a plain page says how to build it.

use axum::{
    http::{HeaderValue, StatusCode, Uri, header},
    response::{Html, IntoResponse, Response},
};

use crate::error::ApiError;

#[derive(rust_embed::Embed)]
#[folder = "frontend/dist"]
#[allow_missing = true]
struct Dist;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

pub async fn serve(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path.starts_with("api/") || path == "api" {
        return ApiError::NotFound.into_response();
    }
    if let Some(file) = Some(path).filter(|p| !p.is_empty()).and_then(Dist::get) {
        let cache = if path.starts_with("assets/") {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        return file_response(file.data.into_owned(), file.metadata.mimetype(), cache);
    }
    if path.starts_with("assets/") {
        // A stale hashed name: don't answer a script request with HTML.
        return StatusCode::NOT_FOUND.into_response();
    }
    match Dist::get("index.html") {
        Some(index) => file_response(
            index.data.into_owned(),
            "text/html; charset=utf-8",
            NO_CACHE,
        ),
        None => not_built(),
    }
}

fn file_response(body: Vec<u8>, mime: &str, cache: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    if let Ok(mime) = HeaderValue::from_str(mime) {
        headers.insert(header::CONTENT_TYPE, mime);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// The service still runs without its web app; this says how to add it.
pub fn not_built() -> Response {
    let page = Html(concat!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>StreamMaxing</title></head><body>",
        "<h1>StreamMaxing is running</h1>",
        "<p>Discord commands, Twitch webhooks and notifications work. The web app (link page and ",
        "template editor) has not been built into this binary: run ",
        "<code>npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build</code> and rebuild ",
        "(<code>make serve</code> does both).</p></body></html>"
    ));
    let mut response = page.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}
