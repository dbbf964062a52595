//! Command-line arguments.

use crate::plan::Minimise;
use crate::rules::Readings;
use std::fmt;

pub const USAGE: &str = "\
usage:
  qualplan qualifications [--json]
  qualplan units <QUALIFICATION> [--json]
  qualplan check <QUALIFICATION> <UNIT>... [--achieved <CODE>...] [--in-progress <CODE>...] [--reading <RULE>=<READING>]... [--json]
  qualplan progress <UNIT>... [--achieved <CODE>...] [--in-progress <CODE>...] [--json]
  qualplan complete <QUALIFICATION> [<UNIT>...] [--achieved <CODE>...] [--in-progress <CODE>...] [--minimise credits|glh] [--reading <RULE>=<READING>]... [--json]

options:
  --json                  machine-readable output
  --achieved CODE...      units the learner has achieved (every code up to the next option);
                          for check and complete a code or UAN from any document, counted as
                          the unit of the qualification the catalogue links it to
  --in-progress CODE...   units the learner is working on, named as for --achieved
  --reading RULE=READING  read a rule the other way the catalogue records
  --minimise WHAT         complete: the cheapest by credits (default) or glh
  --catalogue FILE        add a qualification from a catalogue file (data/SCHEMA.md)
  -h, --help              this text

QUALIFICATION: an id, a regulator number (600/5469/4), an awarding-body number (4411-30) or an
unambiguous part of the title. UNIT: the code its document prints (CU791, 301, 001, F/601/1609) or
its unit accreditation number; for progress, DOCUMENT:CODE (003:110) where a code is printed in
more than one document. Achieved and in-progress units are part of the plan: check judges the
whole plan and says what the achieved units meet alone; complete adds to every unit given.
Exit status: 0 compliant (complete: a completion exists), 1 not compliant
(complete: none exists), 2 bad input, 3 check: every rule a plan can show is met but some
need evidence from outside the plan (practice, observation), 4 check: cannot be judged (a rule
counts a figure a planned unit does not publish).
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Qualifications,
    Units {
        qualification: String,
    },
    Check {
        qualification: String,
        units: Vec<String>,
        held: Held,
        readings: Readings,
    },
    Progress {
        units: Vec<String>,
        held: Held,
    },
    Complete {
        qualification: String,
        units: Vec<String>,
        held: Held,
        readings: Readings,
        minimise: Minimise,
    },
}

/// Units named with `--achieved` and `--in-progress`, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    pub achieved: Vec<String>,
    pub in_progress: Vec<String>,
}

impl Held {
    pub fn is_empty(&self) -> bool {
        self.achieved.is_empty() && self.in_progress.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Invocation {
    pub command: Command,
    pub format: Format,
    pub catalogues: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgsError {
    Help,
    Message(String),
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::Help => write!(f, "help requested"),
            ArgsError::Message(m) => write!(f, "{m}"),
        }
    }
}

fn bad(m: impl Into<String>) -> ArgsError {
    ArgsError::Message(m.into())
}

/// Parses the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Invocation, ArgsError> {
    let mut format = Format::Text;
    let mut catalogues = Vec::new();
    let mut readings = Readings::new();
    let mut positional = Vec::new();
    let mut minimise: Option<Minimise> = None;
    let mut held = Held::default();
    let mut it = argv.iter().peekable();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" | "help" => return Err(ArgsError::Help),
            "--achieved" | "--in-progress" => {
                let list = if a == "--achieved" {
                    &mut held.achieved
                } else {
                    &mut held.in_progress
                };
                let before = list.len();
                while let Some(code) = it.next_if(|n| !n.starts_with('-')) {
                    list.push(code.clone());
                }
                if list.len() == before {
                    return Err(bad(format!("{a} needs at least one CODE")));
                }
            }
            s if s.starts_with("--achieved=") => {
                held.achieved.push(s["--achieved=".len()..].to_string())
            }
            s if s.starts_with("--in-progress=") => held
                .in_progress
                .push(s["--in-progress=".len()..].to_string()),
            "--json" => format = Format::Json,
            "--catalogue" => catalogues.push(
                it.next()
                    .ok_or_else(|| bad("--catalogue needs a file"))?
                    .clone(),
            ),
            "--reading" => {
                let v = it
                    .next()
                    .ok_or_else(|| bad("--reading needs RULE=READING"))?;
                add_reading(&mut readings, v)?;
            }
            "--minimise" | "--minimize" => {
                minimise = Some(match it.next().map(String::as_str) {
                    Some("credits") => Minimise::Credits,
                    Some("glh") => Minimise::Glh,
                    other => {
                        return Err(bad(format!(
                            "--minimise {}: expected credits or glh",
                            other.unwrap_or("(nothing)")
                        )))
                    }
                })
            }
            s if s.starts_with("--reading=") => {
                add_reading(&mut readings, &s["--reading=".len()..])?
            }
            s if s.starts_with("--catalogue=") => {
                catalogues.push(s["--catalogue=".len()..].to_string())
            }
            s if s.starts_with("--") => return Err(bad(format!("unknown option {s}"))),
            _ => positional.push(a.clone()),
        }
    }
    let mut pos = positional.into_iter();
    let command = match pos.next().as_deref() {
        None => return Err(bad("no command given")),
        Some("qualifications") => {
            if let Some(extra) = pos.next() {
                return Err(bad(format!(
                    "qualifications takes no argument, got {extra:?}"
                )));
            }
            Command::Qualifications
        }
        Some("units") => {
            let qualification = pos
                .next()
                .ok_or_else(|| bad("units needs a QUALIFICATION"))?;
            if let Some(extra) = pos.next() {
                return Err(bad(format!(
                    "units takes one QUALIFICATION, got also {extra:?}"
                )));
            }
            Command::Units { qualification }
        }
        Some("check") => {
            let qualification = pos
                .next()
                .ok_or_else(|| bad("check needs a QUALIFICATION"))?;
            Command::Check {
                qualification,
                units: pos.collect(),
                held: held.clone(),
                readings: readings.clone(),
            }
        }
        Some("progress") => {
            let units: Vec<String> = pos.collect();
            if units.is_empty() && held.is_empty() {
                return Err(bad("progress needs at least one UNIT"));
            }
            Command::Progress {
                units,
                held: held.clone(),
            }
        }
        Some("complete") => {
            let qualification = pos.next().ok_or_else(|| bad("complete needs a QUALIFICATION"))?;
            Command::Complete {
                qualification,
                units: pos.collect(),
                held: held.clone(),
                readings: readings.clone(),
                minimise: minimise.unwrap_or(Minimise::Credits),
            }
        }
        Some(other) => {
            return Err(bad(format!(
                "unknown command {other:?}: expected qualifications, units, check, progress or complete"
            )))
        }
    };
    if !held.is_empty()
        && !matches!(
            command,
            Command::Check { .. } | Command::Complete { .. } | Command::Progress { .. }
        )
    {
        return Err(bad(
            "--achieved and --in-progress apply to check, complete and progress only",
        ));
    }
    if minimise.is_some() && !matches!(command, Command::Complete { .. }) {
        return Err(bad("--minimise applies to complete only"));
    }
    if !readings.is_empty() && !matches!(command, Command::Check { .. } | Command::Complete { .. })
    {
        return Err(bad("--reading applies to check and complete only"));
    }
    Ok(Invocation {
        command,
        format,
        catalogues,
    })
}

