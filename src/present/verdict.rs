//! A check's verdict and each rule's status in words.

use crate::limits::counted;
use crate::plan::Check;
use crate::rules::{RuleResult, Status};

/// How a verdict or status should look: met, not met, or not judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Met,
    Unmet,
    Unknown,
    /// Nothing planned yet: neither met nor failed.
    Start,
}

impl Tone {
    /// A class name for the screen: "met", "unmet", "unknown", "start".
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Met => "met",
            Tone::Unmet => "unmet",
            Tone::Unknown => "unknown",
            Tone::Start => "start",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub tone: Tone,
    /// One sentence: "This plan meets every rule of combination."
    pub words: String,
}

pub const MEETS_EVERY_RULE: &str = "This plan meets every rule of combination.";
pub const NO_RULES: &str = "The document publishes no rules of combination for this qualification, so the plan cannot be checked.";

/// What a check comes to, counted once for every way it is worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    NoQualification,
    /// The document publishes no rules for the qualification.
    NoRules,
    /// Every rule met.
    Meets,
    /// Every rule a plan can show is met; `open` rules need evidence from outside the plan.
    MeetsWithEvidence {
        open: usize,
    },
    /// Nothing planned yet, against `all` top-level rules, `barred` of them barred
    /// combinations (kept to by planning neither unit, so not to be met): a start, not a failure.
    NothingPlanned {
        all: usize,
        barred: usize,
    },
    /// `unmet` of `all` top-level rules not met.
    NotYet {
        unmet: usize,
        all: usize,
    },
    /// No rule is found not met, but `undecided` rules count a figure that planned units do not
    /// publish, so the document cannot decide them.
    CannotJudge {
        undecided: usize,
    },
}

/// The judgement on a check (or on no qualification chosen).
pub fn judgement(check: Option<&Check>) -> Judgement {
    let Some(c) = check else {
        return Judgement::NoQualification;
    };
    let count = |s: Status| c.evaluation.rules.iter().filter(|r| r.status == s).count();
    match c.evaluation.compliant {
        Some(true) => match count(Status::NotJudged) {
            0 => Judgement::Meets,
            open => Judgement::MeetsWithEvidence { open },
        },
        Some(false) => match count(Status::Unmet) {
            0 => Judgement::CannotJudge {
                undecided: count(Status::Undecided),
            },
            _ if c.planned.is_empty() => Judgement::NothingPlanned {
                all: c.evaluation.rules.len(),
                barred: c.evaluation.rules.iter().filter(|r| r.meta.barred).count(),
            },
            unmet => Judgement::NotYet {
                unmet,
                all: c.evaluation.rules.len(),
            },
        },
        None => Judgement::NoRules,
    }
}

/// The verdict on a check (or on no qualification chosen).
pub fn verdict(check: Option<&Check>) -> Verdict {
    let (tone, words) = match judgement(check) {
        Judgement::NoQualification => (Tone::Unknown, "No qualification chosen.".to_string()),
        Judgement::NoRules => (Tone::Unknown, NO_RULES.to_string()),
        Judgement::Meets => (Tone::Met, MEETS_EVERY_RULE.to_string()),
        Judgement::MeetsWithEvidence { open } => (
            Tone::Met,
            format!(
                "This plan meets every rule a plan can show; {} evidence from outside the plan.",
                counted(open, "rule needs", "rules need")
            ),
        ),
        // Said without the mark of a broken rule.
        Judgement::NothingPlanned { all, barred: 0 } => (
            Tone::Start,
            format!(
                "No units planned yet: {} of combination to meet.",
                counted(all, "rule", "rules")
            ),
        ),
        Judgement::NothingPlanned { all, barred } => (
            Tone::Start,
            format!(
                "No units planned yet: {} of combination to meet, and {} to avoid.",
                counted(all - barred, "rule", "rules"),
                counted(barred, "barred combination", "barred combinations")
            ),
        ),
        Judgement::NotYet { unmet, all } => (
            Tone::Unmet,
            format!("Not yet: {unmet} of {all} rules of combination not met."),
        ),
        Judgement::CannotJudge { undecided } => (
            Tone::Unknown,
            format!(
                "This plan cannot be judged from the document: {} a figure that a planned unit does not publish.",
                counted(undecided, "rule counts", "rules count")
            ),
        ),
    };
    Verdict { tone, words }
}

/// A rule's status in words: a short class name and what a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleStatusWords {
    pub class: &'static str,
    pub words: &'static str,
}

