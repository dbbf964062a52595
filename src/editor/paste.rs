//! Units read from text a person copied out of a specification's unit table: the text of a PDF,
//! with cells separated by tabs or spaces, titles wrapped over several lines, figures on lines of
//! their own, column headers repeated at each page, group headings, sentences and page furniture
//! in between. What is read is a proposal for the person to check and correct: every row says on
//! which line it starts, and every line that was not read is listed.
//!
//! A row is a code at the start of a line (a unit accreditation number `F/601/1609`, a centre code
//! `CU791`, a unit number `001`, `Unit 7`, possibly after a position in its group such as `A1`),
//! then the title, then the figures: the level and the numeric columns, which the person maps
//! once (`guess_columns`, `to_units`). The work is linear in the text, which is refused above
//! `MAX_PASTE_BYTES`.

use crate::catalogue::Level;
use crate::limits::{shortened, size_words, thousands, MAX_PASTE_BYTES};
use crate::sort::SmallSort;
use std::fmt;

/// A row whose title would be longer than this is prose a row swallowed, not a unit: the
/// longest unit titles run to about 150 characters.
pub const MAX_TITLE_CHARS: usize = 250;

/// What a numeric column after the level holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberColumn {
    /// Guided learning hours.
    Glh,
    /// Credit value.
    Credit,
    /// Total qualification time (read, not kept: a unit record has no TQT).
    Tqt,
    /// Any other figure.
    Ignore,
}

/// Everything read from a pasted text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// The rows read as units, in the order printed.
    pub rows: Vec<PastedRow>,
    /// Non-blank lines that were neither part of a row nor a heading or column header.
    pub skipped: Vec<SkippedLine>,
    /// Group headings ("Optional Unit Group A"), each once, in the order printed; rows point here.
    pub headings: Vec<Heading>,
    /// The numeric columns after the level as the printed column header names them ("Level GLH
    /// Credit" gives `[Glh, Credit]`): of several headers, the one most rows were read under;
    /// empty when no header names one.
    pub header: Vec<NumberColumn>,
}

/// One row of a unit table, as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedRow {
    /// The line (from 1) where the row starts.
    pub line: usize,
    pub code: String,
    /// Other codes printed before the code, such as a position in its group (`A1`) or a unit
    /// number (`Unit 7`) before a unit accreditation number.
    pub other_codes: Vec<String>,
    /// The unit accreditation number, upper case, where the row prints one.
    pub uan: Option<String>,
    /// The title, its wrapped lines joined by single spaces, its characters as printed.
    pub title: String,
    pub level: Option<Level>,
    /// The numeric columns after the level, in order; `None` where the cell holds a dash or
    /// "n/a".
    pub numbers: Vec<Option<u32>>,
    /// Words printed in the row that are neither code, title nor figures ("Optional",
    /// "Cannot be taken with unit 101"); empty when there are none.
    pub extra: String,
    /// Index in `Pasted::headings` of the heading the row is printed under.
    pub heading: Option<usize>,
}

/// A line that was not read, with a short excerpt of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLine {
    pub line: usize,
    pub text: String,
}

/// A group heading, its wrapped lines joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub line: usize,
    pub text: String,
}

/// A row with its numeric columns mapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedUnit {
    pub line: usize,
    pub code: String,
    pub other_codes: Vec<String>,
    pub uan: Option<String>,
    pub title: String,
    pub level: Option<Level>,
    /// `None` where the row prints no figure for the column, never 0.
    pub credit: Option<u32>,
    pub glh: Option<u32>,
    pub heading: Option<usize>,
}

/// Why a pasted text was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    TooLarge { size: usize, limit: usize },
}

impl fmt::Display for PasteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasteError::TooLarge { size, limit } => write!(
                f,
                "The pasted text is {} bytes, more than the {} the editor reads at once. Paste the unit tables only, one at a time if need be.",
                thousands(*size),
                size_words(*limit)
            ),
        }
    }
}

impl std::error::Error for PasteError {}

