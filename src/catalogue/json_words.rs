//! What the JSON reader found wrong in a file, in plain words, with the line it is on and a caret
//! under the place: a trainer writing a file by hand reads "text in quotes where a whole number
//! is expected", not the parser's "invalid type: string, expected u32".

use crate::limits::cut;

/// Characters of the line shown either side of the place.
const AROUND: usize = 40;

/// The finding in plain words, then the line and a caret under the place (where the parser knows
/// it).
pub fn json_error_words(text: &str, e: &serde_json::Error) -> String {
    let words = plain(&e.to_string());
    if e.line() == 0 {
        return words;
    }
    match excerpt(text, e.line(), e.column()) {
        Some(shown) => format!("line {}, column {}: {words}\n{shown}", e.line(), e.column()),
        None => format!("line {}: {words}", e.line()),
    }
}

/// Line `line` (1-based) of `text`, indented, with a caret under character `column` (1-based):
/// at most `AROUND` characters either side of it.
fn excerpt(text: &str, line: usize, column: usize) -> Option<String> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let from = at.saturating_sub(AROUND);
    let to = (at + AROUND).min(chars.len());
    let shown: String = chars[from..to]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    let lead = if from > 0 { "\u{2026}" } else { "" };
    let tail = if to < chars.len() { "\u{2026}" } else { "" };
    let caret = " ".repeat(lead.chars().count() + (at - from));
    Some(format!("    {lead}{shown}{tail}\n    {caret}^"))
}

/// Where a record named as the checks name it ("unit 002", "qualification Q", "qualification
/// Q, group G", "qualification Q, rule R, ...") is written in `text`: "line N:" and the line
/// with a caret under its code or id. `None` where it cannot be found (a record of a file
/// written on one line is still found; a link is not).
pub fn record_excerpt(text: &str, record: &str) -> Option<String> {
    let mut parts = record.split(", ");
    let first = parts.next()?;
    let at = if let Some(code) = first.strip_prefix("unit ") {
        key_value(text, 0, "code", code)?
    } else {
        let q = first.strip_prefix("qualification ")?;
        // After the list of qualifications: the document's own id may be the same text.
        let list = key_at(text, 0, "qualifications").unwrap_or(0);
        let mut at = key_value(text, list, "id", q)?;
        if let Some(next) = parts.next() {
            let (list, id) = if let Some(g) = next.strip_prefix("group ") {
                ("groups", g)
            } else {
                ("rules", next.strip_prefix("rule ")?)
            };
            let list_at = key_at(text, at, list).or_else(|| key_at(text, 0, list))?;
            at = key_value(text, list_at, "id", id)?;
        }
        at
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    Some(format!("line {line}:\n{}", excerpt(text, line, column)?))
}

/// The byte offset, at or after `from`, of the first `"key"` written as a name (followed by
/// `:`).
fn key_at(text: &str, from: usize, key: &str) -> Option<usize> {
    let quoted = serde_json::to_string(key).ok()?;
    let mut start = from;
    while let Some(found) = text.get(start..)?.find(&quoted) {
        let at = start + found;
        let after = text[at + quoted.len()..].trim_start();
        if after.starts_with(':') {
            return Some(at);
        }
        start = at + quoted.len();
    }
    None
}

/// The byte offset, at or after `from`, of the value in the first `"key": "value"`.
fn key_value(text: &str, from: usize, key: &str, value: &str) -> Option<usize> {
    let quoted = serde_json::to_string(value).ok()?;
    let mut start = from;
    loop {
        let at = key_at(text, start, key)?;
        let after_key = at + key.len() + 2;
        let rest = &text[after_key..];
        let colon = rest.find(':')?;
        let value_rest = &rest[colon + 1..];
        let value_at = after_key + colon + 1 + (value_rest.len() - value_rest.trim_start().len());
        if text[value_at..].starts_with(&quoted) {
            return Some(value_at);
        }
        start = after_key;
    }
}

/// The parser's message without its position, in words a person uses.
fn plain(message: &str) -> String {
    let m = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let quoted = |s: &str| -> Option<String> {
        let a = s.find('`')?;
        let b = s[a + 1..].find('`')? + a + 1;
        Some(s[a + 1..b].to_string())
    };
    let said = if m.starts_with("key must be a string") {
        "a name in double quotes was expected here (every name and text is written in double quotes: \"title\")".to_string()
    } else if m.starts_with("expected value") {
        "a value was expected here: a number, text in double quotes, true, false, null, a list [ ] or a record { }".to_string()
    } else if m.starts_with("trailing comma") {
        "a comma before a closing bracket: remove the comma".to_string()
    } else if m.starts_with("EOF while parsing") {
        "the file ends before everything opened is closed: a ] or } is missing".to_string()
    } else if m.starts_with("expected `,` or `}`") {
        "a comma or a closing } was expected here: is a comma missing between two parts?"
            .to_string()
    } else if m.starts_with("expected `,` or `]`") {
        "a comma or a closing ] was expected here: is a comma missing between two items?"
            .to_string()
    } else if m.starts_with("expected `:`") {
        "a colon was expected after the name".to_string()
    } else if m.starts_with("trailing characters") {
        "there is more after the end of the file's record: remove it".to_string()
    } else if let Some(rest) = m.strip_prefix("unknown field ") {
        let field = quoted(rest).unwrap_or_default();
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        format!(
            "\"{field}\" is not a part this record has (a misspelling?); it may have {}",
            expected.replace('`', "\"")
        )
    } else if let Some(rest) = m.strip_prefix("missing field ") {
        let field = quoted(rest).unwrap_or_default();
        format!(
            "the part \"{field}\" is missing (write it, as null where the document prints none)"
        )
    } else if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another kind"));
        format!("{} where {} is expected", kind(found), kind(expected))
    } else if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        format!("{} where {} is expected", kind(found), kind(expected))
    } else if let Some(rest) = m.strip_prefix("unknown variant ") {
        let found = quoted(rest).unwrap_or_default();
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        format!(
            "\"{found}\" is not one of the kinds allowed here: {}",
            expected.replace('`', "\"")
        )
    } else {
        m.to_string()
    };
    cut(&said, 300)
}

