//! Completion options in full: each unit by code and title with its figures and groups, how each
//! option differs from the first (credits, GLH, units, groups), and what the plan would be with
//! an option added. A preview is checked by the evaluator (`plan::check`), never by rules of its
//! own.

use super::figures::{credit_words, credits_short, glh_words};
use super::verdict::Tone;
use crate::catalogue::{Catalogue, CatalogueQualification, Qualification, UnitId};
use crate::limits::{counted, plural};
use crate::plan::{check, Check, Completion, Minimise, Totals};
use crate::rules::{Readings, Status};
use crate::sort::SmallSort;

/// A unit as an option or a shared plan lists it: "CU810", its title, and "5 credits, 40 GLH,
/// Group C: Delivery".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLine {
    pub code: String,
    pub title: String,
    pub about: String,
}

/// One completion option as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionDetail {
    /// "Option 2".
    pub name: String,
    /// "add 001, 010 (4 credits)" (`option_words`).
    pub summary: String,
    /// For the first option what it adds in all; for the others how they differ from it.
    pub difference: String,
    pub units: Vec<OptionUnit>,
}

/// A unit of an option, and whether the first option does without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionUnit {
    pub line: UnitLine,
    pub not_in_first: bool,
}

/// What the plan would be with an option added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewWords {
    pub tone: Tone,
    /// "With these units the plan would meet every rule of combination."
    pub verdict: String,
    /// "The plan would then have 7 units: 28 of 28 credits and 190 GLH (190 published)."
    pub totals: String,
}

/// Said beside a preview: it is not the plan yet.
pub const PREVIEW_NOTE: &str =
    "A preview: nothing is added to the plan until you press \u{201c}Add these units\u{201d}.";
/// Marks a unit shown as it would be added.
pub const PREVIEW_MARK: &str = "Preview: would be added";
/// Marks a unit of a later option that the first option does without.
pub const NOT_IN_FIRST: &str = "Not in option 1";
/// Marks a unit of an option that the plan already holds as planned (a completion from the
/// units achieved and in progress may choose it again, or do without it).
pub const ALREADY_PLANNED: &str = "Already planned";

/// "A", "A and B", "A, B and C".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn group_names(cq: &CatalogueQualification, groups: &[usize]) -> Vec<String> {
    groups
        .iter()
        .map(|g| cq.qualification.groups[*g].name.clone())
        .collect()
}

/// A unit with its figures and the groups of `cq` that list it.
pub fn unit_line(c: &Catalogue, cq: &CatalogueQualification, id: UnitId) -> UnitLine {
    let u = &c.unit(id).unit;
    let mut about = vec![credit_words(u.credit), glh_words(u.glh)];
    let groups = group_names(cq, &cq.groups_of(id));
    // With one group the group says nothing.
    if !groups.is_empty() && cq.groups.len() > 1 {
        about.push(and_list(&groups));
    }
    UnitLine {
        code: u.code.clone(),
        title: u.title.clone(),
        about: about.join(", "),
    }
}

/// An option's figures: credits and GLH added (`None` where a unit publishes none), and the
/// groups its units come from, in document order.
struct Figures {
    credits: Option<u32>,
    glh: Option<u32>,
    groups: Vec<usize>,
}

fn figures(c: &Catalogue, cq: &CatalogueQualification, o: &Completion) -> Figures {
    let mut groups: Vec<usize> = o.added.iter().flat_map(|u| cq.groups_of(*u)).collect();
    groups.sort_small();
    groups.dedup();
    Figures {
        credits: o.added.iter().map(|u| c.unit(*u).unit.credit).sum(),
        glh: o.added.iter().map(|u| c.unit(*u).unit.glh).sum(),
        groups,
    }
}

pub fn units_words(n: usize) -> String {
    counted(n, "unit", "units")
}

/// "1 more credit", "5 fewer GLH"; `None` when the same or not published.
fn change(first: Option<u32>, this: Option<u32>, one: &str, many: &str) -> Option<String> {
    let (a, b) = (first?, this?);
    let name = |n: u32| plural(n as usize, one, many);
    match b.cmp(&a) {
        std::cmp::Ordering::Greater => Some(format!("{} more {}", b - a, name(b - a))),
        std::cmp::Ordering::Less => Some(format!("{} fewer {}", a - b, name(a - b))),
        std::cmp::Ordering::Equal => None,
    }
}

