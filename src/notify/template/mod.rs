//! Notification template engine: turns an admin-edited [`Template`] plus the
//! [`Vars`] of one stream into a Discord message ([`Rendered`]).
//!
//! Guarantees of [`render`](fn@render): it never panics, every text is within Discord's
//! limits, and text coming from Twitch can neither ping nor inject markdown.
//! [`validate`](fn@validate) tells an admin, before saving, everything that would be cut or
//! dropped, with the worst case of every variable (see the `*_MAX` consts).
//!
//! Syntax: `{variable}` (see [`VARIABLES`]), `{{` / `}}` for literal braces.
//! A lone `}` is accepted as a literal brace. Lengths are counted in chars.
//!
//! Defence in depth for callers: send with `AllowedMentions` limited to the
//! configured role/user, so even a hand-written `@everyone` in a template is inert.
//!
//! One idea per file:
//!
//! - `model`: the template as stored and edited, and its defaults;
//! - `vars`: the variables, each described once, and the values of a stream;
//! - `parse`: template strings into text and variables; `suggest`: "did you mean";
//! - `validate`: every problem an admin should fix before saving;
//! - `render`: the message itself (text, embed, buttons);
//! - `escape`: keeping Twitch text from pinging or formatting; `url`: URL rules;
//! - `sample`: the editor's sample streams;
//! - `typescript` (tests only): the web app's generated copy of the model.

mod escape;
mod model;
mod parse;
mod render;
mod sample;
mod suggest;
mod url;
mod validate;
mod vars;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod typescript;

pub use escape::escape_markdown;
pub use model::{
    ButtonsTemplate, EmbedTemplate, FieldTemplate, TEMPLATE_JSON_MAX, TWITCH_PURPLE, Template,
};
pub use render::{Rendered, notify_custom_id, parse_notify_custom_id, render};
pub use sample::Sample;
pub use url::{BUTTON_URL_MAX, EMBED_URL_MAX};
pub use validate::{MAX_PROBLEMS, TemplateError, validate};
pub use vars::{
    DISPLAY_NAME_MAX, GAME_NAME_MAX, LOGIN_MAX, MENTION_MAX, TIMESTAMP_TAG_MAX, TITLE_MAX, URL_MAX,
    VARIABLES, VIEWER_COUNT_MAX, Vars,
};
