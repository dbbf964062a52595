//! What a pasted unit table says beyond its units: the groups its headings make ("Optional Unit
//! Group A" and the rows under it) and the combinations its rows bar ("Cannot be taken with unit
//! 101"). The editor offers them with the units, so a person does not tick each unit into its
//! group or make each barred pair from a template.

use super::paste::{level_at, Pasted};
use crate::catalogue::Level;
use crate::limits::first_few;
use crate::sort::SmallSort;

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
/// Linear in the rows, as the paste is in its text.
pub fn heading_groups(pasted: &Pasted) -> Vec<HeadingGroup> {
    let mut groups: Vec<HeadingGroup> = Vec::new();
    // For each row, by the first row with its code, the groups that already list that code.
    let first = first_rows(pasted);
    let mut listed: Vec<Vec<usize>> = vec![Vec::new(); pasted.rows.len()];
    for (i, row) in pasted.rows.iter().enumerate() {
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
        let holders = &mut listed[first[i]];
        if !holders.contains(&at) {
            holders.push(at);
            groups[at].units.push(row.code.clone());
        }
    }
    groups
}

/// Every pair of the table's units that a row bars, once, whichever rows print it. A code that
/// is not one of the table's rows is not a pair: the person makes that rule by hand.
pub fn barred_pairs(pasted: &Pasted) -> Vec<BarredPair> {
    let rows = &pasted.rows;
    // Each row by every code it can be named by (its code, its unit accreditation number, the
    // other codes it prints, its number where the code is "Unit 7"), upper case, sorted so a
    // code is found by halving; of rows with one code, the first.
    let mut by_code: Vec<(String, usize)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let names = std::iter::once(row.code.as_str())
            .chain(row.uan.as_deref())
            .chain(row.other_codes.iter().map(String::as_str))
            .chain(row.code.strip_prefix("Unit "));
        for name in names {
            by_code.push((name.to_ascii_uppercase(), i));
        }
    }
    by_code.sort_small();
    let find = |code: &str| {
        let code = code.to_ascii_uppercase();
        let at = by_code.partition_point(|(c, _)| *c < code);
        by_code.get(at).filter(|(c, _)| *c == code).map(|(_, i)| *i)
    };
    // Every (pair, row that bars it), sorted by pair and then by the row, and joined.
    let mut said: Vec<((usize, usize), usize, &str)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some((printed, refs)) = barring_words(&row.extra) else {
            continue;
        };
        for j in refs.into_iter().filter_map(find) {
            if j != i {
                said.push(((i.min(j), i.max(j)), i, printed));
            }
        }
    }
    said.sort_small();
    let mut pairs: Vec<BarredPair> = Vec::new();
    let mut last: Option<((usize, usize), usize)> = None;
    for (key, i, printed) in said {
        let words = format!("{}: {printed}", rows[i].code);
        match last {
            Some((k, by)) if k == key => {
                // One row naming the same unit twice says it once.
                if by != i {
                    if let Some(p) = pairs.last_mut() {
                        p.text.push_str("; ");
                        p.text.push_str(&words);
                    }
                }
            }
            _ => pairs.push(BarredPair {
                units: [rows[key.0].code.clone(), rows[key.1].code.clone()],
                text: words,
            }),
        }
        last = Some((key, i));
    }
    pairs
}

/// For each row, the first row with the same code.
fn first_rows(pasted: &Pasted) -> Vec<usize> {
    let mut order: Vec<(&str, usize)> = pasted
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect();
    order.sort_small();
    let mut first = vec![0; order.len()];
    let mut start = 0;
    for k in 0..order.len() {
        if order[k].0 != order[start].0 {
            start = k;
        }
        first[order[k].1] = order[start].1;
    }
    first
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

/// A level that text pasted with a table gives a run of unit numbers ("entry 3 units 001-010",
/// as rules of combination print it), for rows that print no level of their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelRange {
    pub level: Level,
    pub from: String,
    pub to: String,
}

impl LevelRange {
    /// Whether `code` is a unit number in the run: digits, as many as the run's, within it.
    fn holds(&self, code: &str) -> bool {
        code.len() == self.from.len()
            && code.bytes().all(|b| b.is_ascii_digit())
            && self.from.as_str() <= code
            && code <= self.to.as_str()
    }
}

/// The most runs of unit numbers read from one text, which keeps the work linear in it.
const MAX_RANGES: usize = 100;

