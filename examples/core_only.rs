//! The core alone in the browser, with no view: the embedded catalogue, a saved workspace read
//! and written, a shared link and an export file read and written, a loaded catalogue file, a
//! check, the cheapest completion and progress towards other qualifications, each on input the
//! optimiser cannot see (local storage). `cargo xtask size-steps` builds it to measure what the
//! bundle weighs before any of the interface; it is not shipped.

#[cfg(target_arch = "wasm32")]
mod core_only {
    use qualplan::catalogue::{decode_loaded_files, embedded, encode_loaded_files, Catalogue};
    use qualplan::plan::{
        cheapest_glh, check, complete, exchange, progress_carried, saved, share, CompletionResult,
        Minimise,
    };
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        fn log(s: &str);
        #[wasm_bindgen(js_namespace = localStorage, js_name = getItem)]
        fn stored(key: &str) -> Option<String>;
    }

    fn input(key: &str) -> String {
        stored(key).unwrap_or_default()
    }

    pub fn run() {
        let catalogue: &'static Catalogue = match decode_loaded_files(&input("files")) {
            Ok(files) => {
                log(&encode_loaded_files(&files));
                let sources: Vec<(&str, &str)> = files
                    .iter()
                    .map(|f| (f.name.as_str(), f.text.as_str()))
                    .collect();
                match Catalogue::from_sources(&sources, None) {
                    Ok(c) if !sources.is_empty() => Box::leak(Box::new(c)),
                    Ok(_) => embedded(),
                    Err(e) => {
                        log(&e.to_string());
                        embedded()
                    }
                }
            }
            Err(e) => {
                log(&e);
                embedded()
            }
        };
        let restored = saved::decode(&input("workspace"), catalogue);
        log(&restored.problems.join("\n"));
        let mut workspace = restored.workspace;
        workspace.add_unit(&input("unit"));
        log(&saved::encode(&workspace));
        match share::decode(&input("link"), catalogue) {
            Ok(plan) => log(&share::encode(&plan)),
            Err(e) => log(&e.to_string()),
        }
        match exchange::import(&input("export"), catalogue) {
            Ok(plans) => log(&exchange::export(&plans)),
            Err(e) => log(&e.to_string()),
        }
        let plan = workspace.plan();
        if let Some((q, units)) = plan.resolve(catalogue) {
            let checked = check(catalogue, q, &units, &plan.readings);
            log(&format!("{:?}", checked.totals));
            for rule in &checked.evaluation.rules {
                log(&format!("{:?}", rule.status));
            }
            log(&format!("{:?}", cheapest_glh(catalogue, q)));
            if let CompletionResult::Found { options, .. } =
                complete(catalogue, q, &units, &plan.readings, Minimise::Credits, 5)
            {
                log(&options.len().to_string());
            }
            log(&progress_carried(catalogue, &units).len().to_string());
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    core_only::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("core_only is a browser build for `cargo xtask size-steps`");
}