/// "001", "001 and 002", "001, 002 and 003".
pub(crate) fn codes(c: &Catalogue, ids: &[UnitId]) -> String {
    let codes: Vec<String> = ids.iter().map(|u| c.unit(*u).unit.code.clone()).collect();
    and_list(&codes)
}

fn sentence(clauses: Vec<String>) -> String {
    let mut s = clauses.join("; ");
    if let Some(first) = s.get(0..1) {
        let upper = first.to_ascii_uppercase();
        s.replace_range(0..1, &upper);
    }
    s.push('.');
    s
}

/// How option `n` (counted from 1) differs from the first: "1 more credit and 5 fewer GLH than
/// option 1; CU816 instead of CU815; uses Group C instead of Group B."
pub fn option_difference(
    c: &Catalogue,
    cq: &CatalogueQualification,
    first: &Completion,
    this: &Completion,
) -> String {
    let (a, b) = (figures(c, cq, first), figures(c, cq, this));
    let mut clauses = Vec::new();
    // Credits and GLH: what differs, then what is the same.
    let mut differ = Vec::new();
    let mut same = Vec::new();
    for (x, y, one, many) in [
        (a.credits, b.credits, "credit", "credits"),
        (a.glh, b.glh, "GLH", "GLH"),
    ] {
        match change(x, y, one, many) {
            Some(w) => differ.push(w),
            None if x.is_some() && y.is_some() => same.push(many.to_string()),
            None => {}
        }
    }
    match (differ.is_empty(), same.is_empty()) {
        (false, true) => clauses.push(format!("{} than option 1", differ.join(" and "))),
        (false, false) => clauses.push(format!(
            "{} than option 1, the same {}",
            differ.join(" and "),
            same.join(" and ")
        )),
        (true, false) => clauses.push(format!("the same {} as option 1", same.join(" and "))),
        (true, true) => {}
    }
    // The units themselves.
    if this.added.len() != first.added.len() {
        clauses.push(format!(
            "{} instead of {}",
            units_words(this.added.len()),
            first.added.len()
        ));
    }
    let only_here: Vec<UnitId> = this
        .added
        .iter()
        .copied()
        .filter(|u| !first.added.contains(u))
        .collect();
    let only_first: Vec<UnitId> = first
        .added
        .iter()
        .copied()
        .filter(|u| !this.added.contains(u))
        .collect();
    match (only_here.is_empty(), only_first.is_empty()) {
        (false, false) => clauses.push(format!(
            "{} instead of {}",
            codes(c, &only_here),
            codes(c, &only_first)
        )),
        (false, true) => clauses.push(format!("{} as well", codes(c, &only_here))),
        (true, false) => clauses.push(format!("without {}", codes(c, &only_first))),
        (true, true) => {}
    }
    // The groups the units come from.
    let new: Vec<usize> = b
        .groups
        .iter()
        .copied()
        .filter(|g| !a.groups.contains(g))
        .collect();
    let gone: Vec<usize> = a
        .groups
        .iter()
        .copied()
        .filter(|g| !b.groups.contains(g))
        .collect();
    match (new.is_empty(), gone.is_empty()) {
        (false, false) => clauses.push(format!(
            "uses {} instead of {}",
            and_list(&group_names(cq, &new)),
            and_list(&group_names(cq, &gone))
        )),
        (false, true) => clauses.push(format!("also uses {}", and_list(&group_names(cq, &new)))),
        (true, false) => clauses.push(format!(
            "does not use {}",
            and_list(&group_names(cq, &gone))
        )),
        (true, true) if cq.groups.len() > 1 => clauses.push("from the same groups".to_string()),
        (true, true) => {}
    }
    sentence(clauses)
}

/// What the first option adds in all: "3 units: 15 credits, 120 GLH; from Optional Unit Group A
/// and Optional Unit Group B."
pub fn first_option_words(
    c: &Catalogue,
    cq: &CatalogueQualification,
    first: &Completion,
) -> String {
    let f = figures(c, cq, first);
    let mut clauses = vec![format!(
        "{}: {}, {}",
        units_words(first.added.len()),
        credit_words(f.credits),
        glh_words(f.glh)
    )];
    if !f.groups.is_empty() {
        clauses.push(format!("from {}", and_list(&group_names(cq, &f.groups))));
    }
    sentence(clauses)
}

