//! The layering lib.rs states: the domain (plan, query, progress, exchange,
//! report, import, generate) is plain Rust and names nothing of the browser or of Leptos, so
//! that it is tested natively and can be reasoned about alone.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const DOMAIN: [&str; 7] = [
    "src/plan",
    "src/query",
    "src/progress",
    "src/exchange",
    "src/report",
    "src/import",
    "src/generate.rs",
];
const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "send_wrapper",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a folder").flatten() {
            rust_files(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|x| x == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn the_domain_names_nothing_of_the_browser_or_leptos() {
    let mut files = Vec::new();
    for place in DOMAIN {
        rust_files(Path::new(place), &mut files);
    }
    assert!(files.len() > 20, "the domain's files were found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in BROWSER_CRATES {
                let named = code.match_indices(name).any(|(at, _)| {
                    let before = code[..at].chars().next_back();
                    let after = code[at + name.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if named {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the domain names browser or Leptos code:\n{}",
        found.join("\n")
    );
}
