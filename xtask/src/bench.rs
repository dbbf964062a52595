//! `cargo xtask bench`: the engine's criterion benchmarks, the bundle sizes and the browser
//! timings (on loopback at full speed, and on a phone profile: `tests/e2e/perf.mjs`), written to
//! xtask/reports/bench.md (kept in the repository, so changes show in review).

use crate::install;
use crate::{root, size, steps};
use std::process::Command;

pub fn bench() -> Result<(), String> {
    let tools = install::toolchain()?;
    install::chromium()?;
    install::e2e_packages()?;
    steps::build_release(&tools)?;
    let sizes = size::report()?;
    // Each bench on its own, so one that stops (a panic) still leaves the others' figures; a
    // stopped bench is named in the report with its panic message.
    let mut text = String::new();
    let mut stopped = String::new();
    for bench in ["evaluate", "complete"] {
        let out = Command::new("cargo")
            .current_dir(root())
            .env("PATH", &tools.path)
            .args(["bench", "--bench", bench, "--"])
            .args(["--warm-up-time", "1", "--measurement-time", "3"])
            .output()
            .map_err(|e| format!("cannot run cargo bench: {e}"))?;
        text.push_str(&String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let why = stderr
                .lines()
                .skip_while(|l| !l.contains("panicked at"))
                .nth(1)
                .unwrap_or("cargo bench failed")
                .trim()
                .to_string();
            eprintln!("xtask: bench {bench} stopped:\n{stderr}");
            stopped.push_str(&format!(
                "| `{bench}` stopped | {} |\n",
                why.replace('|', "\\|")
            ));
        }
    }
    let mut criterion = String::from("| benchmark | time (low, estimate, high) |\n|---|---|\n");
    let mut name = String::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.split_once("time:") {
            let n = if rest.0.trim().is_empty() {
                name.clone()
            } else {
                rest.0.trim().to_string()
            };
            criterion.push_str(&format!("| {n} | {} |\n", rest.1.trim()));
        } else if !t.is_empty()
            && !t.starts_with("Benchmarking")
            && !t.starts_with("Found")
            && !t.contains("outlier")
            && !t.starts_with("change:")
            && !t.starts_with("thrpt")
        {
            name = t.to_string();
        }
    }
    criterion.push_str(&stopped);
    let browser = Command::new("node")
        .current_dir(root())
        .arg("tests/e2e/perf.mjs")
        .env("QUALPLAN_DIST", root().join("dist"))
        .output()
        .map_err(|e| format!("cannot run the browser timings: {e}"))?;
    if !browser.status.success() {
        return Err(format!(
            "browser timings failed:\n{}",
            String::from_utf8_lossy(&browser.stderr)
        ));
    }
    let report = format!(
        "# qualplan benchmarks\n\nMade by `cargo xtask bench` on this project's machine kind (2 cores). Criterion times are \
         native release builds; browser timings are headless Chromium against the release build served on loopback: at full \
         speed with the files uncompressed, then on a phone profile (a throttled network and CPU, the files compressed; \
         the profile is stated with its table), then the measures tried against the phone profile.\n\n\
         ## Bundle size\n\n{sizes}\n## Engine (criterion)\n\n{criterion}\n## Browser on loopback, full speed (Performance API)\n\n{}\n",
        String::from_utf8_lossy(&browser.stdout)
    );
    let path = root().join("xtask").join("reports").join("bench.md");
    std::fs::write(&path, &report).map_err(|e| e.to_string())?;
    println!("{report}");
    eprintln!("xtask: report written to {}", path.display());
    Ok(())
}
