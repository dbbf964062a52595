//! The catalogue built into the app and the command line: `data/*.json`, embedded at build time.

use super::build::Catalogue;
use std::sync::OnceLock;

/// (file name, JSON text) of every source document's data file.
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    (
        "data/000-cg-7593-business-skills.json",
        include_str!("../../data/000-cg-7593-business-skills.json"),
    ),
    (
        "data/001-edi-l2-nvq-customer-service.json",
        include_str!("../../data/001-edi-l2-nvq-customer-service.json"),
    ),
    (
        "data/002-cg-l3-nsvq-customer-service.json",
        include_str!("../../data/002-cg-l3-nsvq-customer-service.json"),
    ),
    (
        "data/003-cg-4411-intro-customer-service.json",
        include_str!("../../data/003-cg-4411-intro-customer-service.json"),
    ),
    (
        "data/004-highfield-l2-nvq-customer-service.json",
        include_str!("../../data/004-highfield-l2-nvq-customer-service.json"),
    ),
];

pub const EMBEDDED_LINKS: (&str, &str) = ("data/links.json", include_str!("../../data/links.json"));

/// The embedded catalogue. Its files are checked by `cargo test` (tests/catalogue.rs) and by the
/// build script, so a broken reference never reaches a user; should one slip through, this
/// panics with every error named, at first use.
pub fn embedded() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        Catalogue::from_sources(EMBEDDED_FILES, Some(EMBEDDED_LINKS))
            .unwrap_or_else(|e| panic!("embedded catalogue is invalid:\n{e}"))
    })
}
