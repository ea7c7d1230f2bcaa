//! Rules about the shape of the code, checked by reading the source tree (in
//! the manner of rust-analyzer's `tidy` tests), so they hold without a reviewer.
//! Each failure names the file and the rule. ARCHITECTURE.md explains each rule.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, as (path relative to `src/`, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            (relative, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// The code of a line: what comes before a `//` comment (string literals that
/// hold `//` are rare enough here not to matter).
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// The top-level module a file belongs to: its folder, or its own name.
fn module_of(file: &str) -> String {
    file.split('/').next().unwrap_or(file).trim_end_matches(".rs").to_owned()
}

/// Fails with every broken rule, one line each.
fn report(rule: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "rule broken: {rule}\n  {}", problems.join("\n  "));
}

#[test]
fn the_pure_core_imports_nothing_of_the_browser() {
    const BROWSER: [&str; 5] = ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];
    // The pure core: tested natively, no browser in sight. `state` keeps yew's
    // `Reducible` (the reducer's trait) and nothing else of the browser.
    let pure = |file: &str| -> Option<&'static [&'static str]> {
        match module_of(file).as_str() {
            "model" | "codec" | "incoming" | "config" | "text" => Some(&BROWSER),
            "state" => Some(&BROWSER[1..]),
            _ => None,
        }
    };
    let mut problems = Vec::new();
    for (file, text) in sources() {
        let Some(forbidden) = pure(&file) else { continue };
        for (n, line) in text.lines().enumerate() {
            let line = code(line);
            for name in forbidden {
                let named = line.contains(&format!("{name}::")) || line.contains(&format!("use {name}"));
                if named {
                    problems.push(format!("src/{file}:{}: uses `{name}` in the pure core", n + 1));
                }
            }
        }
    }
    report("model/, codec/, incoming, config and text import no yew, web_sys, gloo, js_sys or wasm_bindgen; state imports only yew", problems);
}

#[test]
fn build_features_are_named_only_where_a_build_picks_its_modules() {
    let mut problems = Vec::new();
    for (file, text) in sources() {
        if file == "lib.rs" {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            if !code(line).contains("feature = \"") {
                continue;
            }
            // Allowed only as an attribute of a module declaration (the next line
            // that is not an attribute declares a module).
            let declares_module = code(line).trim_start().starts_with("#[")
                && lines[n + 1..].iter().map(|l| code(l).trim()).find(|l| !l.starts_with("#[")).is_some_and(|l| {
                    l.starts_with("mod ") || l.starts_with("pub mod ") || l.starts_with("pub(crate) mod ")
                });
            if !declares_module {
                problems.push(format!("src/{file}:{}: names a build's feature outside a module declaration", n + 1));
            }
        }
    }
    report(
        "build features (`full`, `partner`) appear only in lib.rs and on module declarations (what differs per build is in the edition_*.rs files)",
        problems,
    );
}

#[test]
fn no_two_modules_import_each_other() {
    // Edges between top-level modules (a folder is one module), with the files
    // that make them.
    let mut edges = Edges::new();
    for (file, text) in sources() {
        let from = module_of(&file);
        if from == "lib" || from == "main" {
            continue;
        }
        for line in text.lines().map(code) {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                let after = &rest[at + "crate::".len()..];
                let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && name != from {
                    edges.entry((from.clone(), name)).or_default().insert(format!("src/{file}"));
                }
                rest = after;
            }
        }
    }
    let mut problems = cycles(&edges);
    problems.sort();
    problems.dedup();
    report(
        "no two modules of src/ import each other, directly or in a circle (a folder counts as one module)",
        problems,
    );
}

/// Edges between modules, with the files that make each.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

/// Every way from a module back to itself, with the files that make each step.
fn cycles(edges: &Edges) -> Vec<String> {
    let modules: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let next = |m: &str| -> Vec<&String> { edges.keys().filter(|(a, _)| a == m).map(|(_, b)| b).collect() };
    let mut found = Vec::new();
    for &start in &modules {
        let mut stack = vec![(start, vec![start])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for to in next(at) {
                if to == start {
                    let mut cycle = path.clone();
                    cycle.push(to);
                    let steps: Vec<String> = cycle
                        .windows(2)
                        .map(|w| {
                            let files = &edges[&(w[0].clone(), w[1].clone())];
                            format!("{} → {} ({})", w[0], w[1], files.iter().cloned().collect::<Vec<_>>().join(", "))
                        })
                        .collect();
                    found.push(steps.join("; "));
                } else if seen.insert(to) {
                    let mut longer = path.clone();
                    longer.push(to);
                    stack.push((to, longer));
                }
            }
        }
    }
    found
}

#[test]
fn a_circle_of_imports_is_found_and_named() {
    let edge = |a: &str, b: &str| ((a.to_owned(), b.to_owned()), BTreeSet::from([format!("src/{a}.rs")]));
    let acyclic: Edges = [edge("app", "host"), edge("mount", "app"), edge("mount", "host")].into();
    assert!(cycles(&acyclic).is_empty());
    let circle: Edges = [edge("app", "host"), edge("host", "mount"), edge("mount", "app")].into();
    let found = cycles(&circle);
    assert_eq!(found.len(), 3, "once from each module on it: {found:?}");
    assert!(
        found.contains(&"app → host (src/app.rs); host → mount (src/host.rs); mount → app (src/mount.rs)".to_owned())
    );
}

#[test]
fn the_codemap_names_every_source_file() {
    let architecture = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    let problems: Vec<String> = sources()
        .into_iter()
        .map(|(file, _)| file)
        .filter(|file| !file.ends_with("mod.rs") && file != "lib.rs" && file != "main.rs")
        .filter(|file| {
            let name = file.rsplit('/').next().unwrap_or(file);
            [format!("`{name}`"), format!("`{file}`"), format!("`src/{file}`")]
                .iter()
                .all(|named| !architecture.contains(named.as_str()))
        })
        .map(|file| format!("src/{file} is not named in ARCHITECTURE.md's codemap"))
        .collect();
    report("ARCHITECTURE.md's codemap names every source file (as `name.rs`)", problems);
}
