//! Browser-side tests, run by wasm-bindgen-test-runner in headless Chromium: the core compiled
//! to wasm gives the native verdicts, and the storage adapter works against real local storage.
#![cfg(target_arch = "wasm32")]

use qualplan::catalogue::{embedded, synthetic_document};
use qualplan::plan::{check_codes, Workspace};
use qualplan::rules::Readings;
use qualplan::ui::{catalogue_files, kept_store, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn the_embedded_catalogue_loads_and_checks_a_plan_in_wasm() {
    let c = embedded();
    assert_eq!(c.qualifications.len(), 15);
    let units: Vec<String> = [
        "F/601/1609",
        "L/601/1614",
        "R/601/1209",
        "A/601/1205",
        "M/601/1508",
        "T/601/1526",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let check = check_codes(c, "600/5469/4", &units, &Readings::new()).unwrap();
    assert_eq!(check.evaluation.compliant, Some(true));
    assert_eq!(check.totals.credits, Some(29));
    assert_eq!(check.totals.tqt, Some(290));
}

#[wasm_bindgen_test]
fn the_workspace_survives_a_save_and_load_through_local_storage() {
    let c = embedded();
    local_storage().clear().unwrap();
    let mut w = Workspace::new(c);
    w.set_qualification(c, "cg-4411-11");
    w.add_unit("102");
    w.add_unit("105");
    storage::save(&w, Default::default()).unwrap();
    let restored = storage::load(c);
    assert_eq!(restored.workspace, w);
    assert!(restored.messages.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_save_is_kept_aside_in_local_storage() {
    let c = embedded();
    let s = local_storage();
    s.clear().unwrap();
    s.set_item(storage::KEY, "{not json").unwrap();
    let restored = storage::load(c);
    assert!(!restored.messages.is_empty());
    assert!(!restored.held);
    let kept = kept_store::list();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].copy.text, "{not json");
    assert_eq!(kept[0].copy.from, storage::KEY);
    assert_eq!(restored.workspace, Workspace::new(c));
    // A second problem is kept beside the first, never over it.
    s.set_item(storage::KEY, "{also not json").unwrap();
    storage::load(c);
    let texts: Vec<String> = kept_store::list()
        .into_iter()
        .map(|k| k.copy.text)
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(
        texts.contains(&"{not json".to_string()) && texts.contains(&"{also not json".to_string())
    );
}

#[wasm_bindgen_test]
fn a_save_too_large_to_copy_is_moved_to_its_copy_and_never_lost() {
    let c = embedded();
    let s = local_storage();
    s.clear().unwrap();
    // Fill the quota with the damaged save itself and filler, so a second copy cannot fit.
    let big = format!("{{\"version\":2,\"plans\":[\"{}", "x".repeat(2_600_000));
    s.set_item(storage::KEY, &big).unwrap();
    let mut filler = 0;
    while s
        .set_item(&format!("filler.{filler}"), &"y".repeat(100_000))
        .is_ok()
    {
        filler += 1;
    }
    let restored = storage::load(c);
    let kept = kept_store::list();
    if restored.held {
        assert_eq!(
            s.get_item(storage::KEY).unwrap().as_deref(),
            Some(big.as_str())
        );
    } else {
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].copy.text, big);
    }
    assert!(
        restored.messages.iter().any(|m| m.contains("Kept copies")),
        "{:?}",
        restored.messages
    );
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn an_unreadable_list_of_catalogue_files_is_kept_aside_and_new_files_can_still_be_kept() {
    let s = local_storage();
    s.clear().unwrap();
    s.set_item(catalogue_files::KEY, "[{\"name\": 1}").unwrap();
    let (c, files, problems) = catalogue_files::load();
    assert!(files.is_empty());
    assert_eq!(c.qualifications.len(), embedded().qualifications.len());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(catalogue_files::KEY),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("Kept copies"), "{}", problems[0]);
    let kept = kept_store::list();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].copy.text, "[{\"name\": 1}");
    // Loading a file afterwards keeps it, and the unreadable list stays where it was put.
    let text = synthetic_document(60, 1, 1);
    let kept = catalogue_files::add(&c, "mine.json", &text).unwrap();
    assert_eq!(kept.files.len(), 1);
    assert!(kept.catalogue.qualification("gen-0000").is_some());
    let (again, files, problems) = catalogue_files::load();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(files[0].name, "mine.json");
    assert!(again.qualification("gen-0000").is_some());
    assert_eq!(kept_store::list().len(), 1, "the copy stays");
    // A second file of the same name is kept beside the first.
    let other = synthetic_document(60, 1, 2)
        .replace("\"GEN\"", "\"GEN2\"")
        .replace("gen-0000", "gen2-0000");
    let files = catalogue_files::add(&again, "mine.json", &other)
        .unwrap_or_else(|e| panic!("{e}"))
        .files;
    assert_eq!(files.len(), 2);
    assert_eq!(files[1].name, "mine.json (2)");
    // The editor keeps a file in use up to date: a text that loads takes its place under its
    // name; one that does not, or a name no longer kept, changes nothing.
    let renamed = other.replacen("Generated unit", "Renamed unit", 1);
    assert_ne!(renamed, other);
    catalogue_files::replace("mine.json (2)", &renamed).unwrap_or_else(|e| panic!("{e}"));
    let (_, files, problems) = catalogue_files::load();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(files.len(), 2);
    assert_eq!(files[1].text, renamed);
    let e = catalogue_files::replace("mine.json (2)", "{").unwrap_err();
    assert!(e.contains("mine.json (2)"), "{e}");
    let e = catalogue_files::replace("gone.json", &other).unwrap_err();
    assert!(e.contains("gone.json is no longer among"), "{e}");
    let (_, files, _) = catalogue_files::load();
    assert_eq!(files[1].text, renamed, "nothing changed");
}