pub fn rule_status(s: Status) -> RuleStatusWords {
    match s {
        Status::Met => RuleStatusWords {
            class: "met",
            words: "Met",
        },
        Status::Unmet => RuleStatusWords {
            class: "unmet",
            words: "Not met",
        },
        Status::NotJudged => RuleStatusWords {
            class: "not-judged",
            words: "Needs evidence outside the plan",
        },
        Status::Undecided => RuleStatusWords {
            class: "undecided",
            words: "Cannot be judged",
        },
    }
}

/// The label of the reading in force, where the rule has more than one.
pub fn reading_label(r: &RuleResult) -> Option<&str> {
    let id = r.reading.as_ref()?;
    r.meta
        .readings
        .iter()
        .find(|(rid, _)| rid == id)
        .map(|(_, l)| l.as_str())
}

/// One rule's verdict as a sentence, for walking through rules one at a time.
pub fn rule_sentence(r: &RuleResult) -> String {
    match r.status {
        Status::Met => "This rule is met.".to_string(),
        Status::Unmet => format!(
            "This rule is not met: {}.",
            r.shortfall.as_deref().unwrap_or_default()
        ),
        Status::NotJudged => {
            "The plan cannot show this: it needs evidence from the workplace.".to_string()
        }
        Status::Undecided => format!(
            "This rule cannot be judged from the document: {}.",
            r.shortfall
                .as_deref()
                .unwrap_or_default()
                .trim_start_matches("cannot be judged: ")
        ),
    }
}

/// What is still missing: each unmet rule's label and shortfall, the rules the plan has too much
/// for first (a unit to take out, which adding cannot mend), then the rest in the rules' order.
pub fn missing(check: &Check) -> Vec<(String, String)> {
    let e = &check.evaluation;
    let rest = (0..e.rules.len()).filter(|i| !e.too_many.contains(i));
    e.too_many
        .iter()
        .copied()
        .chain(rest)
        .map(|i| &e.rules[i])
        .filter(|r| matches!(r.status, Status::Unmet | Status::Undecided))
        .map(|r| {
            (
                r.meta.label.clone(),
                r.shortfall.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The first thing missing, for a bar at the edge of a small screen: "Next: 4 more credits from
/// Entry 3 units 001-010". Its shortfall alone, which names what it counts from, so two lines
/// hold it on a phone; the plan lists each rule's label with it.
pub fn next_step(missing: &[(String, String)]) -> Option<String> {
    missing
        .first()
        .map(|(_, shortfall)| format!("Next: {shortfall}"))
}

/// The verdict in a few words, for a bar at the edge of a small screen: "2 rules not met",
/// "Meets every rule", "Rules not published".
pub fn verdict_short(check: Option<&Check>) -> String {
    match judgement(check) {
        Judgement::NoQualification => "No qualification chosen".into(),
        Judgement::NoRules => "Rules not published".into(),
        Judgement::Meets => "Meets every rule".into(),
        Judgement::MeetsWithEvidence { open } => {
            format!(
                "Meets every rule shown; {} evidence",
                counted(open, "needs", "need")
            )
        }
        Judgement::NothingPlanned { .. } => "No units planned yet".into(),
        Judgement::NotYet { unmet, .. } => counted(unmet, "rule not met", "rules not met"),
        Judgement::CannotJudge { .. } => "Cannot be judged".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;
    use crate::plan::check_codes;
    use crate::rules::Readings;

    #[test]
    fn an_empty_plan_is_a_start_not_a_failure_and_one_unit_in_is_judged() {
        let c = embedded();
        // 4 rules to meet and 10 barred pairs, each met while neither unit is planned.
        let empty = check_codes(c, "cg-4411-30", &[], &Readings::new()).unwrap();
        let v = verdict(Some(&empty));
        assert_eq!(v.tone, Tone::Start);
        assert_eq!(empty.evaluation.rules.len(), 14);
        assert_eq!(
            v.words,
            "No units planned yet: 4 rules of combination to meet, and 10 barred combinations to avoid."
        );
        let edi = check_codes(c, "edi-l2-nvq-customer-service", &[], &Readings::new()).unwrap();
        assert_eq!(
            verdict(Some(&edi)).words,
            "No units planned yet: 5 rules of combination to meet."
        );
        assert_eq!(verdict_short(Some(&empty)), "No units planned yet");
        let one = check_codes(c, "cg-4411-30", &["002".to_string()], &Readings::new()).unwrap();
        let v = verdict(Some(&one));
        assert_eq!(v.tone, Tone::Unmet);
        assert!(v.words.starts_with("Not yet: "), "{}", v.words);
        assert!(verdict_short(Some(&one)).ends_with("rules not met"));
    }
}
