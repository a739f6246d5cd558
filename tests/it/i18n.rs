//! The message catalogs (`locales/<tag>/*.ftl`): every language has every
//! message with the same variables, each formats without an error, every
//! key the code names exists, and the commands Discord registers carry
//! valid names and descriptions in every language.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde_json::Value;
use streammaxing::{discord::commands, i18n::Lang};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One language's catalog: message or term id → the variables it uses.
struct Catalog {
    sources: Vec<String>,
    entries: BTreeMap<String, BTreeSet<String>>,
}

fn catalog(lang: Lang) -> Catalog {
    let dir = Path::new(ROOT).join("locales").join(lang.tag());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut entries = BTreeMap::new();
    let mut sources = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("catalog file");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in &resource.body {
            let (id, pattern) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref()),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value)),
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            if let Some(pattern) = pattern {
                variables(pattern, &mut vars);
            }
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                entries.insert(id.clone(), vars).is_none(),
                "{}: {id} is defined twice ({name})",
                lang.tag()
            );
        }
        sources.push(text);
    }
    Catalog { sources, entries }
}

fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = catalog(Lang::En);
    let mut problems = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let other = catalog(lang);
        for (id, vars) in &english.entries {
            match other.entries.get(id) {
                None => problems.push(format!("{}: {id} is missing", lang.tag())),
                Some(theirs) if theirs != vars && !id.starts_with('-') => problems.push(format!(
                    "{}: {id} uses {theirs:?}, English uses {vars:?}",
                    lang.tag()
                )),
                Some(_) => {}
            }
        }
        for id in other
            .entries
            .keys()
            .filter(|id| !english.entries.contains_key(*id))
        {
            problems.push(format!(
                "{}: {id} is not in the English catalog",
                lang.tag()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_formats_without_an_error_in_every_language() {
    let english = catalog(Lang::En);
    for lang in Lang::ALL {
        let own = catalog(lang);
        let mut bundle = FluentBundle::new(vec![lang.tag().parse().expect("language tag")]);
        bundle.set_use_isolating(false);
        for source in own.sources {
            bundle
                .add_resource(FluentResource::try_new(source).expect("parses"))
                .expect("no id defined twice");
        }
        for (id, vars) in english
            .entries
            .iter()
            .filter(|(id, _)| !id.starts_with('-'))
        {
            let Some(message) = bundle.get_message(id) else {
                continue; // reported by the completeness test
            };
            for count in [1, 2, 5] {
                let mut args = FluentArgs::new();
                for var in vars {
                    args.set(var.clone(), FluentValue::from(count));
                }
                let mut errors = vec![];
                let text = bundle.format_pattern(
                    message.value().expect("a message with a value"),
                    Some(&args),
                    &mut errors,
                );
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.tag());
                assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.tag());
            }
        }
    }
}

/// Every catalog key the code names (`tr!(lang, "key"…)`, `names!` and
/// `descriptions!` entries), with the file that names it.
fn keys_in_code() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
                continue;
            }
            // The catalog's own module names keys only in its examples.
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("src/i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            let file = path.strip_prefix(ROOT).unwrap().display().to_string();
            // tr!(lang, "key" …): the first string literal after `tr!(`.
            for (at, _) in text.match_indices("tr!(") {
                let rest = &text[at..];
                if let Some(key) = rest.split('"').nth(1).filter(|k| is_key(k)) {
                    out.insert(key.to_owned(), file.clone());
                }
            }
            // names! / descriptions!: `fn_name => "key",` up to the `}`.
            for opening in ["names! {", "descriptions! {"] {
                for (at, _) in text.match_indices(opening) {
                    let block = text[at..].split('}').next().unwrap_or_default();
                    for line in block.lines() {
                        if let Some((_, quoted)) = line.split_once("=> \"")
                            && let Some(key) = quoted.split('"').next().filter(|k| is_key(k))
                        {
                            out.insert(key.to_owned(), file.clone());
                        }
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(ROOT).join("src"), &mut out);
    out
}

fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_key_the_code_names_is_in_the_catalog_and_every_message_is_used() {
    let english = catalog(Lang::En);
    let used = keys_in_code();
    let missing: Vec<_> = used
        .iter()
        .filter(|(key, _)| !english.entries.contains_key(*key))
        .map(|(key, file)| format!("{key} (named in {file})"))
        .collect();
    assert!(missing.is_empty(), "not in locales/en-US: {missing:?}");
    let unused: Vec<_> = english
        .entries
        .keys()
        .filter(|id| !id.starts_with('-') && !used.contains_key(*id))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// Discord's rule for command and option names: lowercase letters,
/// numbers, `-`, `_` and `'`, 1 to 32 characters.
fn valid_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=32).contains(&count)
        && name
            .chars()
            .all(|c| (c.is_alphanumeric() || "-_'".contains(c)) && c.to_lowercase().eq([c]))
}

/// Each locale every language serves.
fn discord_locales() -> Vec<&'static str> {
    Lang::ALL
        .into_iter()
        .flat_map(|l| l.discord_locales().iter().copied())
        .collect()
}

