//! The catalogue's own consistency, and clear errors for broken catalogue files.
#![cfg(not(target_arch = "wasm32"))]

use qualplan::catalogue::{
    decode_loaded_files, embedded, encode_loaded_files, synthetic_document, Catalogue, LinkBasis,
    LoadedFile, UnitId, EMBEDDED_FILES, EMBEDDED_LINKS,
};
use qualplan::rules::{Requirement, Rule, UnitSet};
use qualplan::sort::SmallSort;
use serde_json::Value;

#[test]
fn holds_every_document_qualification_and_unit() {
    let c = embedded();
    let docs: Vec<&str> = c.documents.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(docs, ["000", "001", "002", "003", "004"]);
    assert_eq!(c.qualifications.len(), 15);
    let per_doc = |d: usize| c.units.iter().filter(|u| u.doc == d).count();
    assert_eq!(
        (0..5).map(per_doc).collect::<Vec<_>>(),
        [18, 49, 20, 20, 49]
    );
    let per_doc_q = |d: usize| c.qualifications.iter().filter(|q| q.doc == d).count();
    assert_eq!((0..5).map(per_doc_q).collect::<Vec<_>>(), [8, 1, 1, 4, 1]);
}

#[test]
fn every_unit_is_offered_by_a_qualification_of_its_own_document() {
    let c = embedded();
    for (i, u) in c.units.iter().enumerate() {
        assert!(
            c.qualifications
                .iter()
                .any(|q| q.doc == u.doc && q.units.contains(&UnitId::at(i))),
            "unit {} is in no group of its document's qualifications",
            u.key
        );
    }
}

fn walk(rules: &[Rule]) -> Vec<&Rule> {
    let mut out = Vec::new();
    for r in rules {
        r.walk(&mut out);
    }
    out
}