/// Every option as the panel lists it, in the order found (cheapest first).
pub fn option_details(
    c: &Catalogue,
    cq: &CatalogueQualification,
    options: &[Completion],
    measure: Minimise,
) -> Vec<OptionDetail> {
    let Some(first) = options.first() else {
        return Vec::new();
    };
    options
        .iter()
        .enumerate()
        .map(|(i, o)| OptionDetail {
            name: format!("Option {}", i + 1),
            summary: super::option_words(c, o, measure),
            difference: if i == 0 {
                first_option_words(c, cq, o)
            } else {
                option_difference(c, cq, first, o)
            },
            units: o
                .added
                .iter()
                .map(|u| OptionUnit {
                    line: unit_line(c, cq, *u),
                    not_in_first: !first.added.contains(u),
                })
                .collect(),
        })
        .collect()
}

/// The plan as it would be with the option's units added, checked as any plan is.
pub fn preview_check(
    c: &Catalogue,
    now: &Check,
    option: &Completion,
    readings: &Readings,
) -> Check {
    let mut ids = now.planned.clone();
    ids.extend(
        option
            .added
            .iter()
            .copied()
            .filter(|u| !now.planned.contains(u)),
    );
    check(c, now.qualification, &ids, readings)
}

/// What a preview says: the verdict the plan would then have, and its totals.
pub fn preview_words(c: &Catalogue, after: &Check) -> PreviewWords {
    let q = &c.qualifications[after.qualification].qualification;
    let (tone, verdict) = match after.evaluation.compliant {
        Some(true) => (
            Tone::Met,
            "With these units the plan would meet every rule of combination.".to_string(),
        ),
        Some(false) => {
            let unmet = after
                .evaluation
                .rules
                .iter()
                .filter(|r| r.status == Status::Unmet)
                .count();
            (
                Tone::Unmet,
                format!(
                    "With these units the plan would still not meet {unmet} of {} rules of combination.",
                    after.evaluation.rules.len()
                ),
            )
        }
        None => (
            Tone::Unknown,
            "With these units the plan still could not be checked: the document publishes no rules of combination.".to_string(),
        ),
    };
    let totals = format!(
        "The plan would then have {}.",
        totals_words(q, &after.totals)
    );
    PreviewWords {
        tone,
        verdict,
        totals,
    }
}

/// A plan's totals against the qualification's published figures: "3 units: 12 of 28 credits
/// and 90 GLH (192 published)".
pub fn totals_words(q: &Qualification, totals: &Totals) -> String {
    let glh = match (totals.glh, q.glh, q.glh_range) {
        (None, ..) => glh_words(None),
        (Some(g), Some(p), _) => format!("{g} GLH ({p} published)"),
        (Some(g), None, Some([lo, hi])) => format!("{g} GLH ({lo}\u{2013}{hi} published)"),
        (Some(g), None, None) => format!("{g} GLH"),
    };
    format!(
        "{}: {} and {glh}",
        units_words(totals.units as usize),
        credits_short(totals.credits, Some(q)),
    )
}

