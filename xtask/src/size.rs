//! Bundle-size report (raw and gzip of the built wasm, js and css) against the budget in
//! xtask/size-budget.txt.

use crate::root;
use std::io::Write;
use std::process::{Command, Stdio};

pub fn report_and_check() -> Result<(), String> {
    let (report, total_gz, has_wasm) = measure("index.html", true)?;
    let (editor, editor_gz, _) = measure("editor.html", false)?;
    let report = format!("{report}\nThe qualification editor's own page (editor.html; not loaded by the planner):\n\n{editor}");
    println!("{report}");
    let out = root().join("target").join("size-report.md");
    std::fs::write(&out, &report).map_err(|e| e.to_string())?;
    let budget = budget()?;
    if !has_wasm {
        return Err("no .wasm file in dist/".into());
    }
    if total_gz > budget {
        return Err(format!("bundle is {total_gz} bytes gzip, over the budget of {budget} bytes (xtask/size-budget.txt)"));
    }
    eprintln!("xtask: planner bundle {total_gz} bytes gzip, within the budget of {budget} bytes; the editor's page {editor_gz} bytes gzip");
    Ok(())
}

/// The size table alone, for the bench report.
pub fn report() -> Result<String, String> {
    Ok(measure("index.html", true)?.0)
}

/// The wasm, js and css files `page` names (and the service worker, with the planner's page),
/// raw, gzip -9 and brotli -11.
fn measure(page: &str, with_worker: bool) -> Result<(String, usize, bool), String> {
    let dist = root().join("dist");
    let html = std::fs::read_to_string(dist.join(page))
        .map_err(|e| format!("cannot read dist/{page}: {e} (run the build step)"))?;
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(&dist)
        .map_err(|e| format!("cannot read {}: {e} (run the build step)", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_string();
        if !["wasm", "js", "css"].contains(&ext.as_str()) {
            continue;
        }
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if !(html.contains(&name) || (with_worker && name == "sw.js")) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes)?;
        let br = brotli_len(&path)?;
        rows.push((name, ext, bytes.len(), gz, br));
    }
    rows.sort();
    let total_gz: usize = rows.iter().map(|r| r.3).sum();
    let mut report = String::from(
        "| file | raw bytes | gzip -9 bytes | brotli -11 bytes |\n|---|---:|---:|---:|\n",
    );
    for (name, _, raw, gz, br) in &rows {
        report.push_str(&format!("| {name} | {raw} | {gz} | {br} |\n"));
    }
    report.push_str(&format!(
        "| **total** | {} | {total_gz} | {} |\n",
        rows.iter().map(|r| r.2).sum::<usize>(),
        rows.iter().map(|r| r.4).sum::<usize>()
    ));
    let has_wasm = rows.iter().any(|r| r.1 == "wasm");
    Ok((report, total_gz, has_wasm))
}

fn budget() -> Result<usize, String> {
    let path = root().join("xtask").join("size-budget.txt");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| {
            format!(
                "{}: expected a number of bytes on its first non-comment line",
                path.display()
            )
        })
}

pub fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    // Fed from another thread: gzip writes as it reads, and a full stdout pipe would otherwise
    // stop it reading while this side is still writing.
    let mut stdin = child.stdin.take().ok_or("gzip has no stdin")?;
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    feeder
        .join()
        .map_err(|_| "the gzip feeder panicked".to_string())?
        .map_err(|e| format!("cannot feed gzip: {e}"))?;
    Ok(out.stdout.len())
}

/// Brotli at quality 11, through Node's zlib (Node is already needed for the browser tests).
fn brotli_len(path: &std::path::Path) -> Result<usize, String> {
    const SCRIPT: &str = "const z = require('zlib'); const b = require('fs').readFileSync(process.argv[1]); \
        process.stdout.write(String(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length));";
    let out = Command::new("node")
        .args(["-e", SCRIPT])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run node for the brotli size: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| format!("no brotli size for {}", path.display()))
}