/// Reads the unit rows of `text`. Refused above `MAX_PASTE_BYTES`; never fails otherwise.
pub fn parse(text: &str) -> Result<Pasted, PasteError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge {
            size: text.len(),
            limit: MAX_PASTE_BYTES,
        });
    }
    let mut reader = Reader::default();
    // Lines end in "\n" or "\r\n"; a text with neither uses "\r" alone (old Mac files).
    let end = if text.contains('\n') { '\n' } else { '\r' };
    for (i, line) in text.split(end).enumerate() {
        reader.line(i + 1, line);
    }
    Ok(reader.end())
}

/// The numeric columns as the printed header names them; where none is printed, guessed from the
/// figures: one column is the credit value, and of two or three, the smallest figures are
/// credits, the next GLH, the largest TQT.
pub fn guess_columns(pasted: &Pasted) -> Vec<NumberColumn> {
    if !pasted.header.is_empty() {
        return pasted.header.clone();
    }
    // The most usual number of figures in a row (ties: the wider).
    let mut counts: Vec<usize> = Vec::new();
    for row in &pasted.rows {
        let n = row.numbers.len();
        if n > 0 {
            if counts.len() < n {
                counts.resize(n, 0);
            }
            counts[n - 1] += 1;
        }
    }
    let mut width = 0;
    let mut best = 0;
    for (i, c) in counts.iter().enumerate() {
        if *c >= best && *c > 0 {
            best = *c;
            width = i + 1;
        }
    }
    if width == 0 {
        return Vec::new();
    }
    if width == 1 {
        return vec![NumberColumn::Credit];
    }
    let mut averages: Vec<(u64, usize)> = (0..width)
        .map(|j| {
            let (sum, n) = pasted
                .rows
                .iter()
                .filter_map(|r| r.numbers.get(j).copied().flatten())
                .fold((0u64, 0u64), |(s, n), v| (s + u64::from(v), n + 1));
            (sum.checked_div(n).unwrap_or(u64::MAX), j)
        })
        .collect();
    averages.sort_small();
    let mut columns = vec![NumberColumn::Ignore; width];
    for (rank, (_, j)) in averages.iter().enumerate() {
        columns[*j] = match rank {
            0 => NumberColumn::Credit,
            1 => NumberColumn::Glh,
            2 => NumberColumn::Tqt,
            _ => NumberColumn::Ignore,
        };
    }
    columns
}

/// The rows as units, each numeric column read as `columns` says; a column the row does not
/// print, or prints as a dash, gives `None`.
pub fn to_units(pasted: &Pasted, columns: &[NumberColumn]) -> Vec<PastedUnit> {
    pasted
        .rows
        .iter()
        .map(|row| {
            let figure = |wanted: NumberColumn| {
                columns
                    .iter()
                    .position(|c| *c == wanted)
                    .and_then(|j| row.numbers.get(j).copied().flatten())
            };
            PastedUnit {
                line: row.line,
                code: row.code.clone(),
                other_codes: row.other_codes.clone(),
                uan: row.uan.clone(),
                title: row.title.clone(),
                level: row.level,
                credit: figure(NumberColumn::Credit),
                glh: figure(NumberColumn::Glh),
                heading: row.heading,
            }
        })
        .collect()
}

// ---- Tokens -------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Uan(String),
    Num(u32),
    /// A dash or "n/a" in a figure's place.
    Missing,
    Level(Level),
    Word,
}

#[derive(Clone, Debug)]
struct Tok {
    text: String,
    kind: Kind,
}

impl Tok {
    /// A level or a figure: what ends a row.
    fn is_figure(&self) -> bool {
        matches!(self.kind, Kind::Num(_) | Kind::Missing | Kind::Level(_))
    }
}

fn tokenize(line: &str) -> Vec<Tok> {
    let raw: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let (kind, used) = if let Some((uan, used)) = uan_at(rest) {
            (Kind::Uan(uan), used)
        } else if let Some((level, used)) = level_at(rest) {
            (Kind::Level(level), used)
        } else if let Some(n) = number(rest[0]) {
            (Kind::Num(n), 1)
        } else if is_missing(rest[0]) {
            (Kind::Missing, 1)
        } else {
            (Kind::Word, 1)
        };
        out.push(Tok {
            text: rest[..used].join(" "),
            kind,
        });
        i += used;
    }
    out
}

