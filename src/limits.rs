//! Bounds on outside input (links, plan files, catalogue files, names), checked before any
//! parsing, the short excerpts that messages quote instead of whole inputs, and the counts they
//! give ("3 units", "1,200 plans"): work on what a person hands the planner stays linear and
//! small, and no message repeats megabytes back.

use std::fmt;

/// A link's fragment: a plan of a thousand units with long codes fits many times over.
pub const MAX_LINK_BYTES: usize = 64 * 1024;
/// A plans file: thousands of plans, well beyond what a browser's storage keeps.
pub const MAX_PLAN_FILE_BYTES: usize = 4 * 1024 * 1024;
/// A catalogue file: the five embedded documents together are about 250 KB.
pub const MAX_CATALOGUE_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Plans in one file.
pub const MAX_PLANS: usize = 10_000;
/// Units in one plan: the largest qualification in the catalogue offers under 100.
pub const MAX_UNITS_PER_PLAN: usize = 1_000;
/// A plan's name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// A note on a learner's record (the evidence for an achieved unit, the reason for an
/// exemption), in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// Units in one catalogue file: the five embedded documents hold 156.
pub const MAX_CATALOGUE_UNITS: usize = 5_000;
/// Qualifications in one catalogue file.
pub const MAX_CATALOGUE_QUALIFICATIONS: usize = 500;
/// Text pasted from a specification's unit table: a long specification's whole text is a few
/// hundred KB, its unit tables a few KB.
pub const MAX_PASTE_BYTES: usize = 512 * 1024;
/// How much of an input a message quotes.
pub const EXCERPT_CHARS: usize = 60;

/// Outside input over a stated limit, refused before it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TooLarge {
    Bytes {
        what: &'static str,
        size: usize,
        limit: usize,
    },
    Count {
        what: &'static str,
        count: usize,
        limit: usize,
    },
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TooLarge::Bytes { what, size, limit } => write!(
                f,
                "{what} is {} bytes, over the planner's limit of {}",
                thousands(*size),
                size_words(*limit)
            ),
            TooLarge::Count { what, count, limit } => write!(
                f,
                "{what} holds {} entries, more than the {} the planner accepts",
                thousands(*count),
                thousands(*limit)
            ),
        }
    }
}

impl std::error::Error for TooLarge {}

/// Refuses `text` longer than `limit` bytes.
pub fn check_bytes(what: &'static str, size: usize, limit: usize) -> Result<(), TooLarge> {
    if size > limit {
        Err(TooLarge::Bytes { what, size, limit })
    } else {
        Ok(())
    }
}

/// Refuses more than `limit` entries.
pub fn check_count(what: &'static str, count: usize, limit: usize) -> Result<(), TooLarge> {
    if count > limit {
        Err(TooLarge::Count { what, count, limit })
    } else {
        Ok(())
    }
}

/// "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun: "1 unit", "0 units", "3,000 plans".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), plural(n, one, many))
}

/// `one` for exactly one thing, `many` for any other count (none included): "unit" or "units",
/// "was" or "were".
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "512 bytes", "64 KB", "4 MB" (1 KB = 1,024 bytes), rounded down.
pub fn size_words(bytes: usize) -> String {
    const KB: usize = 1024;
    if bytes >= KB * KB {
        format!("{} MB", thousands(bytes / (KB * KB)))
    } else if bytes >= KB {
        format!("{} KB", thousands(bytes / KB))
    } else {
        format!("{bytes} bytes")
    }
}

/// At most `EXCERPT_CHARS` characters of `text`, in straight quotes, with "…" where it was
/// cut; control and invisible characters are shown as `?` so an excerpt cannot reorder or hide
/// the message around it.
pub fn excerpt(text: &str) -> String {
    format!("\"{}\"", shortened(text))
}

/// `excerpt` without the quotes.
pub fn shortened(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == EXCERPT_CHARS {
            out.push('\u{2026}');
            break;
        }
        out.push(if is_hidden(c) || c.is_control() {
            '?'
        } else {
            c
        });
    }
    out
}

/// At most `max` characters of a message, with "…" where it was cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}\u{2026}", &text[..at]),
        None => text.to_string(),
    }
}

/// A list for a message: the first few items, each quoted, then "and N more".
pub fn few(items: &[String]) -> String {
    first_of(items, excerpt)
}

/// `few` without the quotes, for items that are the program's own words ("001 and 101").
pub fn first_few(items: &[String]) -> String {
    first_of(items, shortened)
}

fn first_of(items: &[String], each: fn(&str) -> String) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = items.iter().take(SHOWN).map(|i| each(i)).collect();
    if items.len() > SHOWN {
        format!(
            "{} and {} more",
            shown.join(", "),
            thousands(items.len() - SHOWN)
        )
    } else {
        shown.join(", ")
    }
}

/// Characters that change the direction of the text around them or show nothing at all.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}')
}

