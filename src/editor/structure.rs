//! What a pasted unit table says beyond its units: the groups its headings make ("Optional Unit
//! Group A" and the rows under it) and the combinations its rows bar ("Cannot be taken with unit
//! 101"). The editor offers them with the units, so a person does not tick each unit into its
//! group or make each barred pair from a template.

use super::paste::{Pasted, PastedRow};

/// A group a heading of the table makes: the heading as printed and the codes of the rows under
/// it, in the order printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadingGroup {
    pub name: String,
    pub units: Vec<String>,
}

/// Two units of the table that may not be taken together, with what the rows print about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarredPair {
    /// The two codes, in the order the table prints the rows.
    pub units: [String; 2],
    /// Each row's own words, "001: Cannot be taken with unit 101; 101: Cannot be taken with
    /// unit 001", to be the rule's printed wording.
    pub text: String,
}

/// How a row says that other units may not be taken with it.
const BARRING: &[&str] = &[
    "cannot be taken with",
    "can not be taken with",
    "can't be taken with",
    "must not be taken with",
    "may not be taken with",
    "not to be taken with",
    "cannot be combined with",
    "barred with",
    "excluded with",
];

/// Words that may come between the codes a row bars ("units 101 and 102").
const CONNECTORS: &[&str] = &["unit", "units", "and", "or", "nor", "&"];

/// A group for each heading with rows under it; headings printed twice (once a page) make one.
pub fn heading_groups(pasted: &Pasted) -> Vec<HeadingGroup> {
    let mut groups: Vec<HeadingGroup> = Vec::new();
    for row in &pasted.rows {
        let Some(heading) = row.heading.and_then(|h| pasted.headings.get(h)) else {
            continue;
        };
        let name = heading.text.trim();
        let at = match groups.iter().position(|g| g.name == name) {
            Some(at) => at,
            None => {
                groups.push(HeadingGroup {
                    name: name.to_string(),
                    units: Vec::new(),
                });
                groups.len() - 1
            }
        };
        if !groups[at].units.contains(&row.code) {
            groups[at].units.push(row.code.clone());
        }
    }
    groups
}

/// Every pair of the table's units that a row bars, once, whichever rows print it. A code that
/// is not one of the table's rows is not a pair: the person makes that rule by hand.
pub fn barred_pairs(pasted: &Pasted) -> Vec<BarredPair> {
    let rows = &pasted.rows;
    let mut pairs: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some((printed, refs)) = barring_words(&row.extra) else {
            continue;
        };
        for r in refs {
            let Some(j) = rows.iter().position(|other| names_row(other, r)) else {
                continue;
            };
            if j == i {
                continue;
            }
            let key = (i.min(j), i.max(j));
            let words = format!("{}: {printed}", row.code);
            match pairs.iter_mut().find(|p| (p.0, p.1) == key) {
                Some(p) if !p.2.contains(&words) => p.2.push(words),
                Some(_) => {}
                None => pairs.push((key.0, key.1, vec![words])),
            }
        }
    }
    pairs
        .into_iter()
        .map(|(a, b, words)| BarredPair {
            units: [rows[a].code.clone(), rows[b].code.clone()],
            text: words.join("; "),
        })
        .collect()
}

/// The part of a row's other words that bars units, from its first word, and the codes it
/// names.
fn barring_words(extra: &str) -> Option<(&str, Vec<&str>)> {
    // ASCII lower case keeps every byte where it was, so a place in it is a place in `extra`.
    let lower = extra.to_ascii_lowercase();
    let (at, phrase) = BARRING
        .iter()
        .filter_map(|p| lower.find(p).map(|at| (at, *p)))
        .min()?;
    let printed = extra[at..].trim();
    let mut refs = Vec::new();
    for word in extra[at + phrase.len()..].split_whitespace() {
        let bare = word.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':' | '(' | ')'));
        if bare.is_empty() || CONNECTORS.iter().any(|c| bare.eq_ignore_ascii_case(c)) {
            continue;
        }
        // The list of codes ends at the first word that cannot be a code.
        if !bare.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        refs.push(bare);
    }
    Some((printed, refs))
}

/// Whether `code`, as a row's words name another unit, is `row`: its code, its unit
/// accreditation number or another code it prints, or its number where the code is "Unit 7".
fn names_row(row: &PastedRow, code: &str) -> bool {
    let same = |c: &str| c.eq_ignore_ascii_case(code);
    same(&row.code)
        || row.uan.as_deref().is_some_and(same)
        || row.other_codes.iter().any(|c| same(c))
        || row.code.strip_prefix("Unit ").is_some_and(|n| n == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::paste::parse;

    #[test]
    fn a_row_barring_two_units_makes_two_pairs_and_a_pair_printed_twice_one() {
        let p = parse(
            "A1 First unit Level 2 3 Cannot be taken with units A2 or A3\n\
             A2 Second unit Level 2 3 Cannot be taken with unit A1\n\
             A3 Third unit Level 2 3\n",
        )
        .unwrap();
        let pairs = barred_pairs(&p);
        assert_eq!(
            pairs,
            vec![
                BarredPair {
                    units: ["A1".into(), "A2".into()],
                    text:
                        "A1: Cannot be taken with units A2 or A3; A2: Cannot be taken with unit A1"
                            .into(),
                },
                BarredPair {
                    units: ["A1".into(), "A3".into()],
                    text: "A1: Cannot be taken with units A2 or A3".into(),
                },
            ]
        );
    }

    #[test]
    fn codes_outside_the_table_and_words_after_the_codes_make_no_pair() {
        let p = parse(
            "A1 First unit Level 2 3 Cannot be taken with unit Z9 in any pathway 2024\n\
             A2 Second unit Level 2 3 Optional\n",
        )
        .unwrap();
        assert_eq!(barred_pairs(&p), Vec::new());
    }
}
