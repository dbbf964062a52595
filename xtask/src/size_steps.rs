//! `cargo xtask size-steps`: what each size measure buys. Builds the browser app's wasm under
//! each profile and flag variant (in target/size-steps, so the normal build is untouched), runs
//! wasm-bindgen and, where the variant says, wasm-opt -Oz (without the pages' further wasm-opt
//! parameters or the short import names of the release build), and writes the gzip -9
//! sizes to xtask/reports/size-steps.md. Slow (a full build per variant); not part of CI.

use crate::install::{self, run};
use crate::{root, size};
use std::process::Command;

struct Variant {
    label: &'static str,
    /// The cargo target built: the app's binary, or an example measured for comparison.
    target: Target,
    /// Cargo profile overrides and RUSTFLAGS, as environment variables.
    env: &'static [(&'static str, &'static str)],
    wasm_opt: bool,
}

/// `RUSTFLAGS` set (even empty) replaces `.cargo/config.toml`'s rustflags, so the variants
/// without erase_components set it empty and the others repeat it.
const ERASED: (&str, &str) = ("RUSTFLAGS", "--cfg erase_components");
const UNERASED: (&str, &str) = ("RUSTFLAGS", "");
const CARGO_DEFAULT: [(&str, &str); 4] = [
    ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"),
    ("CARGO_PROFILE_RELEASE_LTO", "false"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
    ("CARGO_PROFILE_RELEASE_PANIC", "unwind"),
];

#[derive(Clone, Copy)]
enum Target {
    App,
    /// `examples/<name>.rs`: not shipped, built to show what part of the size is whose.
    Example(&'static str),
}

impl Target {
    fn args(self) -> [&'static str; 2] {
        let kind = match self {
            Target::App => "--bin",
            Target::Example(_) => "--example",
        };
        [kind, self.stem()]
    }

    /// The name cargo and wasm-bindgen give its files.
    fn stem(self) -> &'static str {
        match self {
            Target::App => "qualplan-app",
            Target::Example(name) => name,
        }
    }

    /// The folder, under the target directory's release folder, where cargo writes its wasm.
    fn folder(self) -> &'static str {
        match self {
            Target::App => "",
            Target::Example(_) => "examples",
        }
    }
}

const VARIANTS: &[Variant] = &[
    Variant {
        target: Target::App,
        label: "cargo's default release profile (opt-level 3, no LTO, 16 codegen units, unwind), no wasm-opt, no erase_components",
        env: &[CARGO_DEFAULT[0], CARGO_DEFAULT[1], CARGO_DEFAULT[2], CARGO_DEFAULT[3], UNERASED],
        wasm_opt: false,
    },
    Variant {
        target: Target::App,
        label: "the same, with wasm-opt -Oz",
        env: &[CARGO_DEFAULT[0], CARGO_DEFAULT[1], CARGO_DEFAULT[2], CARGO_DEFAULT[3], UNERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::App,
        label: "opt-level 3, LTO, 1 codegen unit, panic abort; wasm-opt -Oz; no erase_components",
        env: &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"), UNERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::App,
        label: "opt-level s, LTO, 1 codegen unit, panic abort; wasm-opt -Oz; no erase_components",
        env: &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "s"), UNERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::App,
        label: "opt-level z, LTO, 1 codegen unit, panic abort; wasm-opt -Oz; no erase_components",
        env: &[UNERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::App,
        label: "the shipped build: the size profile, erase_components, no wasm-opt",
        env: &[ERASED],
        wasm_opt: false,
    },
    Variant {
        target: Target::App,
        label: "the shipped build: the size profile, erase_components, wasm-opt -Oz",
        env: &[ERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::Example("core_only"),
        label: "not shipped: the core alone (catalogue, saved state, links, files, check, completion, progress) with no interface, as shipped otherwise",
        env: &[ERASED],
        wasm_opt: true,
    },
    Variant {
        target: Target::Example("view_only"),
        label: "not shipped: a one-button Leptos view with no core, as shipped otherwise",
        env: &[ERASED],
        wasm_opt: true,
    },
];

pub fn size_steps() -> Result<(), String> {
    let tools = install::toolchain()?;
    let target = root().join("target").join("size-steps");
    let out = target.join("out");
    let mut table =
        String::from("| build | wasm raw bytes | wasm gzip -9 bytes |\n|---|---:|---:|\n");
    for v in VARIANTS {
        eprintln!("xtask: size-steps: {}", v.label);
        let mut cargo = Command::new("cargo");
        cargo
            .current_dir(root())
            .env("PATH", &tools.path)
            .env("CARGO_TARGET_DIR", &target)
            .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
            .args(v.target.args());
        for (k, val) in v.env {
            cargo.env(k, val);
        }
        run(&mut cargo, v.label)?;
        let _ = std::fs::remove_dir_all(&out);
        let wasm = target
            .join("wasm32-unknown-unknown/release")
            .join(v.target.folder())
            .join(format!("{}.wasm", v.target.stem()));
        run(
            Command::new("wasm-bindgen")
                .env("PATH", &tools.path)
                .args(["--target", "web", "--out-dir"])
                .arg(&out)
                .arg(&wasm),
            "wasm-bindgen",
        )?;
        let mut file = out.join(format!("{}_bg.wasm", v.target.stem()));
        if v.wasm_opt {
            let opt = out.join("opt.wasm");
            run(
                Command::new("wasm-opt")
                    .env("PATH", &tools.path)
                    .arg("-Oz")
                    .arg(&file)
                    .arg("-o")
                    .arg(&opt),
                "wasm-opt -Oz",
            )?;
            file = opt;
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        table.push_str(&format!(
            "| {} | {} | {} |\n",
            v.label,
            bytes.len(),
            size::gzip_len(&bytes)?
        ));
    }
    let report = format!(
        "# What each size measure buys\n\nMade by `cargo xtask size-steps`: the browser app's wasm (after wasm-bindgen; the js \
         and css do not change) built under each variant. The shipped build is the row \
         marked so; the two rows after it build small examples to show how much of the size the \
         core and Leptos each bring before any of the interface.\n\n{table}"
    );
    let path = root().join("xtask").join("reports").join("size-steps.md");
    std::fs::write(&path, &report).map_err(|e| e.to_string())?;
    println!("{report}");
    eprintln!("xtask: report written to {}", path.display());
    Ok(())
}
