//! The `qualplan` command line: the same engine as the app, for many plans at once.
//! Parsing and printing only; every answer comes from the core.

mod args;
mod json;
mod text;

use crate::catalogue::{embedded, Catalogue};
use crate::plan::{
    check_record_codes, record_progress, what_is_left, Achievement, CompletionResult, LeftFrom,
    Record, UnitStatus,
};
use crate::present::{repeated_words, ALTERNATIVES};
use args::{Command, Format};
use std::io::Write;

pub use args::{parse, ArgsError};

/// Exit status: 0 success (or compliant), 1 a plan that does not meet its rules, 2 bad input, 3
/// a plan that meets every rule it can show while rules needing outside evidence remain, 4 a plan
/// the document's figures cannot judge (a rule counts a figure a planned unit does not publish).
fn unknown_readings(qualification: &str, readings: &[String]) -> String {
    format!(
        "unknown reading {}: see `qualplan units {qualification}` and the rules' readings",
        readings.join(", ")
    )
}

impl args::Held {
    /// The plan the command line was given, with the units the learner holds, checked.
    fn check(
        &self,
        catalogue: &Catalogue,
        qualification: &str,
        units: &[String],
        readings: &crate::rules::Readings,
    ) -> Result<crate::plan::RecordCheck, crate::catalogue::LookupError> {
        check_record_codes(
            catalogue,
            qualification,
            units,
            &self.in_progress,
            &self.achieved,
            readings,
        )
    }
}

pub fn run(argv: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let invocation = match args::parse(argv) {
        Ok(i) => i,
        Err(ArgsError::Help) => {
            let _ = write!(out, "{}", args::USAGE);
            return 0;
        }
        Err(e) => {
            let _ = writeln!(err, "qualplan: {e}\n\n{}", args::USAGE);
            return 2;
        }
    };
    let mut loaded: Option<Catalogue> = None;
    for path in &invocation.catalogues {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "qualplan: cannot read catalogue file {path}: {e}");
                return 2;
            }
        };
        match crate::plan::published::with_checked_document(
            loaded.as_ref().unwrap_or_else(|| embedded()),
            path,
            &text,
        ) {
            Ok(added) => {
                for w in &added.warnings {
                    let _ = writeln!(err, "qualplan: warning: {w}");
                }
                loaded = Some(added.catalogue);
            }
            Err(e) => {
                let _ = writeln!(err, "qualplan: catalogue file {path} is not valid:\n{e}");
                return 2;
            }
        }
    }
    let catalogue: &Catalogue = loaded.as_ref().unwrap_or_else(|| embedded());
    let json = invocation.format == Format::Json;
    let result: Result<i32, String> = match &invocation.command {
        Command::Qualifications => {
            if json {
                json::print(out, &json::qualifications(catalogue));
            } else {
                text::qualifications(out, catalogue);
            }
            Ok(0)
        }
        Command::Units { qualification } => match catalogue.find_qualification(qualification) {
            Ok(q) => {
                if json {
                    json::print(out, &json::units(catalogue, q));
                } else {
                    text::units(out, catalogue, q);
                }
                Ok(0)
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Check {
            qualification,
            units,
            held,
            readings,
        } => match held.check(catalogue, qualification, units, readings) {
            Ok(rc) => {
                if !rc.whole.unknown_readings.is_empty() {
                    Err(unknown_readings(qualification, &rc.whole.unknown_readings))
                } else {
                    for d in &rc.whole.duplicates {
                        let _ = writeln!(err, "qualplan: {}", repeated_words(d));
                    }
                    if json {
                        json::print(out, &json::check(catalogue, &rc));
                    } else {
                        text::check(out, catalogue, &rc);
                    }
                    Ok(match crate::present::judgement(Some(&rc.whole)) {
                        crate::present::Judgement::Meets => 0,
                        crate::present::Judgement::MeetsWithEvidence { .. } => 3,
                        crate::present::Judgement::CannotJudge { .. } => 4,
                        _ => 1,
                    })
                }
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Progress { units, held } => {
            let lists = [
                (UnitStatus::Planned, units),
                (UnitStatus::InProgress, &held.in_progress),
                (UnitStatus::Achieved, &held.achieved),
            ];
            let mut record = Record::new();
            let mut failed = None;
            for (status, codes) in lists {
                match catalogue.find_units_anywhere(codes) {
                    Ok(found) => {
                        for u in &found.repeated {
                            let _ = writeln!(err, "qualplan: {}", repeated_words(u));
                        }
                        for u in found.units {
                            match status {
                                UnitStatus::Planned => record.plan(u),
                                UnitStatus::InProgress => record.start(u, None),
                                UnitStatus::Achieved => {
                                    record.achieve(u, None, Achievement::default())
                                }
                            }
                        }
                    }
                    Err(e) => {
                        failed = Some(e.to_string());
                        break;
                    }
                }
            }
            match failed {
                Some(e) => Err(e),
                None => {
                    let all = record_progress(catalogue, &record);
                    if json {
                        json::print(out, &json::progress(catalogue, &record, &all));
                    } else {
                        text::progress(out, catalogue, &record, &all);
                    }
                    Ok(0)
                }
            }
        }
        Command::Complete {
            qualification,
            units,
            held,
            readings,
            minimise,
        } => match held.check(catalogue, qualification, units, readings) {
            Ok(rc) if !rc.whole.unknown_readings.is_empty() => {
                Err(unknown_readings(qualification, &rc.whole.unknown_readings))
            }
            Ok(rc) => {
                let result = what_is_left(
                    catalogue,
                    rc.whole.qualification,
                    &rc.record,
                    LeftFrom::Plan,
                    readings,
                    *minimise,
                    ALTERNATIVES,
                );
                if json {
                    json::print(out, &json::completion(catalogue, &rc, &result));
                } else {
                    text::completion(out, catalogue, &rc, &result, *minimise);
                }
                Ok(match result {
                    CompletionResult::AlreadyComplete | CompletionResult::Found { .. } => 0,
                    CompletionResult::Impossible { .. }
                    | CompletionResult::NotFound { .. }
                    | CompletionResult::NoRules => 1,
                })
            }
            Err(e) => Err(e.to_string()),
        },
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "qualplan: {message}");
            2
        }
    }
}
