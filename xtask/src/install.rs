//! Installs the toolchain the build and tests need, only where missing or the wrong version.
//! Versions are pinned here and in Trunk.toml (the README lists them).

use crate::root;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132.0.0";

/// Where tools installed by npm live (binaryen's wasm-opt), inside the ignored target dir.
pub fn tools_dir() -> PathBuf {
    root().join("target").join("tools")
}

pub struct Tools {
    /// PATH with the pinned wasm-opt first, so trunk never picks up another one.
    pub path: String,
}

pub fn toolchain() -> Result<Tools, String> {
    wasm_target()?;
    cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    let wb = wasm_bindgen_version()?;
    // wasm-bindgen-cli's own lock file pins crates the registry may not have: no --locked.
    cargo_tool("wasm-bindgen", &wb, &["wasm-bindgen-cli", "--version", &wb])?;
    let opt_bin = binaryen()?;
    let path = format!(
        "{}:{}",
        opt_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Ok(Tools { path })
}

pub fn run(cmd: &mut Command, what: &str) -> Result<(), String> {
    eprintln!("xtask: {what}");
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what}: exited with {status}"))
    }
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
    })
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        "adding the wasm32-unknown-unknown target",
    )
}

fn cargo_tool(bin: &str, version: &str, install_args: &[&str]) -> Result<(), String> {
    if let Some(v) = output(bin, &["--version"]) {
        if v.split_whitespace().any(|w| w == version) {
            return Ok(());
        }
        eprintln!("xtask: {bin} is {}, need {version}", v.trim());
    }
    let mut cmd = Command::new("cargo");
    cmd.arg("install").args(install_args);
    run(
        &mut cmd,
        &format!("installing {bin} {version} (takes minutes, once)"),
    )
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// binaryen's wasm-opt from npm, pinned; never the distribution's older one, which breaks the app.
fn binaryen() -> Result<PathBuf, String> {
    let dir = tools_dir().join("binaryen");
    let bin = dir.join("node_modules").join(".bin");
    let opt = bin.join("wasm-opt");
    let want = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if let Some(v) = output(opt.to_str().unwrap_or_default(), &["--version"]) {
        if v.contains(&format!("version {want}")) {
            return Ok(bin);
        }
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(
        Command::new("npm")
            .current_dir(&dir)
            .args(["install", "--no-save", "--no-audit", "--no-fund"])
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
        &format!("installing binaryen {BINARYEN_VERSION} (wasm-opt) from npm"),
    )?;
    Ok(bin)
}

/// Chromium and ChromeDriver from the distribution, for the browser tests.
pub fn chromium() -> Result<(), String> {
    // pdftotext (poppler-utils) reads back the printed page in the end-to-end tests.
    if Path::new("/usr/bin/chromium").exists()
        && Path::new("/usr/bin/chromedriver").exists()
        && Path::new("/usr/bin/pdftotext").exists()
    {
        return Ok(());
    }
    let sudo = output("id", &["-u"])
        .map(|u| u.trim() != "0")
        .unwrap_or(true);
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update"]), "updating the package lists")?;
    run(
        &mut apt(&[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "poppler-utils",
        ]),
        "installing Chromium, ChromeDriver and poppler-utils",
    )
}

/// The end-to-end tests' npm packages, exactly as the committed lock file says.
pub fn e2e_packages() -> Result<(), String> {
    let dir = root().join("tests").join("e2e");
    let stamp = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(
        Command::new("npm")
            .current_dir(&dir)
            .args(["ci", "--no-audit", "--no-fund"]),
        "installing the end-to-end tests' npm packages (npm ci)",
    )
}
