//! Validates the catalogue's data files before the crate is compiled, so a broken reference
//! fails the build with a message naming the file, the record and the reference; then writes the
//! compact copies the browser build embeds.
#![allow(dead_code, unused_imports, clippy::disallowed_methods)]

// The catalogue's loader with what it depends on, and nothing else: it needs no evaluator.
#[path = "src/catalogue/mod.rs"]
mod catalogue;
#[path = "src/limits.rs"]
mod limits;
#[path = "src/sort.rs"]
mod sort;

use serde_json::Value;

/// The file without whitespace or decision notes (the app shows neither).
fn compact(text: &str) -> String {
    fn strip(v: Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .filter(|(k, _)| k != "decisions")
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.into_iter().map(strip).collect()),
            other => other,
        }
    }
    let v: Value = serde_json::from_str(text).expect("validated above");
    strip(v).to_string()
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/catalogue");
    println!("cargo:rerun-if-changed=src/rules");
    if let Err(errors) = catalogue::Catalogue::from_sources(
        catalogue::EMBEDDED_FILES,
        Some(catalogue::EMBEDDED_LINKS),
    ) {
        eprintln!("the catalogue's data files are not valid:");
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        std::process::exit(1);
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files: Vec<(&str, &str)> = catalogue::EMBEDDED_FILES.to_vec();
    files.push(catalogue::EMBEDDED_LINKS);
    for (name, text) in files {
        let file = name.trim_start_matches("data/");
        std::fs::write(out.join(file), compact(text)).expect("OUT_DIR is writable");
    }
}
