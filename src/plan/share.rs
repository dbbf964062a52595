//! A plan as a link: qualification, units, readings and name in the URL fragment, so nothing
//! reaches a server. Readable (`#q=cg-4411-30&u=002,001&r=entry3-min:inclusive&n=My%20plan`) and
//! checked against the catalogue when opened. A learner's record goes in `h` (each unit more
//! than planned: `CODE:p` in progress, `CODE:a` achieved, then optionally the date, the record
//! it was achieved as, the evidence and an exemption's reason, each after a `:`) and the study
//! rate in `w` (`HOURS:YYYY-MM-DD`); a link without them opens with every unit planned.

use super::mismatch::Mismatch;
use super::record_form::{Held, StudyRate, UnitRecord, UnitRecords};
use super::workspace::Plan;
use crate::catalogue::Catalogue;
use crate::limits::{
    check_bytes, check_count, clean_name, excerpt, TextError, TooLarge, MAX_LINK_BYTES,
    MAX_UNITS_PER_PLAN,
};
use crate::rules::Readings;
use std::fmt;

/// Why a link's plan cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLarge(TooLarge),
    /// A `%` not followed by two hex digits: the text from the `%`.
    BrokenEscape(String),
    NotUtf8,
    /// A part with no `=`.
    NotKeyValue(String),
    /// A reading with no `:`.
    NotRuleReading(String),
    /// A unit's record not `CODE:p` or `CODE:a` followed by its details.
    NotUnitRecord(String),
    /// A study rate not `HOURS:YYYY-MM-DD`.
    NotStudyRate(String),
    UnknownPart(String),
    NoQualification,
    Name(TextError),
    Mismatch(Mismatch),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge(e) => e.fmt(f),
            ShareError::BrokenEscape(at) => write!(f, "broken escape at {}", excerpt(at)),
            ShareError::NotUtf8 => write!(f, "the link holds text that is not UTF-8"),
            ShareError::NotKeyValue(part) => {
                write!(f, "the link's part {} is not KEY=VALUE", excerpt(part))
            }
            ShareError::NotRuleReading(r) => {
                write!(f, "the reading {} is not RULE:READING", excerpt(r))
            }
            ShareError::NotUnitRecord(r) => write!(
                f,
                "the unit record {} is not CODE:p (in progress) or CODE:a (achieved)",
                excerpt(r)
            ),
            ShareError::NotStudyRate(w) => {
                write!(f, "the study rate {} is not HOURS:YYYY-MM-DD", excerpt(w))
            }
            ShareError::UnknownPart(key) => {
                write!(f, "the link has an unknown part {}", excerpt(key))
            }
            ShareError::NoQualification => write!(f, "the link names no qualification (q=...)"),
            ShareError::Name(e) => write!(f, "the link's name: {e}"),
            ShareError::Mismatch(m) => write!(f, "the link's {m}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Characters left as they are in a fragment value; everything else is percent-encoded.
fn keep(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/')
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(s: &str) -> Result<String, ShareError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let broken = || ShareError::BrokenEscape(s[i..].chars().take(8).collect());
            let hex = s.get(i + 1..i + 3).ok_or_else(broken)?;
            let b = u8::from_str_radix(hex, 16).map_err(|_| broken())?;
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError::NotUtf8)
}

