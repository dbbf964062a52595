//! The checks `cargo xtask test` runs, in order, stopping at the first failure.

use crate::install::{self, run, Tools};
use crate::{csp, root, size};
use std::process::Command;
use std::time::Instant;

const STEPS: &[&str] = &[
    "fmt",
    "clippy",
    "clippy-wasm",
    "test",
    "wasm-test",
    "build",
    "size",
    "e2e",
    "reliability",
];

pub fn test(args: &[String]) -> Result<(), String> {
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--only" => only = Some(it.next().ok_or("--only needs a step name")?.clone()),
            other => return Err(format!("unknown option {other:?} for test")),
        }
    }
    if let Some(o) = &only {
        if !STEPS.contains(&o.as_str()) {
            return Err(format!(
                "unknown step {o:?}: expected one of {}",
                STEPS.join(", ")
            ));
        }
    }
    let tools = install::toolchain()?;
    let wants = |s: &str| only.as_deref().is_none_or(|o| o == s);
    if wants("wasm-test") || wants("e2e") || wants("reliability") {
        install::chromium()?;
    }
    if wants("e2e") || wants("reliability") {
        install::e2e_packages()?;
    }
    let started = Instant::now();
    for step in STEPS.iter().filter(|s| wants(s)) {
        let t = Instant::now();
        eprintln!("\nxtask: === {step} ===");
        run_step(step, &tools).map_err(|e| format!("step {step}: {e}"))?;
        eprintln!("xtask: {step} passed in {:.0?}", t.elapsed());
    }
    eprintln!("\nxtask: every check passed in {:.0?}", started.elapsed());
    Ok(())
}

fn cargo(tools: &Tools) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root()).env("PATH", &tools.path);
    c
}

fn run_step(step: &str, tools: &Tools) -> Result<(), String> {
    match step {
        "fmt" => run(
            cargo(tools).args(["fmt", "--all", "--check"]),
            "cargo fmt --check",
        ),
        "clippy" => run(
            cargo(tools).args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
            "clippy (native)",
        ),
        "clippy-wasm" => run(
            cargo(tools).args([
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "qualplan",
                "--lib",
                "--bins",
                "--examples",
                "--tests",
                "--",
                "-D",
                "warnings",
            ]),
            "clippy (wasm32)",
        ),
        "test" => run(
            cargo(tools).args(["test", "--workspace"]),
            "cargo test (native)",
        ),
        "wasm-test" => run(
            cargo(tools)
                .args([
                    "test",
                    "--target",
                    "wasm32-unknown-unknown",
                    "-p",
                    "qualplan",
                    "--test",
                    "web",
                ])
                .env("CHROMEDRIVER", "/usr/bin/chromedriver"),
            "wasm-bindgen tests in headless Chromium",
        ),
        "build" => build_release(tools),
        "size" => size::report_and_check(),
        "e2e" => run(
            Command::new("node")
                .current_dir(root())
                .args(["--test", "--test-concurrency=1"])
                .args(e2e_files()?)
                .env("QUALPLAN_DIST", root().join("dist")),
            "end-to-end tests (Playwright, headless Chromium)",
        ),
        // The attack suite: hostile saved states, links, files, two tabs, a full quota, offline
        // and framing. The spec reporter prints its summary table as it is (TAP would prefix it).
        "reliability" => run(
            Command::new("node")
                .current_dir(root())
                .args([
                    "--test",
                    "--test-concurrency=1",
                    "--test-reporter=spec",
                    "tests/e2e/reliability/",
                ])
                .env("QUALPLAN_DIST", root().join("dist")),
            "reliability (attack) suite (Playwright, headless Chromium)",
        ),
        other => Err(format!("no such step {other}")),
    }
}

/// The end-to-end test files, `tests/e2e/*.test.mjs`, by name: only the folder's own files, not
/// the reliability suite in `tests/e2e/reliability/` (its own step). node 20's `--test` does not
/// expand a glob itself, so the files are listed here.
fn e2e_files() -> Result<Vec<String>, String> {
    let dir = root().join("tests").join("e2e");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/e2e/{name}"))
        .collect();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    files.sort();
    Ok(files)
}

/// The release app in dist/, built by trunk with the pinned tools.
pub fn build_release(tools: &Tools) -> Result<(), String> {
    // trunk runs cargo offline (Trunk.toml): fetch first so a fresh machine has the crates.
    run(cargo(tools).args(["fetch"]), "cargo fetch")?;
    run(
        Command::new("trunk")
            .current_dir(root())
            .env("PATH", &tools.path)
            .args(["build", "--release"]),
        "trunk build --release",
    )?;
    // The qualification editor is its own page with its own wasm, so the planner does not carry
    // it: built on its own (trunk clears the folder it builds into), then added to dist/.
    let editor_dist = root().join("target").join("dist-editor");
    run(
        Command::new("trunk")
            .current_dir(root())
            .env("PATH", &tools.path)
            .args(["build", "editor.html", "--release", "--dist"])
            .arg(&editor_dist),
        "trunk build --release editor.html",
    )?;
    add_editor_page(&editor_dist)?;
    minify(tools)?;
    prerender()?;
    csp::apply("index.html")?;
    csp::apply("editor.html")
}

/// Minifies both pages' wasm-bindgen loaders and the service worker, which trunk leaves whole,
/// takes out what no page uses (which runs the pinned wasm-opt), and writes each page's
/// integrity hashes again.
fn minify(tools: &Tools) -> Result<(), String> {
    install::e2e_packages()?;
    run(
        build_script_command("minify.mjs").env("PATH", &tools.path),
        "minifying the loaders and the service worker (node minify.mjs)",
    )
}

/// Writes the planner's first screen, as the app draws it in Chromium, into dist/index.html, so
/// a first visit on a slow connection reads the units before the wasm has arrived.
fn prerender() -> Result<(), String> {
    install::chromium()?;
    install::e2e_packages()?;
    build_script("prerender.mjs", "writing the first screen into the page")
}

/// Runs a build step written in node, `tests/e2e/<script>`, on dist/.
fn build_script(script: &str, what: &str) -> Result<(), String> {
    run(
        &mut build_script_command(script),
        &format!("{what} (node {script})"),
    )
}

/// `node tests/e2e/<script> dist/`, to run.
fn build_script_command(script: &str) -> Command {
    let mut cmd = Command::new("node");
    cmd.current_dir(root().join("tests").join("e2e"))
        .arg(script)
        .arg(root().join("dist"));
    cmd
}

/// Copies the editor's page (written by trunk as the name of its target) and its hashed files
/// into dist/, leaving the planner's own files as they are.
fn add_editor_page(from: &std::path::Path) -> Result<(), String> {
    let dist = root().join("dist");
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let to = if name.ends_with(".html") {
            dist.join("editor.html")
        } else if dist.join(&name).exists() {
            continue;
        } else {
            dist.join(&name)
        };
        std::fs::copy(entry.path(), &to)
            .map_err(|e| format!("cannot copy {name} to {}: {e}", to.display()))?;
    }
    Ok(())
}
