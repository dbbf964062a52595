//! Developer commands: `cargo xtask serve` and `cargo xtask test`.
//! Each installs what it needs (idempotently), then builds, serves or checks.

mod bench;
mod csp;
mod install;
mod serve;
mod size;
mod size_steps;
mod steps;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  cargo xtask serve [--port N]     install what is missing, build the release app, serve it on 127.0.0.1
  cargo xtask test [--only STEP]   install what tests need, then run every check CI runs
  cargo xtask bench                criterion benchmarks, bundle sizes and browser timings -> xtask/reports/bench.md
  cargo xtask size-steps           the wasm's size under each profile and flag, and of the core and of Leptos alone -> xtask/reports/size-steps.md (slow)
  cargo xtask install              install the toolchain only

test steps, in order: fmt, clippy, clippy-wasm, test, wasm-test, build, size, e2e, reliability
  (reliability: the attack suite in tests/e2e/reliability/; QUALPLAN_RELIABILITY=links,files runs
  only those categories)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("test") => steps::test(&args[1..]),
        Some("install") => install::toolchain().map(|_| ()),
        Some("bench") => bench::bench(),
        Some("size-steps") => size_steps::size_steps(),
        Some("-h") | Some("--help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let mut port: u16 = std::env::var("QUALPLAN_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port needs a number from 0 to 65535")?
            }
            other => return Err(format!("unknown option {other:?} for serve\n\n{USAGE}")),
        }
    }
    let tools = install::toolchain()?;
    steps::build_release(&tools)?;
    serve::serve(&root().join("dist"), port)
}

/// The repository root (the parent of xtask/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}
