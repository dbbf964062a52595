//! The catalogue built into the app and the command line: `data/*.json`, embedded at build time.
//! The browser build embeds a compact copy that build.rs writes (no whitespace, no decision
//! notes, which the app does not show), to keep the download small; the command line and the
//! tests embed the files as they are.

use super::build::Catalogue;
use std::sync::OnceLock;

macro_rules! data_files {
    ($($file:literal),* ; $links:literal) => {
        /// (file name, JSON text) of every source document's data file.
        #[cfg(not(target_arch = "wasm32"))]
        pub const EMBEDDED_FILES: &[(&str, &str)] =
            &[$((concat!("data/", $file), include_str!(concat!("../../data/", $file)))),*];
        /// (file name, JSON text) of every source document's data file, compacted by build.rs.
        #[cfg(target_arch = "wasm32")]
        pub const EMBEDDED_FILES: &[(&str, &str)] =
            &[$((concat!("data/", $file), include_str!(concat!(env!("OUT_DIR"), "/", $file)))),*];
        #[cfg(not(target_arch = "wasm32"))]
        pub const EMBEDDED_LINKS: (&str, &str) =
            (concat!("data/", $links), include_str!(concat!("../../data/", $links)));
        #[cfg(target_arch = "wasm32")]
        pub const EMBEDDED_LINKS: (&str, &str) =
            (concat!("data/", $links), include_str!(concat!(env!("OUT_DIR"), "/", $links)));
    };
}

data_files!(
    "000-cg-7593-business-skills.json",
    "001-edi-l2-nvq-customer-service.json",
    "002-cg-l3-nsvq-customer-service.json",
    "003-cg-4411-intro-customer-service.json",
    "004-highfield-l2-nvq-customer-service.json";
    "links.json"
);

/// The embedded catalogue. Its files are checked by the build script and by `cargo test`
/// (tests/catalogue.rs), so a broken reference never reaches a user; should one slip through,
/// this panics with every error named, at first use.
pub fn embedded() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        Catalogue::from_sources(EMBEDDED_FILES, Some(EMBEDDED_LINKS))
            .unwrap_or_else(|e| panic!("embedded catalogue is invalid:\n{e}"))
    })
}
