//! A plan as a link: qualification, units, readings and name in the URL fragment, so nothing
//! reaches a server. Readable (`#q=cg-4411-30&u=002,001&r=entry3-min:inclusive&n=My%20plan`) and
//! checked against the catalogue when opened.

use super::workspace::Plan;
use crate::catalogue::Catalogue;
use crate::limits::{
    check_bytes, check_count, clean_name, excerpt, NameError, MAX_LINK_BYTES, MAX_UNITS_PER_PLAN,
};
use crate::rules::Readings;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareError(pub String);

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
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
            let hex = s
                .get(i + 1..i + 3)
                .ok_or_else(|| ShareError(format!("broken escape at {}", excerpt(&s[i..]))))?;
            let b = u8::from_str_radix(hex, 16).map_err(|_| {
                ShareError(format!("broken escape {}", excerpt(&format!("%{hex}"))))
            })?;
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError("the link holds text that is not UTF-8".into()))
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
    parts.push(format!("n={}", escape(&plan.name)));
    parts.join("&")
}

/// Reads a fragment (with or without `#`), checking every part against the catalogue. Refused
/// before it is read when over `MAX_LINK_BYTES`; every check after that is linear.
pub fn decode(fragment: &str, catalogue: &Catalogue) -> Result<Plan, ShareError> {
    check_bytes("the link", fragment.len(), MAX_LINK_BYTES)
        .map_err(|e| ShareError(e.to_string()))?;
    let fragment = fragment.trim_start_matches('#');
    let (mut q, mut units, mut readings, mut name) = (None, Vec::new(), Readings::new(), None);
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or_else(|| {
            ShareError(format!(
                "the link's part {} is not KEY=VALUE",
                excerpt(part)
            ))
        })?;
        match key {
            "q" => q = Some(unescape(value)?),
            "u" => {
                for u in value.split(',').filter(|u| !u.is_empty()) {
                    units.push(unescape(u)?);
                }
            }
            "r" => {
                for r in value.split(',').filter(|r| !r.is_empty()) {
                    let (rule, reading) = r.split_once(':').ok_or_else(|| {
                        ShareError(format!("the reading {} is not RULE:READING", excerpt(r)))
                    })?;
                    readings.insert(unescape(rule)?, unescape(reading)?);
                }
            }
            "n" => name = Some(unescape(value)?),
            other => {
                return Err(ShareError(format!(
                    "the link has an unknown part {}",
                    excerpt(other)
                )))
            }
        }
    }
    let q = q.ok_or_else(|| ShareError("the link names no qualification (q=...)".into()))?;
    check_count("the link", units.len(), MAX_UNITS_PER_PLAN)
        .map_err(|e| ShareError(e.to_string()))?;
    let name = match name.as_deref().map(clean_name) {
        None | Some(Err(NameError::Empty)) => "Shared plan".to_string(),
        Some(Ok(n)) => n,
        Some(Err(e)) => return Err(ShareError(format!("the link's name: {e}"))),
    };
    let mut plan = Plan {
        name,
        qualification: q,
        units,
        readings,
    };
    plan.drop_repeated_units();
    match plan.mismatch_with(catalogue) {
        Some(m) => Err(ShareError(format!("the link's {m}"))),
        None => Ok(plan),
    }
}