fn add_reading(readings: &mut Readings, v: &str) -> Result<(), ArgsError> {
    match v.split_once('=') {
        Some((rule, reading)) if !rule.is_empty() && !reading.is_empty() => {
            readings.insert(rule.to_string(), reading.to_string());
            Ok(())
        }
        _ => Err(bad(format!("--reading {v:?}: expected RULE=READING"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_each_command() {
        let i = parse(&argv("check 4411-30 002 001 --reading r1=inclusive --json")).unwrap();
        assert_eq!(i.format, Format::Json);
        match i.command {
            Command::Check {
                qualification,
                units,
                readings,
                held,
            } => {
                assert_eq!(held, Held::default());
                assert_eq!(qualification, "4411-30");
                assert_eq!(units, vec!["002", "001"]);
                assert_eq!(readings.get("r1").map(String::as_str), Some("inclusive"));
            }
            other => panic!("parsed as {other:?}"),
        }
        assert_eq!(
            parse(&argv("qualifications")).unwrap().command,
            Command::Qualifications
        );
    }

    #[test]
    fn achieved_takes_every_code_up_to_the_next_option() {
        let i = parse(&argv(
            "check q 001 --achieved CU792 L/601/1614 --json --in-progress 003 --achieved=004",
        ))
        .unwrap();
        assert_eq!(i.format, Format::Json);
        match i.command {
            Command::Check { units, held, .. } => {
                assert_eq!(units, vec!["001"]);
                assert_eq!(held.achieved, vec!["CU792", "L/601/1614", "004"]);
                assert_eq!(held.in_progress, vec!["003"]);
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(matches!(
            parse(&argv("progress --achieved CU792")).unwrap().command,
            Command::Progress { units, held } if units.is_empty() && held.achieved == ["CU792"]
        ));
        assert!(
            matches!(parse(&argv("check q --achieved --json")), Err(ArgsError::Message(m)) if m.contains("--achieved needs"))
        );
        assert!(
            matches!(parse(&argv("units q --achieved 001")), Err(ArgsError::Message(m)) if m.contains("apply to check"))
        );
    }

    #[test]
    fn rejects_bad_arguments_with_a_reason() {
        assert!(matches!(parse(&argv("")), Err(ArgsError::Message(m)) if m.contains("no command")));
        assert!(
            matches!(parse(&argv("frobnicate")), Err(ArgsError::Message(m)) if m.contains("frobnicate"))
        );
        assert!(
            matches!(parse(&argv("units")), Err(ArgsError::Message(m)) if m.contains("QUALIFICATION"))
        );
        assert!(
            matches!(parse(&argv("check q --reading nonsense")), Err(ArgsError::Message(m)) if m.contains("RULE=READING"))
        );
        assert!(
            matches!(parse(&argv("units q --jsn")), Err(ArgsError::Message(m)) if m.contains("--jsn"))
        );
        assert_eq!(parse(&argv("--help")), Err(ArgsError::Help));
    }
}
