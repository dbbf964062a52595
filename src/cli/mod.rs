//! The `qualplan` command line: the same engine as the app, for many plans at once.
//! Parsing and printing only; every answer comes from the core.

mod args;
mod json;
mod text;

use crate::catalogue::{embedded, Catalogue};
use crate::plan::{check_codes, complete, progress, CompletionResult};
use crate::present::ALTERNATIVES;
use args::{Command, Format};
use std::io::Write;

pub use args::{parse, ArgsError};

/// Exit status: 0 success (or compliant), 1 a plan that does not meet its rules, 2 bad input, 3
/// a plan that meets every rule it can show while rules needing outside evidence remain, 4 a plan
/// the document's figures cannot judge (a rule counts a figure a planned unit does not publish).
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
            readings,
        } => match check_codes(catalogue, qualification, units, readings) {
            Ok(check) => {
                if !check.unknown_readings.is_empty() {
                    Err(format!(
                            "unknown reading {}: see `qualplan units {qualification}` and the rules' readings",
                            check.unknown_readings.join(", ")
                        ))
                } else {
                    for d in &check.duplicates {
                        let _ = writeln!(
                            err,
                            "qualplan: unit {d} is listed more than once; counted once"
                        );
                    }
                    if json {
                        json::print(out, &json::check(catalogue, &check));
                    } else {
                        text::check(out, catalogue, &check);
                    }
                    Ok(match crate::present::judgement(Some(&check)) {
                        crate::present::Judgement::Meets => 0,
                        crate::present::Judgement::MeetsWithEvidence { .. } => 3,
                        crate::present::Judgement::CannotJudge { .. } => 4,
                        _ => 1,
                    })
                }
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Progress { units } => match catalogue.find_units_anywhere(units) {
            Ok(found) => {
                for u in &found.repeated {
                    let _ = writeln!(
                        err,
                        "qualplan: unit {u} is listed more than once; counted once"
                    );
                }
                let all = progress(catalogue, &found.units);
                if json {
                    json::print(out, &json::progress(catalogue, &found.units, &all));
                } else {
                    text::progress(out, catalogue, &all);
                }
                Ok(0)
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Complete {
            qualification,
            units,
            readings,
            minimise,
        } => match check_codes(catalogue, qualification, units, readings) {
            Ok(check) if !check.unknown_readings.is_empty() => Err(format!(
                "unknown reading {}",
                check.unknown_readings.join(", ")
            )),
            Ok(check) => {
                let result = complete(
                    catalogue,
                    check.qualification,
                    &check.planned,
                    readings,
                    *minimise,
                    ALTERNATIVES,
                );
                if json {
                    json::print(out, &json::completion(catalogue, &check, &result));
                } else {
                    text::completion(out, catalogue, &check, &result, *minimise);
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
