//! Progress towards other qualifications in words, and how a unit counts there.

use super::figures::credits_against;
use crate::catalogue::{Catalogue, LinkBasis};
use crate::plan::{Carried, Progress};

/// Why a planned unit counts as a unit of another qualification: "the same unit accreditation
/// number" (two documents' records linked), or "the same record".
pub fn basis_words(how: Carried) -> &'static str {
    match how {
        Carried::Same => "the same record",
        Carried::Linked(LinkBasis::Uan) => "the same unit accreditation number",
        Carried::Linked(LinkBasis::TitleLevelCredit) => "the same title, level and credit value",
    }
}

/// "2 units count • 8 of 28 credits • 3 of 6 rules met".
pub fn progress_summary(p: &Progress, min_credits: Option<u32>) -> String {
    let count = match p.carried.len() {
        1 => "1 unit counts".to_string(),
        n => format!("{n} units count"),
    };
    let credits = credits_against(p.totals.credits, min_credits);
    let state = match p.evaluation.compliant {
        Some(true) => "\u{2713} These units complete it".to_string(),
        Some(false) => format!("{} of {} rules met", p.rules_met, p.rules_total),
        None => "Rules of combination not published".to_string(),
    };
    format!("{count} \u{2022} {credits} \u{2022} {state}")
}

/// How each planned unit counts there: "CU791 counts as itself", "CU792 counts as 110 (the same
/// title, level and credit value)".
pub fn carried_words(c: &Catalogue, p: &Progress) -> Vec<String> {
    p.carried
        .iter()
        .map(|(from, to, how)| {
            let f = &c.unit(*from).unit;
            let t = &c.unit(*to).unit;
            if f.code == t.code {
                format!("{} counts as itself", f.code)
            } else {
                format!("{} counts as {} ({})", f.code, t.code, basis_words(*how))
            }
        })
        .collect()
}
