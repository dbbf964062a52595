//! Shortfalls in plain words: "1 more unit from Optional Group C", "remove one of 001 / 101".

use super::rule::{LevelFilter, Measure};

fn measure_word(measure: Measure, n: u32) -> &'static str {
    match (measure, n == 1) {
        (Measure::Credits, true) => "credit",
        (Measure::Credits, false) => "credits",
        (Measure::Units, true) => "unit",
        (Measure::Units, false) => "units",
        (Measure::Glh, _) => "GLH",
    }
}

/// "1 unit", "3 credits", "20 GLH".
pub fn measure_words(measure: Measure, n: u32) -> String {
    format!("{n} {}", measure_word(measure, n))
}

pub fn level_words(level: Option<LevelFilter>) -> String {
    match level {
        None => String::new(),
        Some(LevelFilter::At(l)) => format!(" at {}", l.in_sentence()),
        Some(LevelFilter::AtOrAbove(l)) => format!(" at {} or above", l.in_sentence()),
    }
}

/// "3 more credits at level 2 from optional groups B to E"; "2 more units in total".
pub fn more_needed(measure: Measure, n: u32, level: Option<LevelFilter>, from: &str) -> String {
    let s = format!("{n} more {}", measure_word(measure, n));
    let tail = join_scope(level, from);
    if tail.is_empty() {
        format!("{s} in total")
    } else {
        format!("{s}{tail}")
    }
}

/// "1 unit too many at level 2 (at most 3): remove one of 205 / 206 / 207 / 211".
pub fn too_many(
    measure: Measure,
    n: u32,
    max: u32,
    level: Option<LevelFilter>,
    from: &str,
    counted: &[String],
) -> String {
    let tail = join_scope(level, from);
    let tail = if tail.is_empty() {
        " in total".to_string()
    } else {
        tail
    };
    let mut s = format!(
        "{} too many{tail} (at most {})",
        measure_words(measure, n),
        measure_words(measure, max)
    );
    if measure == Measure::Units && !counted.is_empty() {
        s.push_str(&format!(
            ": remove {} of {}",
            count_words(n),
            counted.join(" / ")
        ));
    }
    s
}

fn join_scope(level: Option<LevelFilter>, from: &str) -> String {
    let mut s = level_words(level);
    if !from.is_empty() {
        s.push(' ');
        s.push_str(from);
    }
    s
}

/// "one", "two", ... for small counts, as in "remove one of".
pub fn count_words(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n as usize)
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// "add 002", "add 002 and 009", "add 102, 105 and 110".
pub fn add_units(codes: &[String]) -> String {
    match codes {
        [] => String::new(),
        [one] => format!("add {one}"),
        [init @ .., last] => format!("add {} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Level;

    #[test]
    fn shortfalls_read_as_a_person_says_them() {
        assert_eq!(
            more_needed(Measure::Units, 1, None, "from Optional Group C"),
            "1 more unit from Optional Group C"
        );
        assert_eq!(
            more_needed(
                Measure::Credits,
                3,
                Some(LevelFilter::At(Level::Numbered(2))),
                ""
            ),
            "3 more credits at level 2"
        );
        assert_eq!(
            more_needed(Measure::Credits, 2, None, ""),
            "2 more credits in total"
        );
        assert_eq!(
            more_needed(
                Measure::Credits,
                4,
                Some(LevelFilter::AtOrAbove(Level::Entry(3))),
                "from entry 3 units"
            ),
            "4 more credits at Entry 3 or above from entry 3 units"
        );
        assert_eq!(
            too_many(
                Measure::Units,
                1,
                3,
                Some(LevelFilter::At(Level::Numbered(2))),
                "",
                &["205".into(), "206".into(), "207".into(), "211".into()]
            ),
            "1 unit too many at level 2 (at most 3 units): remove one of 205 / 206 / 207 / 211"
        );
        assert_eq!(add_units(&["002".into(), "009".into()]), "add 002 and 009");
        assert_eq!(
            add_units(&["1".into(), "2".into(), "3".into()]),
            "add 1, 2 and 3"
        );
    }
}