/// A unit accreditation number starting `rest`, possibly printed with spaces around its
/// slashes (`F / 601 / 1609`), and how many pieces it took.
fn uan_at(rest: &[&str]) -> Option<(String, usize)> {
    let mut joined = String::new();
    for (k, piece) in rest.iter().take(5).enumerate() {
        if joined.len() + piece.len() > 16 {
            return None;
        }
        joined.push_str(piece);
        let bare = joined
            .trim_start_matches('(')
            .trim_end_matches([',', ';', '.', ':', ')']);
        if let Some(uan) = uan(bare) {
            return Some((uan, k + 1));
        }
        // Only a piece with a slash or a slash itself can continue a spaced number.
        let more = rest
            .get(k + 1)
            .is_some_and(|next| next.starts_with('/') || piece.ends_with('/'));
        if !more {
            return None;
        }
    }
    None
}

/// `F/601/1609`, upper case, when `s` is one.
fn uan(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[0].is_ascii_alphabetic()
        && b[1] == b'/'
        && b[2..5].iter().all(u8::is_ascii_digit)
        && b[5] == b'/'
        && b[6..].iter().all(u8::is_ascii_digit);
    ok.then(|| s.to_ascii_uppercase())
}

/// A printed level starting `rest`: "Entry 3", "Entry level 3", "E3", "Level 2", "L2" (a bare
/// "2" is read as a level only by its place in the row).
pub(super) fn level_at(rest: &[&str]) -> Option<(Level, usize)> {
    let word = |i: usize| {
        rest.get(i).map(|w| {
            w.trim_end_matches([',', ';', ':', '.'])
                .to_ascii_lowercase()
        })
    };
    let digit = |i: usize| word(i).and_then(|w| w.parse::<u8>().ok());
    let w0 = word(0)?;
    match w0.as_str() {
        "entry" => {
            if word(1).as_deref() == Some("level") {
                if let Some(n @ 1..=3) = digit(2) {
                    return Some((Level::Entry(n), 3));
                }
            }
            if let Some(n @ 1..=3) = digit(1) {
                return Some((Level::Entry(n), 2));
            }
            None
        }
        "level" => match digit(1) {
            Some(n @ 1..=8) => Some((Level::Numbered(n), 2)),
            _ => None,
        },
        _ => {
            let (entry, d) = if let Some(d) = w0.strip_prefix("entrylevel") {
                (true, d)
            } else if let Some(d) = w0.strip_prefix("entry") {
                (true, d)
            } else if let Some(d) = w0.strip_prefix("el") {
                (true, d)
            } else if let Some(d) = w0.strip_prefix('e') {
                (true, d)
            } else if let Some(d) = w0.strip_prefix("level") {
                (false, d)
            } else if let Some(d) = w0.strip_prefix('l') {
                (false, d)
            } else {
                return None;
            };
            if d.len() != 1 {
                return None;
            }
            match (entry, d.parse::<u8>().ok()?) {
                (true, n @ 1..=3) => Some((Level::Entry(n), 1)),
                (false, n @ 1..=8) => Some((Level::Numbered(n), 1)),
                _ => None,
            }
        }
    }
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_missing(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}" | "\u{2014}")
        || s.eq_ignore_ascii_case("n/a")
        || s.eq_ignore_ascii_case("tbc")
}

/// A bare level as a level column prints it: "1" to "8".
fn bare_level(t: &Tok) -> Option<Level> {
    match t.kind {
        Kind::Num(n @ 1..=8) if t.text.len() == 1 => Some(Level::Numbered(n as u8)),
        _ => None,
    }
}

// ---- Codes --------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodeKind {
    Uan,
    Centre,
    Numeric,
    UnitNumber,
    Position,
}

