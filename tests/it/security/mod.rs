//! What an attacker cannot do: forge, reuse or stretch a signed link, act
//! as an admin without being one, replay a signed request, overrun the
//! size limits, or get SQL built from input. Each promise here is listed
//! with its test in docs/RELIABILITY.md (§5).

mod authorization;
mod hygiene;
mod limits;
mod links;
mod render;
mod replay;
mod slow_clients;

/// The text of an interaction reply: its content and embeds.
fn reply_text(body: &serde_json::Value) -> String {
    let data = &body["data"];
    let mut out = data["content"].as_str().unwrap_or("").to_owned();
    for embed in data["embeds"].as_array().into_iter().flatten() {
        for part in ["title", "description"] {
            out.push('\n');
            out.push_str(embed[part].as_str().unwrap_or(""));
        }
    }
    out
}