/// What kind of text a person gave: each is named in its own words and has its own length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    PlanName,
    /// A note on a learner's record (evidence, the reason for an exemption).
    Note,
}

impl TextKind {
    fn what(self) -> &'static str {
        match self {
            TextKind::PlanName => "a plan's name",
            TextKind::Note => "a note",
        }
    }

    pub fn max_chars(self) -> usize {
        match self {
            TextKind::PlanName => MAX_NAME_CHARS,
            TextKind::Note => MAX_NOTE_CHARS,
        }
    }
}

/// Why a name or a note was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Nothing visible is left once direction marks, invisible characters and spaces go.
    Empty(TextKind),
    /// Longer than the kind allows: how many characters it has.
    TooLong(TextKind, usize),
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::Empty(kind) => {
                write!(f, "{} needs at least one visible character", kind.what())
            }
            TextError::TooLong(kind, chars) => write!(
                f,
                "{} may have at most {} characters, and this one has {}",
                kind.what(),
                kind.max_chars(),
                thousands(*chars)
            ),
        }
    }
}

impl std::error::Error for TextError {}

/// A name as the planner keeps it: direction overrides and invisible characters removed (they
/// could make a name read backwards or look empty), runs of white space and control characters
/// made one space, trimmed; refused when nothing visible is left or it is too long.
pub fn clean_name(name: &str) -> Result<String, TextError> {
    clean_text(name, TextKind::PlanName)
}

pub fn clean_note(note: &str) -> Result<String, TextError> {
    clean_text(note, TextKind::Note)
}

fn clean_text(name: &str, kind: TextKind) -> Result<String, TextError> {
    let max = kind.max_chars();
    // Counted before cleaning too, so a huge text is refused without building a copy of it.
    let raw = name.chars().take(max * 8 + 1).count();
    if raw > max * 8 {
        return Err(TextError::TooLong(kind, name.chars().count()));
    }
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if is_hidden(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    let chars = out.chars().count();
    if chars == 0 {
        Err(TextError::Empty(kind))
    } else if chars > max {
        Err(TextError::TooLong(kind, chars))
    } else {
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_exactly_one() {
        assert_eq!(counted(0, "unit", "units"), "0 units");
        assert_eq!(counted(1, "unit", "units"), "1 unit");
        assert_eq!(counted(2, "unit", "units"), "2 units");
        assert_eq!(counted(3000, "plan", "plans"), "3,000 plans");
        assert_eq!(plural(1, "was", "were"), "was");
        assert_eq!(plural(0, "was", "were"), "were");
    }

    #[test]
    fn names_lose_direction_marks_and_invisible_characters() {
        assert_eq!(
            clean_name("  Anna\u{202E}gnirts \u{200B}plan\t\n2 ").unwrap(),
            "Annagnirts plan 2"
        );
        assert_eq!(
            clean_name("\u{202E}\u{200B}\u{FEFF} \u{2066}"),
            Err(TextError::Empty(TextKind::PlanName))
        );
        assert_eq!(clean_name(""), Err(TextError::Empty(TextKind::PlanName)));
    }

    #[test]
    fn names_are_bounded_by_one() {
        let at = "x".repeat(MAX_NAME_CHARS);
        assert_eq!(clean_name(&at).unwrap(), at);
        let over = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            clean_name(&over),
            Err(TextError::TooLong(TextKind::PlanName, MAX_NAME_CHARS + 1))
        );
        let huge = "y".repeat(5_000_000);
        assert!(matches!(
            clean_name(&huge),
            Err(TextError::TooLong(_, 5_000_000))
        ));
    }

    #[test]
    fn excerpts_are_short_and_show_hidden_characters() {
        let long = "a".repeat(10_000);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 3);
        assert!(e.ends_with("\u{2026}\""));
        assert_eq!(excerpt("ab\u{202E}c"), "\"ab?c\"");
    }

    #[test]
    fn lists_name_the_first_few_and_count_the_rest() {
        let items: Vec<String> = (0..100_000).map(|i| format!("U{i}")).collect();
        let words = few(&items);
        assert!(words.ends_with("and 99,995 more"), "{words}");
        assert!(words.len() < 200);
        assert_eq!(few(&items[..2]), "\"U0\", \"U1\"");
    }

    #[test]
    fn limits_refuse_one_over() {
        assert!(check_bytes("the link", MAX_LINK_BYTES, MAX_LINK_BYTES).is_ok());
        let e = check_bytes("the link", MAX_LINK_BYTES + 1, MAX_LINK_BYTES).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the link is 65,537 bytes, over the planner's limit of 64 KB"
        );
        assert!(check_count("the file", MAX_PLANS, MAX_PLANS).is_ok());
        assert_eq!(
            check_count("the file", 200_000, MAX_PLANS)
                .unwrap_err()
                .to_string(),
            "the file holds 200,000 entries, more than the 10,000 the planner accepts"
        );
    }
}