#[test]
fn every_rule_cites_its_wording_and_source_and_refers_only_to_its_own_units() {
    let c = embedded();
    for q in &c.qualifications {
        let codes: Vec<&str> = q
            .units
            .iter()
            .map(|u| c.unit(*u).unit.code.as_str())
            .collect();
        for r in walk(&q.qualification.rules) {
            assert!(
                !r.text.trim().is_empty() && !r.source.trim().is_empty(),
                "{} {}",
                q.qualification.id,
                r.id
            );
            let mut reqs = vec![&r.require];
            reqs.extend(r.alternatives.iter().map(|a| &a.require));
            for req in reqs {
                let units: Vec<&String> = match req {
                    Requirement::Mandatory(u) => u.iter().collect(),
                    Requirement::Barred(b) => b.units.iter().collect(),
                    Requirement::Count(cnt) => match &cnt.from {
                        UnitSet::Units(u) => u.iter().collect(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                for u in units {
                    assert!(
                        codes.contains(&u.as_str()),
                        "{} rule {} names {u}",
                        q.qualification.id,
                        r.id
                    );
                }
            }
        }
    }
}

#[test]
fn qualifications_with_rules_publish_them_and_the_others_say_why_not() {
    for q in &embedded().qualifications {
        let q = &q.qualification;
        if q.rules_published {
            assert!(!q.rules.is_empty(), "{}", q.id);
        } else {
            assert!(q.rules.is_empty(), "{}", q.id);
            assert!(
                q.rules_note.as_deref().is_some_and(|n| n.len() > 20),
                "{}",
                q.id
            );
        }
    }
    let unpublished: Vec<&str> = embedded()
        .qualifications
        .iter()
        .filter(|q| !q.qualification.rules_published)
        .map(|q| q.qualification.id.as_str())
        .collect();
    assert_eq!(
        unpublished.len(),
        8,
        "document 000's eight: {unpublished:?}"
    );
}

#[test]
fn credit_and_glh_are_written_out_even_when_not_published() {
    for (name, text) in EMBEDDED_FILES {
        let v: Value = serde_json::from_str(text).unwrap();
        for u in v["units"].as_array().unwrap() {
            for key in [
                "credit",
                "glh",
                "uan",
                "learning_outcomes",
                "assessment_criteria",
            ] {
                assert!(
                    u.as_object().unwrap().contains_key(key),
                    "{name}: unit {} has no {key:?}",
                    u["code"]
                );
            }
        }
        for q in v["qualifications"].as_array().unwrap() {
            for key in [
                "glh",
                "glh_range",
                "tqt",
                "min_credits",
                "regulator_number",
                "awarding_body_number",
            ] {
                assert!(
                    q.as_object().unwrap().contains_key(key),
                    "{name}: qualification {} has no {key:?}",
                    q["id"]
                );
            }
        }
    }
}

#[test]
fn every_decision_has_a_choice_and_a_reason() {
    for d in &embedded().documents {
        assert!(!d.decisions.is_empty(), "{} records no decisions", d.file);
        for dec in &d.decisions {
            assert!(
                !dec.choice.trim().is_empty() && !dec.why.trim().is_empty(),
                "{}: {}",
                d.file,
                dec.id
            );
        }
    }
}

#[test]
fn links_join_the_same_national_units_on_a_basis_that_holds() {
    let c = embedded();
    assert!(c.links.len() >= 80, "{} links", c.links.len());
    // Unit 110 of document 000 is the same unit as 004's R/601/1209 (same UAN) and 001's CU793.
    let u = c.unit_by_key("000:110").unwrap();
    let same: Vec<(String, LinkBasis)> = c
        .same_units(u)
        .into_iter()
        .map(|(o, b)| (c.unit(o).key.clone(), b))
        .collect();
    assert!(
        same.contains(&("004:R/601/1209".into(), LinkBasis::Uan)),
        "{same:?}"
    );
    assert!(
        same.contains(&("001:CU793".into(), LinkBasis::TitleLevelCredit)),
        "{same:?}"
    );
    // A unit's UAN stays null where its own document prints none.
    assert_eq!(c.unit(c.unit_by_key("001:CU793").unwrap()).unit.uan, None);
}

#[test]
fn the_levels_of_each_document_are_as_printed() {
    let c = embedded();
    let level = |k: &str| c.unit(c.unit_by_key(k).unwrap()).unit.level.to_string();
    assert_eq!(level("003:001"), "Entry 3");
    assert_eq!(level("003:101"), "1");
    assert_eq!(level("004:D/601/1228"), "3");
}

// ---- broken catalogue files ----

fn load_004_with(edit: impl Fn(&mut Value)) -> Result<Catalogue, String> {
    let (_, text) = EMBEDDED_FILES
        .iter()
        .find(|(n, _)| n.contains("004"))
        .unwrap();
    let mut v: Value = serde_json::from_str(text).unwrap();
    edit(&mut v);
    Catalogue::from_sources(&[("broken.json", &v.to_string())], None).map_err(|e| e.to_string())
}

#[test]
fn a_broken_reference_names_the_file_the_record_and_the_reference() {
    let err = load_004_with(|v| {
        v["qualifications"][0]["rules"][0]["require"]["mandatory"][0] = "X/000/0000".into()
    })
    .unwrap_err();
    assert!(err.contains("broken.json"), "{err}");
    assert!(
        err.contains("qualification highfield-l2-nvq-customer-service, rule mandatory"),
        "{err}"
    );
    assert!(err.contains("unknown unit \"X/000/0000\""), "{err}");
    let err = load_004_with(|v| {
        v["qualifications"][0]["rules"][1]["require"]["count"]["from"]["groups"][0] = "Z".into()
    })
    .unwrap_err();
    assert!(err.contains("unknown group \"Z\""), "{err}");
}

#[test]
fn a_missing_figure_a_duplicate_code_and_bad_values_are_refused() {
    let err = load_004_with(|v| {
        v["units"][0].as_object_mut().unwrap().remove("credit");
    })
    .unwrap_err();
    assert!(
        err.contains("broken.json") && err.contains("the part \"credit\" is missing"),
        "{err}"
    );
    let err = load_004_with(|v| v["units"][1]["code"] = v["units"][0]["code"].clone()).unwrap_err();
    assert!(err.contains("collides"), "{err}");
    let err = load_004_with(|v| v["units"][0]["level"] = "Level 12".into()).unwrap_err();
    assert!(err.contains("invalid level \"Level 12\""), "{err}");
    let err = load_004_with(|v| v["units"][0]["titel"] = "typo".into()).unwrap_err();
    assert!(
        err.contains("\"titel\" is not a part this record has (a misspelling?)"),
        "{err}"
    );
    let err =
        load_004_with(|v| v["qualifications"][0]["rules"][0]["source"] = "".into()).unwrap_err();
    assert!(
        err.contains("needs its printed text and its source"),
        "{err}"
    );
}

#[test]
fn a_link_whose_basis_does_not_hold_is_refused() {
    let links =
        r#"{"schema": 1, "links": [{"units": ["003:001", "004:R/601/1209"], "basis": "uan"}]}"#;
    let err = Catalogue::from_sources(EMBEDDED_FILES, Some(("links.json", links)))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("links.json") && err.contains("does not hold"),
        "{err}"
    );
    let links =
        r#"{"schema": 1, "links": [{"units": ["003:999", "004:R/601/1209"], "basis": "uan"}]}"#;
    let err = Catalogue::from_sources(EMBEDDED_FILES, Some(("links.json", links)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown unit \"003:999\""), "{err}");
    assert!(Catalogue::from_sources(EMBEDDED_FILES, Some(EMBEDDED_LINKS)).is_ok());
}

#[test]
fn malformed_json_is_located() {
    let err = Catalogue::from_sources(&[("bad.json", "{\"schema\": 1,\n \"document\": ")], None)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("bad.json: this is not a catalogue file the planner can read: line 2")
            && err.contains("the file ends before everything opened is closed"),
        "{err}"
    );
}

// ---- fuzzing the catalogue decoder: damaged files never panic and always name the file ----

#[path = "common/damage.rs"]
mod damage;

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Every path (object keys and array indices) into a JSON value.
    fn paths(v: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                let mut p = here.clone();
                p.push(Value::from(k.as_str()));
                paths(x, p, out)
            }),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
                let mut p = here.clone();
                p.push(Value::from(i));
                paths(x, p, out)
            }),
            _ => {}
        }
    }

    fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
        path.iter().fold(v, |v, k| match k {
            Value::String(s) => &mut v[s.as_str()],
            Value::Number(n) => &mut v[n.as_u64().unwrap() as usize],
            _ => unreachable!(),
        })
    }

    /// A kept list of loaded files with these names, each a small JSON text.
    fn files_named(names: &[String]) -> Vec<LoadedFile> {
        names
            .iter()
            .map(|n| LoadedFile {
                name: n.clone(),
                text: format!("{{\"file\": {n:?}}}"),
            })
            .collect()
    }

    fn replacement() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::from),
            ".{0,12}".prop_map(Value::from),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(Value::from("Entry 9")),
            Just(Value::from("F/601/1609")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn a_damaged_catalogue_file_is_refused_or_loaded_never_a_panic(pick in any::<prop::sample::Index>(), new in replacement(), delete in any::<bool>()) {
            let (_, text) = EMBEDDED_FILES.iter().find(|(n, _)| n.contains("003")).unwrap();
            let mut v: Value = serde_json::from_str(text).unwrap();
            let mut all = Vec::new();
            paths(&v, Vec::new(), &mut all);
            let path = pick.get(&all[1..]).clone();
            let (last, parent) = path.split_last().unwrap();
            let parent_value = at(&mut v, parent);
            match (delete, parent_value, last) {
                (true, Value::Object(m), Value::String(k)) => { m.remove(k); }
                (true, Value::Array(a), Value::Number(i)) => { a.remove(i.as_u64().unwrap() as usize); }
                (_, p, _) => *at(p, std::slice::from_ref(last)) = new,
            }
            if let Err(e) = Catalogue::from_sources(&[("damaged.json", &v.to_string())], None) {
                prop_assert!(e.to_string().starts_with("damaged.json"), "{e}");
            }
        }

        #[test]
        fn a_catalogue_file_damaged_as_text_is_refused_naming_it_or_loaded(
            text in proptest::sample::select(EMBEDDED_FILES.to_vec())
                .prop_flat_map(|(_, text)| damage::damaged(text.to_string()))
        ) {
            if let Err(e) = Catalogue::from_sources(&[("damaged.json", &text)], None) {
                prop_assert!(e.to_string().starts_with("damaged.json"), "{e}");
            }
        }

        #[test]
        fn any_text_as_a_catalogue_file_is_refused_never_a_panic(text in ".{0,300}") {
            prop_assert!(Catalogue::from_sources(&[("random.json", &text)], None).is_err());
        }

        #[test]
        fn the_kept_list_of_loaded_files_round_trips_and_damage_is_an_error(names in prop::collection::vec(".{0,20}", 0..4), cut in any::<prop::sample::Index>()) {
            let files = files_named(&names);
            let text = encode_loaded_files(&files);
            prop_assert_eq!(decode_loaded_files(&text).unwrap(), files);
            // Cut short anywhere (at a character boundary), the list never reads as something else.
            let at = cut.index(text.len());
            if text.is_char_boundary(at) && at < text.len() {
                let e = decode_loaded_files(&text[..at]).unwrap_err();
                prop_assert!(e.contains("expected a list of"), "{}", e);
            }
        }

        #[test]
        fn a_damaged_kept_list_of_loaded_files_is_read_or_refused_with_a_reason(
            text in prop::collection::vec(".{0,20}", 1..4)
                .prop_flat_map(|names| damage::damaged(encode_loaded_files(&files_named(&names))))
        ) {
            if let Err(e) = decode_loaded_files(&text) {
                prop_assert!(e.contains("expected a list of"), "{}", e);
            }
        }

        #[test]
        fn any_text_as_the_kept_list_of_loaded_files_is_read_or_refused_never_a_panic(text in ".{0,200}") {
            if let Err(e) = decode_loaded_files(&text) {
                prop_assert!(e.contains("expected a list of"), "{}", e);
            }
        }
    }
}

