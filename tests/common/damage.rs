//! Damaged copies of valid text, for fuzzing the decoders of outside input: one to three small
//! edits (a span cut out, a span repeated, a character that means something to the format put
//! in), so the decoders' deeper paths are reached. Random text is mostly refused at its first
//! character.

use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Clone, Debug)]
enum Edit {
    Cut(Index, usize),
    Repeat(Index, usize),
    Put(Index, String),
}

/// Text that means something to JSON or to a link's fragment.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "\"",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "true",
            "-1",
            "0",
            "1e999",
            "18446744073709551616",
            "\\",
            "\\u12",
            "%",
            "%4",
            "%ZZ",
            "&",
            "=",
            "#",
            "q=",
            "u=",
            "r=",
            "n=",
            "\u{e9}",
            "\u{1f600}",
        ])
        .prop_map(str::to_string),
        ".{0,3}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), 1usize..10).prop_map(|(at, len)| Edit::Cut(at, len)),
        (any::<Index>(), 1usize..16).prop_map(|(at, len)| Edit::Repeat(at, len)),
        (any::<Index>(), token()).prop_map(|(at, text)| Edit::Put(at, text)),
    ]
}

/// The nearest character boundary at or before `at`.
fn boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        match e {
            Edit::Cut(at, len) => {
                let from = boundary(&s, at.index(s.len() + 1));
                let to = boundary(&s, from + len);
                s.replace_range(from..to, "");
            }
            Edit::Repeat(at, len) => {
                let from = boundary(&s, at.index(s.len() + 1));
                let to = boundary(&s, from + len);
                let span = s[from..to].to_string();
                s.insert_str(to, &span);
            }
            Edit::Put(at, text) => {
                let at = boundary(&s, at.index(s.len() + 1));
                s.insert_str(at, text);
            }
        }
    }
    s
}

/// `text` with one to three edits.
pub fn damaged(text: String) -> impl Strategy<Value = String> {
    proptest::collection::vec(edit(), 1..4).prop_map(move |edits| apply(&text, &edits))
}