/// A code starting `toks`, and how many tokens it took.
fn code_at(toks: &[Tok]) -> Option<(String, CodeKind, usize)> {
    let t = toks.first()?;
    let bare = t.text.trim_end_matches([':', '.', ',']);
    match &t.kind {
        Kind::Uan(u) => Some((u.clone(), CodeKind::Uan, 1)),
        Kind::Level(_) | Kind::Missing => None,
        Kind::Num(_) | Kind::Word if is_digits(bare, 1, 4) => {
            Some((bare.to_string(), CodeKind::Numeric, 1))
        }
        Kind::Num(_) => None,
        Kind::Word if bare.eq_ignore_ascii_case("unit") => {
            let n = toks.get(1)?.text.trim_end_matches([':', '.', ',']);
            is_digits(n, 1, 4).then(|| (format!("Unit {n}"), CodeKind::UnitNumber, 2))
        }
        Kind::Word => {
            let letters = bare.bytes().take_while(u8::is_ascii_alphabetic).count();
            let rest = &bare[letters..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &rest[digits..];
            let suffix_ok = tail.is_empty()
                || (tail.len() == 1 && tail.bytes().all(|b| b.is_ascii_alphabetic()));
            if letters == 0 || digits == 0 || !suffix_ok {
                None
            } else if (1..=2).contains(&letters) && (1..=2).contains(&digits) && tail.is_empty() {
                Some((bare.to_string(), CodeKind::Position, 1))
            } else if letters <= 6 && digits <= 6 && (letters >= 2 || digits >= 3) {
                Some((bare.to_string(), CodeKind::Centre, 1))
            } else {
                None
            }
        }
    }
}

fn is_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The codes at the start of a row and the tokens after them: at most three codes, a position
/// only first, a number after the first only of three digits (`R/103/6284 301 Unit 7`).
fn leading_codes(toks: &[Tok]) -> Option<(Vec<(String, CodeKind)>, usize)> {
    let mut codes = Vec::new();
    let mut at = 0;
    while codes.len() < 3 {
        match code_at(&toks[at..]) {
            Some((code, kind, used))
                if codes.is_empty()
                    || matches!(
                        kind,
                        CodeKind::Uan | CodeKind::Centre | CodeKind::UnitNumber
                    )
                    || (kind == CodeKind::Numeric && code.len() == 3) =>
            {
                codes.push((code, kind));
                at += used;
            }
            _ => break,
        }
    }
    let (_, first) = codes.first()?;
    let rest = &toks[at..];
    let starts_row = match rest.first() {
        // A code alone on its line: the title follows on the next lines.
        None => codes.len() > 1 || *first != CodeKind::Position,
        // A number then a figure is a line of figures, not a row.
        Some(next) => !(next.is_figure() && *first == CodeKind::Numeric),
    };
    starts_row.then_some((codes, at))
}

// ---- Headers and headings -----------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Level,
    Number(NumberColumn),
}

const HEADER_WORDS: &[&str] = &[
    "unit",
    "units",
    "reference",
    "ref",
    "title",
    "titles",
    "name",
    "level",
    "levels",
    "glh",
    "credit",
    "credits",
    "value",
    "values",
    "qcf",
    "rqf",
    "nqf",
    "code",
    "codes",
    "uan",
    "number",
    "no",
    "guided",
    "learning",
    "hours",
    "hrs",
    "total",
    "qualification",
    "time",
    "tqt",
    "accreditation",
    "and",
    "&",
    "/",
];

const HEADING_WORDS: &[&str] = &[
    "mandatory",
    "optional",
    "group",
    "appendix",
    "section",
    "table",
    "pathway",
    "theme",
    "barred",
];

fn plain_word(t: &Tok) -> String {
    t.text
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '/')
        .to_ascii_lowercase()
}

