//! The web app's copy of the template model, generated from this code: the
//! types (by `ts-rs`), the default template, Discord's field limit, the
//! variables and the sample streams, in `frontend/src/generated/template.ts`.
//! A test fails while the checked-in file differs; `UPDATE_GENERATED=1`
//! rewrites it.

use std::path::PathBuf;

use ts_rs::{Config, TS};
use twilight_validate::embed::FIELD_COUNT;

use super::vars::Var;
use super::{
    ButtonsTemplate, EmbedTemplate, FieldTemplate, Sample, TWITCH_PURPLE, Template, TemplateError,
};

/// Where the web app reads it from, relative to the repository.
const PATH: &str = "frontend/src/generated/template.ts";
const REGENERATE: &str = "UPDATE_GENERATED=1 cargo test --lib notify::template::typescript";

/// The whole file.
fn typescript() -> String {
    let mut out = format!(
        "// Generated from the Rust template engine (src/notify/template/): do not edit.\n\
         // A Rust test fails while this file differs from the code; regenerate with\n\
         //   {REGENERATE}\n"
    );
    for decl in declarations() {
        out.push_str(&format!("\n{decl}\n"));
    }
    out
}

/// Everything the web app takes from the engine, in file order.
fn declarations() -> Vec<String> {
    let cfg = Config::new();
    vec![
        type_decl::<FieldTemplate>(&cfg),
        type_decl::<EmbedTemplate>(&cfg),
        type_decl::<ButtonsTemplate>(&cfg),
        type_decl::<Template>(&cfg),
        type_decl::<TemplateError>(&cfg),
        format!(
            "/** Embed colour used when the template sets none (Twitch purple). */\n\
             export const TWITCH_PURPLE = {TWITCH_PURPLE:#08x};"
        ),
        format!(
            "/** Discord's limit on embed fields. */\nexport const MAX_FIELDS = {FIELD_COUNT};"
        ),
        default_template(),
        variables(),
        samples(),
    ]
}

/// `T`'s doc comment and declaration, exported, one member a line (ts-rs
/// writes `type T = { \n/** doc */\nname: string, … };`).
fn type_decl<T: TS>(cfg: &Config) -> String {
    let decl = T::decl(cfg);
    let decl = decl.trim_end().strip_suffix(" };").unwrap_or(&decl);
    let mut lines = decl.lines().map(str::trim_end);
    let mut out = T::docs().unwrap_or_default() + "export " + lines.next().unwrap_or_default();
    for line in lines.filter(|l| !l.is_empty()) {
        out.push_str(&format!("\n  {line}"));
    }
    without_doc_links(&(out + "\n};"))
}

/// Rust doc links as plain code: "[`a`]" and "[`a`](path)" become "`a`".
fn without_doc_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(len) = rest[start..].find("`]") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..start + len + 1]);
        rest = &rest[start + len + 2..];
        if rest.starts_with('(') {
            rest = rest.find(')').map_or(rest, |end| &rest[end + 1..]);
        }
    }
    out + rest
}

/// A JSON value (so also a JavaScript expression), indented for the file.
fn literal(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn default_template() -> String {
    let body = literal(&Template::default()).replace('\n', "\n  ");
    format!(
        "/** The default template (`Template::default()` in Rust), a new copy on each call. */\n\
         export function defaultTemplate(): Template {{\n  return {body};\n}}"
    )
}

fn variables() -> String {
    let names = Var::ALL.map(|v| literal(&v.name())).join(" | ");
    let rows: String = Var::ALL
        .iter()
        .map(|v| {
            let (name, description) = (literal(&v.name()), literal(&v.spec().description));
            format!("  {{ name: {name}, description: {description} }},\n")
        })
        .collect();
    format!(
        "/** The name of a template variable, written between braces. */\n\
         export type VariableName = {names};\n\n\
         /** Every template variable, with what the editor says about it. */\n\
         export const VARIABLES: readonly {{ name: VariableName; description: string }}[] = [\n{rows}];"
    )
}

fn samples() -> String {
    let names = Sample::all().map(|s| literal(&s.name())).join(" | ");
    let rows: String = Sample::all()
        .iter()
        .map(|s| {
            let (name, label) = (literal(&s.name()), literal(&s.label()));
            format!("  {{ name: {name}, label: {label} }},\n")
        })
        .collect();
    format!(
        "/** A sample stream the preview renders with. */\n\
         export type Sample = {names};\n\n\
         /** The sample streams, in menu order. */\n\
         export const SAMPLES: readonly {{ name: Sample; label: string }}[] = [\n{rows}];"
    )
}

#[test]
fn the_web_apps_copy_matches_the_rust_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(PATH);
    let generated = typescript();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creating the folder");
        std::fs::write(&path, &generated).expect("writing the generated file");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    let same = checked_in.lines().zip(generated.lines());
    let line = same.take_while(|(file, code)| file == code).count() + 1;
    assert!(
        checked_in == generated,
        "{PATH} is out of date from line {line} on (the file has {:?}, the code makes {:?}): run `{REGENERATE}`",
        checked_in.lines().nth(line - 1).unwrap_or_default(),
        generated.lines().nth(line - 1).unwrap_or_default(),
    );
}