/// What a screen reader hears when an option is previewed: "Option 2, previewed: With these
/// units the plan would meet every rule of combination."
pub fn preview_announcement(name: &str, words: &PreviewWords) -> String {
    format!("{name}, previewed: {} {}", words.verdict, words.totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;
    use crate::plan::{check_codes, complete, CompletionResult};
    use crate::present::ALTERNATIVES;

    fn found(qual: &str, units: &[&str]) -> (Check, Vec<Completion>, Minimise) {
        let c = embedded();
        let units: Vec<String> = units.iter().map(|s| s.to_string()).collect();
        let now = check_codes(c, qual, &units, &Readings::new()).unwrap();
        let r = complete(
            c,
            now.qualification,
            &now.planned,
            &Readings::new(),
            Minimise::Credits,
            ALTERNATIVES,
        );
        let CompletionResult::Found {
            options, measure, ..
        } = r
        else {
            panic!("{r:?}")
        };
        (now, options, measure)
    }

    fn id(c: &Catalogue, cq: &CatalogueQualification, code: &str) -> UnitId {
        c.offered_unit(cq, code).unwrap()
    }

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        let s = |v: &[&str]| and_list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["A"]), "A");
        assert_eq!(s(&["A", "B"]), "A and B");
        assert_eq!(s(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn every_option_names_each_unit_by_code_and_title_with_its_figures_and_groups() {
        let c = embedded();
        let (now, options, measure) = found("edi-l2-nvq-customer-service", &["CU791", "CU792"]);
        let cq = &c.qualifications[now.qualification];
        let details = option_details(c, cq, &options, measure);
        assert_eq!(details.len(), options.len());
        assert!(details.len() > 1);
        for (i, (d, o)) in details.iter().zip(&options).enumerate() {
            assert_eq!(d.name, format!("Option {}", i + 1));
            assert!(d.summary.starts_with("add "), "{}", d.summary);
            assert_eq!(d.units.len(), o.added.len());
            for (ou, u) in d.units.iter().zip(&o.added) {
                let unit = &c.unit(*u).unit;
                let line = &ou.line;
                assert_eq!(ou.not_in_first, !options[0].added.contains(u));
                assert_eq!(line.code, unit.code);
                assert_eq!(line.title, unit.title);
                assert!(
                    line.about.starts_with(&credit_words(unit.credit)),
                    "{}",
                    line.about
                );
                assert!(line.about.contains("GLH"), "{}", line.about);
                assert!(line.about.contains("Group "), "{}", line.about);
            }
        }
        assert!(details[0]
            .difference
            .starts_with(&format!("{} units: ", options[0].added.len())));
        assert!(
            details[0].difference.contains("from Group"),
            "{}",
            details[0].difference
        );
        assert!(
            details[1].difference.contains("than option 1")
                || details[1].difference.contains("as option 1")
        );
    }

    #[test]
    fn differences_say_credits_glh_units_and_groups_against_the_first_option() {
        let c = embedded();
        let cq = c
            .qualification("highfield-l2-nvq-customer-service")
            .unwrap();
        let opt = |codes: &[&str]| Completion {
            added: codes.iter().map(|s| id(c, cq, s)).collect(),
            cost: 0,
        };
        let u = |code: &str| &c.unit(id(c, cq, code)).unit;
        let group_of = |code: &str| {
            let gs = cq.groups_of(id(c, cq, code));
            assert_eq!(gs.len(), 1, "{code} is listed in one group");
            cq.qualification.groups[gs[0]].name.clone()
        };
        // Two units of the same group: the one swapped for the other, the groups the same.
        let first = opt(&["A/601/1222", "T/601/1509", "H/601/1554"]);
        let second = opt(&["A/601/1222", "T/601/1509", "H/601/1568"]);
        assert_eq!(group_of("H/601/1554"), group_of("H/601/1568"));
        let words = option_difference(c, cq, &first, &second);
        assert!(
            words.contains("H/601/1568 instead of H/601/1554"),
            "{words}"
        );
        assert!(words.ends_with("; from the same groups."), "{words}");
        let credit_diff =
            i64::from(u("H/601/1568").credit.unwrap()) - i64::from(u("H/601/1554").credit.unwrap());
        let glh_diff =
            i64::from(u("H/601/1568").glh.unwrap()) - i64::from(u("H/601/1554").glh.unwrap());
        let expected = |d: i64, one: &str, many: &str| match d {
            0 => None,
            d => Some(format!(
                "{} {} {}",
                d.abs(),
                if d > 0 { "more" } else { "fewer" },
                if d.abs() == 1 { one } else { many }
            )),
        };
        match (
            expected(credit_diff, "credit", "credits"),
            expected(glh_diff, "GLH", "GLH"),
        ) {
            (None, None) => assert!(
                words.starts_with("The same credits and GLH as option 1;"),
                "{words}"
            ),
            (Some(cr), None) => assert!(
                words.starts_with(&format!("{cr} than option 1, the same GLH;")),
                "{words}"
            ),
            (None, Some(g)) => assert!(
                words.starts_with(&format!("{g} than option 1, the same credits;")),
                "{words}"
            ),
            (Some(cr), Some(g)) => assert!(
                words.starts_with(&format!("{cr} and {g} than option 1;")),
                "{words}"
            ),
        }

        // A unit of another group: the groups differ and are named.
        let b = cq.groups.iter().position(|(g, _)| g == "B").unwrap();
        let cgrp = cq.groups.iter().position(|(g, _)| g == "C").unwrap();
        let from_b = cq.groups[b]
            .1
            .iter()
            .copied()
            .find(|u| cq.groups_of(*u) == vec![b])
            .unwrap();
        let from_c = cq.groups[cgrp]
            .1
            .iter()
            .copied()
            .find(|u| cq.groups_of(*u) == vec![cgrp])
            .unwrap();
        let one = Completion {
            added: vec![from_b],
            cost: 0,
        };
        let other = Completion {
            added: vec![from_c],
            cost: 0,
        };
        let words = option_difference(c, cq, &one, &other);
        assert!(
            words.ends_with(&format!(
                "; uses {} instead of {}.",
                cq.qualification.groups[cgrp].name, cq.qualification.groups[b].name
            )),
            "{words}"
        );
        // One unit more: the count, the unit and its group are said.
        let more = Completion {
            added: vec![from_b, from_c],
            cost: 0,
        };
        let words = option_difference(c, cq, &one, &more);
        assert!(words.contains("2 units instead of 1"), "{words}");
        assert!(
            words.contains(&format!("{} as well", c.unit(from_c).unit.code)),
            "{words}"
        );
        assert!(
            words.contains(&format!("also uses {}", cq.qualification.groups[cgrp].name)),
            "{words}"
        );
        let words = option_difference(c, cq, &more, &one);
        assert!(
            words.contains(&format!("without {}", c.unit(from_c).unit.code)),
            "{words}"
        );
        assert!(
            words.contains(&format!(
                "does not use {}",
                cq.qualification.groups[cgrp].name
            )),
            "{words}"
        );
        // Credits in words: one credit is singular.
        assert_eq!(
            change(Some(3), Some(4), "credit", "credits").as_deref(),
            Some("1 more credit")
        );
        assert_eq!(
            change(Some(6), Some(4), "credit", "credits").as_deref(),
            Some("2 fewer credits")
        );
        assert_eq!(change(None, Some(4), "credit", "credits"), None);
    }

    #[test]
    fn a_preview_is_the_checked_plan_with_the_option_added_and_changes_nothing() {
        let c = embedded();
        let (now, options, _) = found(
            "highfield-l2-nvq-customer-service",
            &["F/601/1609", "L/601/1614", "R/601/1209"],
        );
        let before = now.clone();
        for o in &options {
            let after = preview_check(c, &now, o, &Readings::new());
            let mut ids = now.planned.clone();
            ids.extend(&o.added);
            assert_eq!(after, check(c, now.qualification, &ids, &Readings::new()));
            assert_eq!(after.evaluation.compliant, Some(true));
            let words = preview_words(c, &after);
            assert_eq!(words.tone, Tone::Met);
            assert_eq!(
                words.verdict,
                "With these units the plan would meet every rule of combination."
            );
            let q = &c.qualifications[now.qualification].qualification;
            assert_eq!(
                words.totals,
                format!(
                    "The plan would then have {} units: {} of {} credits and {} GLH ({} published).",
                    ids.len(),
                    after.totals.credits.unwrap(),
                    q.min_credits.unwrap(),
                    after.totals.glh.unwrap(),
                    q.glh.unwrap()
                )
            );
            assert!(preview_announcement("Option 1", &words)
                .starts_with("Option 1, previewed: With these units"));
        }
        assert_eq!(now, before, "the plan's own check is untouched");
        // A partial option: the verdict says what would still be unmet.
        let partial = Completion {
            added: options[0].added[..1].to_vec(),
            cost: 0,
        };
        let after = preview_check(c, &now, &partial, &Readings::new());
        let words = preview_words(c, &after);
        assert_eq!(words.tone, Tone::Unmet);
        assert!(
            words
                .verdict
                .starts_with("With these units the plan would still not meet "),
            "{}",
            words.verdict
        );
    }
}