/// The columns a header line names, in order, when it is one.
fn header_columns(toks: &[Tok], in_row: bool) -> Option<Vec<Col>> {
    if toks.len() > 30 || toks.iter().any(|t| !matches!(t.kind, Kind::Word)) {
        return None;
    }
    // "... guided learning hours." ends a sentence; "Unit ref." ends a header.
    let last = toks.last().map(plain_word);
    if toks.last().is_some_and(|t| t.text.ends_with('.'))
        && !matches!(last.as_deref(), Some("ref" | "no"))
    {
        return None;
    }
    let words: Vec<String> = toks.iter().map(plain_word).collect();
    let mut cols = Vec::new();
    // The different columns the line names (a sentence about credits names one, however often).
    let mut names: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        let col = match w {
            "glh" => Some(Col::Number(NumberColumn::Glh)),
            "guided" if next == Some("learning") => Some(Col::Number(NumberColumn::Glh)),
            "credit" | "credits" => Some(Col::Number(NumberColumn::Credit)),
            "tqt" => Some(Col::Number(NumberColumn::Tqt)),
            "total" if next == Some("qualification") => Some(Col::Number(NumberColumn::Tqt)),
            "level" | "levels" => Some(Col::Level),
            _ => None,
        };
        let name = match w {
            "title" | "titles" => Some("title"),
            "code" | "codes" | "reference" | "uan" => Some("code"),
            _ => None,
        };
        if let Some(name) = name {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if let Some(col) = col {
            if !cols.contains(&col) {
                names.push(match col {
                    Col::Level => "level",
                    Col::Number(NumberColumn::Glh) => "glh",
                    Col::Number(NumberColumn::Credit) => "credit",
                    Col::Number(NumberColumn::Tqt) => "tqt",
                    Col::Number(NumberColumn::Ignore) => "other",
                });
            }
            if cols.last() != Some(&col) {
                cols.push(col);
            }
        }
        i += 1;
    }
    let figures = cols.iter().any(|c| matches!(c, Col::Number(_)));
    let all_header = words.iter().all(|w| HEADER_WORDS.contains(&w.as_str()));
    // Inside a row still short of its figures, a line of header words without a figure column
    // ("time", "learning") is more likely the title going on.
    let header = (all_header && (figures || !in_row)) || (figures && names.len() >= 2);
    header.then_some(cols)
}

fn is_heading(toks: &[Tok]) -> bool {
    toks.len() <= 12
        && toks
            .first()
            .is_some_and(|t| HEADING_WORDS.contains(&plain_word(t).as_str()))
}

// ---- The reader ---------------------------------------------------------------------------

/// What the figures of a row are expected to be, from the latest column header.
#[derive(Clone, Copy, Debug)]
struct Layout {
    /// Where the level is among the figures; `None` when the header prints no level.
    level_at: Option<usize>,
    /// How many numeric columns follow.
    numbers: usize,
    /// Whether a header said so (otherwise: a level, then at least one figure).
    printed: bool,
    /// Which of the headers read names the numeric columns (`Reader::sets`).
    set: Option<usize>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            level_at: Some(0),
            numbers: 1,
            printed: false,
            set: None,
        }
    }
}

impl Layout {
    fn figures(&self) -> usize {
        self.numbers + usize::from(self.level_at.is_some())
    }
}

#[derive(Debug)]
struct Open {
    line: usize,
    /// The row's lines with their text, given back as skipped if the row is not a unit.
    lines: Vec<(usize, String)>,
    codes: Vec<(String, CodeKind)>,
    toks: Vec<Tok>,
    /// Figures at the end of `toks` so far.
    run: usize,
    /// Whether the last line added held figures only.
    figures_line: bool,
    heading: Option<usize>,
    layout: Layout,
}

impl Open {
    fn push(&mut self, line: usize, text: &str, toks: Vec<Tok>) {
        self.lines.push((line, shortened(text.trim())));
        self.figures_line = toks.iter().all(Tok::is_figure);
        for t in toks {
            self.run = if t.is_figure() { self.run + 1 } else { 0 };
            self.toks.push(t);
        }
    }

    fn complete(&self) -> bool {
        self.run >= self.layout.figures()
    }
}

#[derive(Debug, Default)]
struct Reader {
    out: Pasted,
    open: Option<Open>,
    layout: Layout,
    /// The columns of the header being read (a header may span several lines).
    block: Vec<Col>,
    in_block: bool,
    /// The numeric columns of each header read, with how many rows were read under it.
    sets: Vec<(Vec<NumberColumn>, usize)>,
    /// The line of the last heading line, for a heading wrapped onto the next line.
    heading_line: Option<usize>,
    /// Whether the last heading may still be joined by another heading line (nothing but headers
    /// and blank lines since).
    heading_joinable: bool,
    /// Whether the last heading has no row yet.
    heading_unused: bool,
}