#[test]
fn a_generated_document_with_fewer_units_than_a_group_holds_still_loads() {
    // Groups hold 10 units; with 5 in all each group takes every one of them.
    let text = synthetic_document(5, 2, 3);
    let c = Catalogue::from_sources(&[("small.json", &text)], None).unwrap();
    assert_eq!(c.units.len(), 5);
    assert_eq!(c.qualifications.len(), 2);
    assert!(c.qualifications.iter().all(|q| q.units.len() == 5));
}

#[test]
fn a_unit_two_groups_list_is_placed_once_under_the_first_with_the_other_named() {
    let c = qualplan::catalogue::embedded();
    let cq = c.qualification("cg-4411-30").unwrap();
    let placement = cq.placement();
    assert_eq!(placement.len(), cq.groups.len());
    let code = |id| c.unit(id).unit.code.as_str();
    let first = &placement[0];
    assert_eq!(code(first.units[0].unit), "002");
    assert_eq!(first.units[0].also_in, vec!["Entry 3 units 001-010"]);
    let shown: Vec<_> = placement
        .iter()
        .flat_map(|g| g.units.iter().map(|p| p.unit))
        .collect();
    let mut once = shown.clone();
    once.sort_small();
    once.dedup();
    assert_eq!(once.len(), shown.len(), "every unit shown once");
    assert_eq!(once.len(), cq.units.len(), "and none left out");
}

