//! The README's worked catalogue example loads and gives the verdicts the README states, through
//! `--catalogue` as a trainer would use it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn example() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("<!-- worked-example:start -->")
        .expect("README has the worked example");
    let end = readme.find("<!-- worked-example:end -->").unwrap();
    let block = &readme[start..end];
    let json_start = block.find("```json").unwrap() + "```json".len();
    let json_end = block.rfind("```").unwrap();
    block[json_start..json_end].to_string()
}

fn check(file: &std::path::Path, units: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qualplan"))
        .arg("--catalogue")
        .arg(file)
        .args(["check", "example-l2-retail"])
        .args(units)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_worked_example_loads_and_checks_as_the_readme_says() {
    let dir = std::env::temp_dir().join(format!("qualplan-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("retail.json");
    std::fs::write(&file, example()).unwrap();
    let (code, out) = check(&file, &["R01", "R02", "R11", "R21"]);
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains("meets every rule a plan can show; 1 rule needs evidence"),
        "{out}"
    );
    let (code, out) = check(&file, &["R01", "R02", "R11", "R12"]);
    assert_eq!(code, 1);
    assert!(out.contains("1 more unit from Optional group B"), "{out}");
    let (code, out) = check(&file, &["R01", "R02", "R10", "R11", "R21"]);
    assert_eq!(code, 1);
    assert!(out.contains("remove one of R10 / R11"), "{out}");
    // A broken reference in a loaded file is refused, naming file, record and reference.
    let broken = example().replace(
        "\"mandatory\": [\"R01\", \"R02\"]",
        "\"mandatory\": [\"R01\", \"R99\"]",
    );
    let bad = dir.join("broken.json");
    std::fs::write(&bad, broken).unwrap();
    let (code, out) = check(&bad, &["R01"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("broken.json") && out.contains("rule mandatory") && out.contains("\"R99\""),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
