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
    let Some(line) = text.lines().nth(e.line() - 1) else {
        return format!("line {}: {words}", e.line());
    };
    let chars: Vec<char> = line.chars().collect();
    // serde_json's column is 1-based and counts characters up to the place.
    let at = e.column().saturating_sub(1).min(chars.len());
    let from = at.saturating_sub(AROUND);
    let to = (at + AROUND).min(chars.len());
    let shown: String = chars[from..to]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    let lead = if from > 0 { "\u{2026}" } else { "" };
    let tail = if to < chars.len() { "\u{2026}" } else { "" };
    let caret = " ".repeat(lead.chars().count() + (at - from));
    format!(
        "line {}, column {}: {words}\n    {lead}{shown}{tail}\n    {caret}^",
        e.line(),
        e.column()
    )
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