#[test]
fn the_level_filter_offers_each_level_of_the_qualification_once_lowest_first() {
    use qualplan::catalogue::Level;
    let c = qualplan::catalogue::embedded();
    let levels = c.qualification("cg-4411-30").unwrap().levels(c);
    assert!(levels.windows(2).all(|w| w[0] < w[1]), "{levels:?}");
    assert!(levels.contains(&Level::parse("Entry 3").unwrap()));
}

#[test]
fn a_loaded_file_adds_the_qualifications_it_defines() {
    let c = qualplan::catalogue::embedded();
    let more = c
        .with_document(
            "mine.json",
            &qualplan::catalogue::synthetic_document(5, 2, 1),
        )
        .unwrap();
    let added: Vec<&str> = more
        .added_since(c)
        .iter()
        .map(|q| q.qualification.id.as_str())
        .collect();
    assert_eq!(added, ["gen-0000", "gen-0001"]);
    assert!(c.added_since(c).is_empty());
}

#[test]
fn units_named_anywhere_are_found_each_once_with_repeats_reported() {
    let c = qualplan::catalogue::embedded();
    let input: Vec<String> = ["CU791", "cu 791", "CU792"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let found = c.find_units_anywhere(&input).unwrap();
    assert_eq!(found.units.len(), 2);
    assert_eq!(found.repeated, vec!["cu 791"]);
    let bad: Vec<String> = vec!["CU791".into(), "nope".into()];
    assert!(c.find_units_anywhere(&bad).is_err());
}

/// The browser embeds the data without its decision notes, so the words it shows about a
/// reading may not send the reader to one.
#[test]
fn reading_notes_shown_in_the_browser_point_at_nothing_it_leaves_out() {
    let c = embedded();
    for q in &c.qualifications {
        for r in walk(&q.qualification.rules) {
            let whys = r
                .reading
                .iter()
                .filter_map(|n| n.why.as_deref())
                .chain(r.alternatives.iter().filter_map(|a| a.why.as_deref()));
            for why in whys {
                assert!(
                    !why.to_ascii_lowercase().contains("see decision"),
                    "{} {}: {why}",
                    q.qualification.id,
                    r.id
                );
            }
        }
    }
}

#[test]
fn a_loaded_files_qualifications_are_a_persons_own_and_the_embedded_ones_are_not() {
    let c = embedded();
    assert!(c.qualifications.iter().all(|q| !c.is_own(q)));
    let text = include_str!("catalogues/nested-min3.json");
    let loaded = c.with_document("nested-min3.json", text).unwrap();
    let added = loaded.added_since(c);
    assert!(!added.is_empty());
    for q in &loaded.qualifications {
        let from_file = added
            .iter()
            .any(|a| a.qualification.id == q.qualification.id);
        assert_eq!(loaded.is_own(q), from_file, "{}", q.qualification.id);
    }
}