impl Reader {
    fn line(&mut self, n: usize, raw: &str) {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let toks = tokenize(text);
        if toks.is_empty() {
            return;
        }
        let after_heading = self.heading_line == Some(n - 1);
        self.heading_line = None;
        let in_row = self.open.as_ref().is_some_and(|o| !o.complete());

        if toks.iter().all(Tok::is_figure) {
            if let Some(open) = self.open.as_mut() {
                let more = !open.complete() || (!open.layout.printed && open.figures_line);
                if more {
                    open.push(n, text, toks);
                    return;
                }
            }
            // A unit number alone on its line, its title on the next.
            if toks.len() == 1 && is_digits(&toks[0].text, 3, 3) {
                let code = toks[0].text.clone();
                self.start(n, text, vec![(code, CodeKind::Numeric)], Vec::new());
            } else {
                self.skip(n, text);
            }
            return;
        }
        if let Some(cols) = header_columns(&toks, in_row) {
            self.finish();
            self.header(&cols);
            return;
        }
        if let Some((codes, at)) = leading_codes(&toks) {
            let rest = toks[at..].to_vec();
            self.start(n, text, codes, rest);
            return;
        }
        if is_heading(&toks) {
            self.finish();
            self.heading(n, &toks, false);
            return;
        }
        if after_heading && toks.len() <= 3 {
            self.heading(n, &toks, true);
            return;
        }
        // A sentence ("... is three.  Please") is not a title going on.
        let trimmed = text.trim();
        let sentence = trimmed.ends_with('.') || trimmed.contains(". ");
        if in_row && !sentence {
            if let Some(open) = self.open.as_mut() {
                open.push(n, text, toks);
                return;
            }
        }
        self.skip(n, text);
    }

    fn header(&mut self, cols: &[Col]) {
        if !self.in_block {
            self.block.clear();
            self.in_block = true;
        }
        // A header names a handful of columns; more is a repeated line, not more columns.
        let room = 8usize.saturating_sub(self.block.len());
        self.block.extend(cols.iter().take(room));
        if self.block.is_empty() {
            return;
        }
        let numbers: Vec<NumberColumn> = self
            .block
            .iter()
            .filter_map(|c| match c {
                Col::Number(n) => Some(*n),
                Col::Level => None,
            })
            .collect();
        let set = if numbers.is_empty() {
            None
        } else if self.layout.set.is_some_and(|i| self.sets[i].0 == numbers) {
            self.layout.set
        } else {
            self.sets.push((numbers.clone(), 0));
            Some(self.sets.len() - 1)
        };
        self.layout = Layout {
            level_at: self.block.iter().position(|c| *c == Col::Level),
            numbers: numbers.len(),
            printed: true,
            set,
        };
    }

    fn end_block(&mut self) {
        self.in_block = false;
    }

    fn heading(&mut self, n: usize, toks: &[Tok], continued: bool) {
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let text = words.join(" ");
        match self.out.headings.last_mut() {
            Some(last) if continued || (self.heading_joinable && self.heading_unused) => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => self.out.headings.push(Heading { line: n, text }),
        }
        self.heading_line = Some(n);
        self.heading_joinable = true;
        self.heading_unused = true;
    }

    fn skip(&mut self, n: usize, text: &str) {
        self.finish();
        self.end_block();
        self.heading_joinable = false;
        self.out.skipped.push(SkippedLine {
            line: n,
            text: shortened(text.trim()),
        });
    }

    fn start(&mut self, n: usize, text: &str, codes: Vec<(String, CodeKind)>, rest: Vec<Tok>) {
        self.finish();
        self.end_block();
        self.heading_joinable = false;
        if self.heading_unused {
            self.heading_unused = false;
            // A heading repeated at the top of a page goes on with the same group.
            let len = self.out.headings.len();
            if len >= 2 && self.out.headings[len - 1].text == self.out.headings[len - 2].text {
                self.out.headings.pop();
            }
        }
        let mut open = Open {
            line: n,
            lines: Vec::new(),
            codes,
            toks: Vec::new(),
            run: 0,
            figures_line: false,
            heading: self.out.headings.len().checked_sub(1),
            layout: self.layout,
        };
        open.push(n, text, rest);
        self.open = Some(open);
    }