/// Every run of unit numbers that `text` gives a level ("Level 1 units 101-110", "entry 3 units
/// 001 to 010"), each once.
pub fn level_ranges(text: &str) -> Vec<LevelRange> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches('*'))
        .collect();
    let mut out: Vec<LevelRange> = Vec::new();
    for i in 0..words.len() {
        let Some((level, used)) = level_at(&words[i..]) else {
            continue;
        };
        let rest = &words[i + used..];
        if !rest
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("units"))
        {
            continue;
        }
        let bare = |w: &str| w.trim_end_matches([',', ';', '.', ':', ')']).to_string();
        let (from, to) = match rest.get(1).and_then(|w| w.split_once(['-', '\u{2013}'])) {
            Some((a, b)) => (a.to_string(), bare(b)),
            None => match (rest.get(1), rest.get(2), rest.get(3)) {
                (Some(a), Some(&("-" | "\u{2013}" | "to")), Some(b)) => (a.to_string(), bare(b)),
                _ => continue,
            },
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(&from) && digits(&to) && from.len() == to.len() && from <= to {
            let range = LevelRange { level, from, to };
            // A text names a handful of runs; past that it is not rules of combination.
            if out.len() >= MAX_RANGES {
                break;
            }
            if !out.contains(&range) {
                out.push(range);
            }
        }
    }
    out
}

/// The level `ranges` give a row's code, where exactly one level does.
pub fn level_from_ranges(ranges: &[LevelRange], code: &str) -> Option<Level> {
    let mut found = ranges.iter().filter(|r| r.holds(code)).map(|r| r.level);
    let first = found.next()?;
    found.all(|l| l == first).then_some(first)
}

/// For each row of `pasted` that prints no level, the level the text pasted with it gives its
/// number, and the ranges that gave one.
pub fn row_levels(text: &str, pasted: &Pasted) -> (Vec<Option<Level>>, Vec<LevelRange>) {
    let ranges = level_ranges(text);
    let levels: Vec<Option<Level>> = pasted
        .rows
        .iter()
        .map(|r| match r.level {
            Some(_) => None,
            None => level_from_ranges(&ranges, &r.code),
        })
        .collect();
    let used = ranges
        .into_iter()
        .filter(|range| {
            pasted
                .rows
                .iter()
                .any(|r| r.level.is_none() && range.holds(&r.code))
        })
        .collect();
    (levels, used)
}

/// What the ranges that gave rows a level say ("Levels from the text pasted with the table:
/// Entry 3 for units 001-010, Level 1 for units 101-110. …"); empty when none did.
pub fn ranges_words(ranges: &[LevelRange]) -> String {
    if ranges.is_empty() {
        return String::new();
    }
    let each: Vec<String> = ranges
        .iter()
        .map(|r| format!("{} for units {}\u{2013}{}", r.level.label(), r.from, r.to))
        .collect();
    format!(
        "Levels from the text pasted with the table: {}. Check them in the table below.",
        first_few(&each)
    )
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

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn runs_of_unit_numbers_take_the_level_printed_before_them() {
        let r = level_ranges(
            "from **entry 3 units 001-010**\n - Level 1 units 101 to 110, and entry 3 units 001-010 again; level 2 units 7-9",
        );
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(level_from_ranges(&r, "005"), Some(Level::Entry(3)));
        assert_eq!(level_from_ranges(&r, "110"), Some(Level::Numbered(1)));
        assert_eq!(level_from_ranges(&r, "111"), None);
        assert_eq!(level_from_ranges(&r, "8"), Some(Level::Numbered(2)));
        assert_eq!(level_from_ranges(&r, "08"), None, "not as many digits");
        assert_eq!(
            ranges_words(&r[..2]),
            "Levels from the text pasted with the table: Entry 3 for units 001\u{2013}010, Level 1 for units 101\u{2013}110. Check them in the table below."
        );
        assert_eq!(ranges_words(&[]), "");
        // Two levels for one number: no guess.
        let both = level_ranges("level 1 units 101-110 and level 2 units 105-120");
        assert_eq!(level_from_ranges(&both, "106"), None);
        assert_eq!(level_from_ranges(&both, "115"), Some(Level::Numbered(2)));
        // Not a run: a mandatory unit, a count, a range the wrong way round.
        assert!(
            level_ranges("entry 3 mandatory unit 002; level 2 units 20-10; level 3 units")
                .is_empty()
        );
    }
}