/// A parser's name for a kind of value, as a person says it.
fn kind(s: &str) -> String {
    let s = s.trim();
    if let Some(v) = s.strip_prefix("string ") {
        return format!("the text {v}");
    }
    if let Some(v) = s.strip_prefix("integer ") {
        return format!("the number {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("floating point ") {
        return format!("the number {}", v.trim_matches('`'));
    }
    match s {
        "u32" | "u64" | "usize" | "u8" | "u16" => "a whole number of 0 or more".into(),
        "a string" | "string" => "text in double quotes".into(),
        "null" => "null".into(),
        "a sequence" | "sequence" => "a list [ ]".into(),
        "map" | "a map" => "a record { }".into(),
        "a boolean" | "boolean" => "true or false".into(),
        other if other.starts_with("struct ") => "a record { }".into(),
        other => other.replace('`', "\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        json_error_words(text, &e)
    }

    #[test]
    fn syntax_errors_say_what_to_do_and_point_at_the_place() {
        let w = words("{\n  \"title\": \"A\",\n  units: []\n}");
        assert_eq!(
            w,
            "line 3, column 3: a name in double quotes was expected here (every name and text is written in double quotes: \"title\")\n      units: []\n      ^"
        );
        assert!(words("[1, 2,]").contains("a comma before a closing bracket: remove the comma"));
        assert!(words("{\"a\": [1, 2").contains("the file ends before everything opened is closed"));
    }

    #[test]
    fn type_errors_name_the_kinds_in_words() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct R {
            credit: u32,
        }
        let text = "{\"credit\": \"3\"}";
        let e = serde_json::from_str::<R>(text).unwrap_err();
        let w = json_error_words(text, &e);
        assert!(
            w.contains("the text \"3\" where a whole number of 0 or more is expected"),
            "{w}"
        );
        let text = "{\"credits\": 3}";
        let e = serde_json::from_str::<R>(text).unwrap_err();
        let w = json_error_words(text, &e);
        assert!(
            w.contains("\"credits\" is not a part this record has (a misspelling?); it may have \"credit\""),
            "{w}"
        );
        let e = serde_json::from_str::<R>("{}").unwrap_err();
        assert!(json_error_words("{}", &e).contains("the part \"credit\" is missing"));
    }

    #[test]
    fn a_record_is_found_by_its_code_or_id_and_shown_with_a_caret() {
        let text = "{\n  \"units\": [\n    {\"code\": \"A1\", \"title\": \"x\"},\n    {\"code\": \"mandatory\"}\n  ],\n  \"qualifications\": [{\n    \"id\": \"q1\",\n    \"groups\": [{\"id\": \"mandatory\", \"units\": []}],\n    \"rules\": [{\"id\" : \"mandatory\", \"kind\": \"all_of\"}]\n  }]\n}";
        assert_eq!(
            record_excerpt(text, "unit A1").unwrap(),
            "line 3:\n        {\"code\": \"A1\", \"title\": \"x\"},\n                 ^"
        );
        // A group and a rule of one id are told apart by the list they are in.
        assert!(record_excerpt(text, "qualification q1, group mandatory")
            .unwrap()
            .starts_with("line 8:"));
        assert!(
            record_excerpt(text, "qualification q1, rule mandatory, alternative 2")
                .unwrap()
                .starts_with("line 9:")
        );
        assert!(record_excerpt(text, "qualification q1")
            .unwrap()
            .starts_with("line 7:"));
        assert_eq!(record_excerpt(text, "unit Z9"), None);
        let named_alike = format!("{{\"document\": {{\"id\": \"q1\"}},\n{}", &text[1..]);
        assert!(record_excerpt(&named_alike, "qualification q1")
            .unwrap()
            .starts_with("line 8:"));
        assert_eq!(record_excerpt(text, "link #1 (a:1, b:2)"), None);
        assert_eq!(record_excerpt(text, ""), None);
    }

    #[test]
    fn a_long_line_is_shown_around_the_place_only() {
        let text = format!("[{}x]", "1, ".repeat(200));
        let w = words(&text);
        let shown = w.lines().nth(1).unwrap();
        assert!(shown.chars().count() < 100, "{shown}");
        let caret = w.lines().nth(2).unwrap();
        assert_eq!(
            caret
                .find('^')
                .map(|i| shown.chars().nth(caret[..i].chars().count())),
            Some(Some('x'))
        );
    }
}