/// Walks a command, its subcommands and options, and their choices.
fn check_node(path: &str, node: &Value, problems: &mut Vec<String>) {
    let name = node["name"].as_str().unwrap_or_default();
    let path = format!("{path}/{name}");
    let names = &node["name_localizations"];
    let descriptions = &node["description_localizations"];
    for locale in discord_locales() {
        let Some(localized) = names[locale].as_str() else {
            problems.push(format!("{path}: no name in {locale}"));
            continue;
        };
        if !valid_name(localized) {
            problems.push(format!(
                "{path}: {locale} name {localized:?} breaks Discord's rule"
            ));
        }
        if locale.starts_with("en") && localized != name {
            problems.push(format!(
                "{path}: the catalog says {localized:?}, the code {name:?}"
            ));
        }
        if locale.starts_with("en") {
            continue; // English descriptions are the fallback itself
        }
        match descriptions[locale].as_str() {
            Some(d) if (1..=100).contains(&d.chars().count()) => {}
            other => problems.push(format!("{path}: {locale} description {other:?}")),
        }
    }
    let siblings = node["options"].as_array().cloned().unwrap_or_default();
    for locale in discord_locales() {
        let mut seen = BTreeSet::new();
        for option in &siblings {
            let localized = option["name_localizations"][locale]
                .as_str()
                .unwrap_or_default();
            if !seen.insert(localized.to_owned()) {
                problems.push(format!(
                    "{path}: two options called {localized:?} in {locale}"
                ));
            }
        }
    }
    for choice in node["choices"].as_array().into_iter().flatten() {
        let name = choice["name"].as_str().unwrap_or_default();
        let Some(localized) = choice["name_localizations"].as_object() else {
            // A language's own name reads the same in every locale.
            if Lang::ALL.iter().all(|l| l.native_name() != name) {
                problems.push(format!("{path}: choice {name:?} is not localized"));
            }
            continue;
        };
        for locale in discord_locales() {
            match localized.get(locale).and_then(Value::as_str) {
                Some(text) if (1..=100).contains(&text.chars().count()) => {
                    if locale.starts_with("en") && text != name {
                        problems.push(format!(
                            "{path}: choice {name:?} reads {text:?} in the catalog"
                        ));
                    }
                }
                other => problems.push(format!("{path}: choice {name:?} in {locale}: {other:?}")),
            }
        }
    }
    for option in &siblings {
        check_node(&path, option, problems);
    }
}

#[test]
fn every_command_option_and_choice_has_a_valid_name_and_description_in_every_language() {
    let mut problems = Vec::new();
    for (_, command) in commands::definitions() {
        let json = serde_json::to_value(&command).expect("command JSON");
        check_node("", &json, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
