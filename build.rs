//! Validates the catalogue's data files before the crate is compiled, so a broken reference
//! fails the build with a message naming the file, the record and the reference.
#![allow(dead_code, unused_imports)]

#[path = "src/catalogue/mod.rs"]
mod catalogue;
#[path = "src/rules/mod.rs"]
mod rules;

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
}