    fn finish(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        match row(&open) {
            Some(row) => {
                if let Some(i) = open.layout.set {
                    self.sets[i].1 += 1;
                }
                self.out.rows.push(row);
            }
            None => {
                for (line, text) in open.lines {
                    self.out.skipped.push(SkippedLine { line, text });
                }
            }
        }
    }

    fn end(mut self) -> Pasted {
        self.finish();
        // The header most rows were read under (the first of equals).
        let mut best: Option<&(Vec<NumberColumn>, usize)> = None;
        for set in &self.sets {
            if set.1 > 0 && best.is_none_or(|b| set.1 > b.1) {
                best = Some(set);
            }
        }
        self.out.header = best.map(|b| b.0.clone()).unwrap_or_default();
        // Headings no row is printed under are not groups.
        let mut used = vec![false; self.out.headings.len()];
        for r in &self.out.rows {
            if let Some(h) = r.heading {
                used[h] = true;
            }
        }
        let mut new_index = Vec::with_capacity(used.len());
        let mut kept = 0;
        for u in &used {
            new_index.push(kept);
            kept += usize::from(*u);
        }
        for r in &mut self.out.rows {
            r.heading = r.heading.map(|h| new_index[h]);
        }
        let mut i = 0;
        self.out.headings.retain(|_| {
            i += 1;
            used[i - 1]
        });
        self.out
    }
}