/// The fragment (without `#`) for a plan.
pub fn encode(plan: &Plan) -> String {
    let mut parts = vec![format!("q={}", escape(&plan.qualification))];
    parts.push(format!(
        "u={}",
        plan.units
            .iter()
            .map(|u| escape(u))
            .collect::<Vec<_>>()
            .join(",")
    ));
    if !plan.readings.is_empty() {
        parts.push(format!(
            "r={}",
            plan.readings
                .iter()
                .map(|(rule, reading)| format!("{}:{}", escape(rule), escape(reading)))
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    if !plan.record.is_empty() {
        let held: Vec<String> = plan
            .record
            .iter()
            .map(|(code, r)| unit_record_part(code, r))
            .collect();
        parts.push(format!("h={}", held.join(",")));
    }
    if let Some(w) = &plan.study {
        parts.push(format!("w={}:{}", w.hours_a_week, escape(&w.from)));
    }
    parts.push(format!("n={}", escape(&plan.name)));
    parts.join("&")
}

/// `CODE:a:ON:AS:EVIDENCE:EXEMPTION`, the empty fields at the end left out.
fn unit_record_part(code: &str, r: &UnitRecord) -> String {
    let status = match r.status {
        Held::InProgress => "p",
        Held::Achieved => "a",
    };
    let fields = [&r.on, &r.held_as, &r.evidence, &r.exemption];
    let last = fields
        .iter()
        .rposition(|f| f.is_some())
        .map_or(0, |i| i + 1);
    let mut part = format!("{}:{status}", escape(code));
    for f in &fields[..last] {
        part.push(':');
        part.push_str(&escape(f.as_deref().unwrap_or_default()));
    }
    part
}

/// Reads one unit's record from a link (see `unit_record_part`).
fn read_unit_record(part: &str) -> Result<(String, UnitRecord), ShareError> {
    let broken = || ShareError::NotUnitRecord(part.to_string());
    let mut fields = part.split(':');
    let code = unescape(fields.next().unwrap_or_default())?;
    let status = match fields.next() {
        Some("p") => Held::InProgress,
        Some("a") => Held::Achieved,
        _ => return Err(broken()),
    };
    let mut r = UnitRecord::new(status);
    let slots = [&mut r.on, &mut r.held_as, &mut r.evidence, &mut r.exemption];
    let mut fields = fields.peekable();
    for slot in slots {
        let Some(f) = fields.next() else { break };
        *slot = Some(unescape(f)?).filter(|t| !t.is_empty());
    }
    if code.is_empty() || fields.peek().is_some() {
        return Err(broken());
    }
    Ok((code, r))
}

/// Reads a fragment (with or without `#`), checking every part against the catalogue. Refused
/// before it is read when over `MAX_LINK_BYTES`; every check after that is linear.
pub fn decode(fragment: &str, catalogue: &Catalogue) -> Result<Plan, ShareError> {
    check_bytes("the link", fragment.len(), MAX_LINK_BYTES).map_err(ShareError::TooLarge)?;
    let fragment = fragment.trim_start_matches('#');
    let (mut q, mut units, mut readings, mut name) = (None, Vec::new(), Readings::new(), None);
    let (mut record, mut study) = (UnitRecords::new(), None);
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| ShareError::NotKeyValue(part.to_string()))?;
        match key {
            "q" => q = Some(unescape(value)?),
            "u" => {
                for u in value.split(',').filter(|u| !u.is_empty()) {
                    units.push(unescape(u)?);
                }
            }
            "r" => {
                for r in value.split(',').filter(|r| !r.is_empty()) {
                    let (rule, reading) = r
                        .split_once(':')
                        .ok_or_else(|| ShareError::NotRuleReading(r.to_string()))?;
                    readings.insert(unescape(rule)?, unescape(reading)?);
                }
            }
            "h" => {
                for r in value.split(',').filter(|r| !r.is_empty()) {
                    let (code, r) = read_unit_record(r)?;
                    record.insert(code, r);
                }
            }
            "w" => {
                let broken = || ShareError::NotStudyRate(value.to_string());
                let (hours, from) = value.split_once(':').ok_or_else(broken)?;
                study = Some(StudyRate {
                    hours_a_week: hours.parse().map_err(|_| broken())?,
                    from: unescape(from)?,
                });
            }
            "n" => name = Some(unescape(value)?),
            other => return Err(ShareError::UnknownPart(other.to_string())),
        }
    }
    let q = q.ok_or(ShareError::NoQualification)?;
    check_count("the link", units.len(), MAX_UNITS_PER_PLAN).map_err(ShareError::TooLarge)?;
    let name = match name.as_deref().map(clean_name) {
        None | Some(Err(TextError::Empty(_))) => "Shared plan".to_string(),
        Some(Ok(n)) => n,
        Some(Err(e)) => return Err(ShareError::Name(e)),
    };
    let mut plan = Plan {
        name,
        qualification: q,
        units,
        readings,
        record,
        study,
    };
    plan.drop_repeated_units();
    plan.check_against(catalogue)
        .map_err(ShareError::Mismatch)?;
    Ok(plan)
}
