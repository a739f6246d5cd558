//! The layering of `src/` as docs/ARCHITECTURE.md lists it: no module
//! imports a module of a layer above its own, and no two files import each
//! other. Read from the source text, so a new `use` that breaks the layers
//! fails here with the file and the import named.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Layers from the top (index 0), each a list of module paths.
fn layers() -> Vec<(String, Vec<String>)> {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/ARCHITECTURE.md"))
        .expect("docs/ARCHITECTURE.md");
    doc.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // | n | name | `a`, `b::c` |
            let (_, n, name, modules) =
                (cells.first()?, cells.get(1)?, cells.get(2)?, cells.get(3)?);
            n.parse::<u32>().ok()?;
            let modules = modules
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            Some((name.to_string(), modules))
        })
        .collect()
}

/// Every `.rs` file under `src/` (but `main.rs`) as (module path, text).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("src dir") {
            let path = entry.expect("entry").path();
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let join = |name: &str| {
                if prefix.is_empty() {
                    name.to_owned()
                } else {
                    format!("{prefix}::{name}")
                }
            };
            if path.is_dir() {
                walk(&path, &join(&name), out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = match name.as_str() {
                    "mod" => prefix.to_owned(),
                    "lib" | "main" if prefix.is_empty() => continue,
                    _ => join(&name),
                };
                out.insert(module, std::fs::read_to_string(&path).expect("source"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(ROOT).join("src"), "", &mut out);
    out
}

/// Production code only: no comments, no `#[cfg(test)]` module at the end.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree or an inline path names after `crate::`.
fn paths(tree: &str) -> Vec<Vec<String>> {
    fn parse(
        chars: &mut std::iter::Peekable<std::str::Chars>,
        prefix: Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) {
        let mut segment = String::new();
        let mut path = prefix.clone();
        while let Some(&c) = chars.peek() {
            match c {
                'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => {
                    segment.push(c);
                    chars.next();
                }
                ':' => {
                    chars.next();
                    if !segment.is_empty() {
                        path.push(std::mem::take(&mut segment));
                    }
                }
                '{' => {
                    chars.next();
                    loop {
                        parse(chars, path.clone(), out);
                        match chars.next() {
                            Some(',') => continue,
                            _ => break,
                        }
                    }
                    return;
                }
                ' ' | '\n' | '\t' if segment.is_empty() => {
                    chars.next();
                }
                _ => break,
            }
        }
        if !segment.is_empty() {
            path.push(segment);
        }
        out.push(path);
    }
    let mut out = Vec::new();
    parse(&mut tree.chars().peekable(), Vec::new(), &mut out);
    out
}

/// The modules a file refers to through `crate::` and `super::`.
fn imports(
    module: &str,
    is_mod_rs: bool,
    text: &str,
    known: &BTreeSet<String>,
) -> BTreeSet<String> {
    let code = code(text);
    let mut found = BTreeSet::new();
    let own: Vec<&str> = module.split("::").collect();
    let mut resolve = |full: Vec<String>| {
        let target = (1..=full.len())
            .rev()
            .map(|n| full[..n].join("::"))
            .find(|candidate| known.contains(candidate));
        if let Some(target) = target.filter(|t| t != module) {
            found.insert(target);
        }
    };
    for (i, _) in code.match_indices("crate::") {
        for path in paths(&code[i + "crate::".len()..]) {
            resolve(path);
        }
    }
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("super::") {
            continue;
        }
        let mut rest = &code[i..];
        // `super` of a file module is its folder; of a `mod.rs`, the folder's parent.
        let mut base: Vec<String> = own.iter().map(|s| s.to_string()).collect();
        if !is_mod_rs {
            base.pop();
        }
        let mut first = true;
        while let Some(after) = rest.strip_prefix("super::") {
            if !first || is_mod_rs {
                base.pop();
            }
            first = false;
            rest = after;
        }
        for path in paths(rest) {
            resolve(base.iter().cloned().chain(path).collect());
        }
    }
    found
}

fn layer_of<'a>(module: &str, layers: &'a [(String, Vec<String>)]) -> Option<(usize, &'a str)> {
    layers
        .iter()
        .enumerate()
        .flat_map(|(i, (_, modules))| modules.iter().map(move |m| (i, m)))
        .filter(|(_, m)| module == m.as_str() || module.starts_with(&format!("{m}::")))
        .max_by_key(|(_, m)| m.len())
        .map(|(i, m)| (i, m.as_str()))
}

#[test]
fn no_module_imports_a_layer_above_it_and_no_two_files_import_each_other() {
    let layers = layers();
    assert!(
        layers.len() >= 5,
        "docs/ARCHITECTURE.md lists its layers in a table"
    );
    let sources = modules();
    let known: BTreeSet<String> = sources.keys().cloned().collect();
    let root = Path::new(ROOT).join("src");
    let mut graph = BTreeMap::new();
    let mut problems = Vec::new();
    for (module, text) in &sources {
        let is_mod_rs = root.join(module.replace("::", "/")).join("mod.rs").exists();
        let Some((own, _)) = layer_of(module, &layers) else {
            problems.push(format!("{module} is in no layer of docs/ARCHITECTURE.md"));
            continue;
        };
        let targets = imports(module, is_mod_rs, text, &known);
        for target in &targets {
            let Some((theirs, _)) = layer_of(target, &layers) else {
                continue;
            };
            if theirs < own {
                problems.push(format!(
                    "{module} ({}) imports {target} ({}), a layer above it",
                    layers[own].0, layers[theirs].0
                ));
            }
        }
        graph.insert(module.clone(), targets);
    }
    for (a, targets) in &graph {
        for b in targets {
            // A folder's own files are part of it: parent and child may refer to each other.
            let nested = b.starts_with(&format!("{a}::")) || a.starts_with(&format!("{b}::"));
            if a < b && !nested && graph.get(b).is_some_and(|t| t.contains(a)) {
                problems.push(format!("{a} and {b} import each other"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_import_reader_sees_nested_use_trees_and_super_paths() {
    let known: BTreeSet<String> = ["a", "a::b", "a::c", "d", "d::e"].map(String::from).into();
    let text = "use crate::{a::{b::X, c}, d::e::f};\nuse super::c::Y;\nfn x() { crate::d::g(); }";
    let found = imports("a::b", false, text, &known);
    assert_eq!(found, ["a::c", "d", "d::e"].map(String::from).into());
    let tests_are_skipped = imports(
        "d",
        true,
        "#[cfg(test)]\nmod tests { use crate::a::b; }",
        &known,
    );
    assert!(tests_are_skipped.is_empty());
}