/// The row an open row makes, or `None` when it has no title, or when it has no figure and
/// its code is a number of one or two digits or a position (a numbered list, a page number).
fn row(open: &Open) -> Option<PastedRow> {
    let codes = &open.codes;
    // The code: a centre code or unit number, else a UAN, else what there is.
    let rank = |k: CodeKind| match k {
        CodeKind::Centre | CodeKind::Numeric => 0,
        CodeKind::Uan => 1,
        CodeKind::UnitNumber => 2,
        CodeKind::Position => 3,
    };
    let main = (0..codes.len())
        .min_by_key(|i| (rank(codes[*i].1), *i))
        .unwrap_or(0);
    let (code, kind) = codes.get(main)?.clone();
    let uan_at = codes.iter().position(|(_, k)| *k == CodeKind::Uan);
    let mut uan = uan_at.map(|i| codes[i].0.clone());
    let other_codes: Vec<String> = codes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != main && Some(*i) != uan_at)
        .map(|(_, (c, _))| c.clone())
        .collect();

    let toks = &open.toks;
    // A unit accreditation number after the title (a column of its own) ends the title.
    let mut from = 0;
    let mut title_end = None;
    if uan.is_none() {
        if let Some(p) = toks.iter().position(|t| matches!(t.kind, Kind::Uan(_))) {
            if let Kind::Uan(u) = &toks[p].kind {
                uan = Some(u.clone());
            }
            title_end = Some(p);
            from = p + 1;
        }
    }
    // The figures: the longest run of them (the last of equals) after the title.
    let (mut best_start, mut best_len) = (toks.len(), 0);
    let mut i = from;
    while i < toks.len() {
        if toks[i].is_figure() {
            let start = i;
            while i < toks.len() && toks[i].is_figure() {
                i += 1;
            }
            if i - start >= best_len {
                best_start = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let title_end = title_end.unwrap_or(best_start.min(toks.len()));
    let title = join(&toks[..title_end]);
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let run = &toks[best_start..best_start + best_len];
    // Between a unit accreditation number and the figures, and after the figures.
    let mut extra: Vec<&Tok> = if from > 0 {
        toks[from..best_start].iter().collect()
    } else {
        Vec::new()
    };
    extra.extend(toks[best_start + best_len..].iter());

    let (level, numbers) = figures(run, &open.layout);
    let weak = kind == CodeKind::Position || (kind == CodeKind::Numeric && code.len() < 3);
    if weak && run.is_empty() {
        return None;
    }
    Some(PastedRow {
        line: open.line,
        code,
        other_codes,
        uan,
        title,
        level,
        numbers,
        extra: extra
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        heading: open.heading,
    })
}

fn join(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The level and the numeric columns of a run of figures.
fn figures(run: &[Tok], layout: &Layout) -> (Option<Level>, Vec<Option<u32>>) {
    let value = |t: &Tok| match t.kind {
        Kind::Num(n) => Some(n),
        _ => None,
    };
    if let Some(p) = run.iter().position(|t| matches!(t.kind, Kind::Level(_))) {
        let level = match run[p].kind {
            Kind::Level(l) => Some(l),
            _ => None,
        };
        let numbers = run
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != p)
            .map(|(_, t)| value(t))
            .collect();
        return (level, numbers);
    }
    let slot = layout.level_at.filter(|p| {
        run.get(*p).is_some_and(|t| {
            bare_level(t).is_some() || (t.kind == Kind::Missing && run.len() > layout.numbers)
        })
    });
    match slot {
        Some(p) => (
            bare_level(&run[p]),
            run.iter()
                .enumerate()
                .filter(|(i, _)| *i != p)
                .map(|(_, t)| value(t))
                .collect(),
        ),
        None => (None, run.iter().map(value).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> PastedRow {
        let p = parse(text).unwrap();
        assert_eq!(p.rows.len(), 1, "{p:#?}");
        p.rows[0].clone()
    }

    #[test]
    fn level_spellings() {
        let cases = [
            ("Entry 3", Level::Entry(3)),
            ("E3", Level::Entry(3)),
            ("e1", Level::Entry(1)),
            ("Entry level 2", Level::Entry(2)),
            ("Entry Level 3", Level::Entry(3)),
            ("Level 2", Level::Numbered(2)),
            ("L2", Level::Numbered(2)),
            ("level 8", Level::Numbered(8)),
            ("2", Level::Numbered(2)),
        ];
        for (printed, level) in cases {
            let r = one(&format!("CU791 Communicate with customers {printed} 30 4"));
            assert_eq!(r.level, Some(level), "{printed}");
            assert_eq!(r.numbers, vec![Some(30), Some(4)], "{printed}");
            assert_eq!(r.title, "Communicate with customers", "{printed}");
        }
    }

    #[test]
    fn not_levels() {
        for w in ["E4", "L9", "Entry 4", "Level 0", "E12", "level"] {
            let toks: Vec<&str> = w.split(' ').collect();
            assert_eq!(level_at(&toks), None, "{w}");
        }
    }

    #[test]
    fn uan_forms() {
        assert_eq!(uan_at(&["F/601/1609"]), Some(("F/601/1609".into(), 1)));
        assert_eq!(uan_at(&["f/601/1609"]), Some(("F/601/1609".into(), 1)));
        assert_eq!(
            uan_at(&["F", "/", "601", "/", "1609"]),
            Some(("F/601/1609".into(), 5))
        );
        assert_eq!(
            uan_at(&["F/", "601/", "1609", "x"]),
            Some(("F/601/1609".into(), 3))
        );
        assert_eq!(uan_at(&["F/601/160"]), None);
        assert_eq!(uan_at(&["and", "/", "or"]), None);
    }

    #[test]
    fn too_large_is_refused_in_words() {
        let text = "a".repeat(MAX_PASTE_BYTES + 1);
        let e = parse(&text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "The pasted text is 524,289 bytes, more than the 512 KB the editor reads at once. Paste the unit tables only, one at a time if need be."
        );
        assert!(parse(&"a".repeat(MAX_PASTE_BYTES)).is_ok());
    }

    #[test]
    fn guessed_without_header_by_size() {
        let p = parse("CU1 One 2 30 4\nCU2 Two 2 4 33\nCU3 Three 3 40 6").unwrap();
        assert_eq!(
            guess_columns(&p),
            vec![NumberColumn::Glh, NumberColumn::Credit]
        );
        let p = parse("CU1 One 2 4\nCU2 Two 3 6").unwrap();
        assert_eq!(guess_columns(&p), vec![NumberColumn::Credit]);
        let p = parse("CU1 One 2 3 20 30\nCU2 Two 3 4 30 40").unwrap();
        assert_eq!(
            guess_columns(&p),
            vec![NumberColumn::Credit, NumberColumn::Glh, NumberColumn::Tqt]
        );
        assert!(guess_columns(&parse("").unwrap()).is_empty());
    }
}
