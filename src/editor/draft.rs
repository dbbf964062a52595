//! A qualification being made in the editor: a catalogue data file (see `data/SCHEMA.md`) built
//! up field by field, so what the editor exports is exactly what the file loader and the command
//! line's `--catalogue` read, and it is checked by the same checks.

use super::template::{add_reading, add_rule, ReadingWords, Template, TemplateError};
use crate::catalogue::{
    Catalogue, Document, DocumentFile, Group, Level, Qualification, Size, Unit,
};
use serde::{Deserialize, Serialize};

/// Where every record of a draft says it is printed, until the person says otherwise.
pub const DEFAULT_SOURCE: &str = "Entered in the qualification editor";

/// A document with the qualification being edited (the first of the file's qualifications; any
/// others in an imported file are kept as they are).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Draft {
    pub file: DocumentFile,
}

/// The first of `own-1`, `own-2`, ... that `taken` does not hold.
fn fresh_id(taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|i| format!("own-{i}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// Why a unit typed into the editor's form cannot be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    NoCodeOrTitle,
    NoLevel,
    Credit(FigureError),
    Glh(FigureError),
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryError::NoCodeOrTitle => write!(f, "Give the unit's code and title."),
            EntryError::NoLevel => write!(f, "Choose the unit's level."),
            EntryError::Credit(e) => write!(f, "Credit: {e}"),
            EntryError::Glh(e) => write!(f, "GLH: {e}"),
        }
    }
}

/// A unit from the fields a person typed: code, title, level (as printed), credit and GLH
/// (empty for not published). A code in the form of a unit accreditation number is its UAN too.
pub fn unit_entry(
    code: &str,
    title: &str,
    level: &str,
    credit: &str,
    glh: &str,
) -> Result<UnitEntry, EntryError> {
    let (code, title) = (code.trim(), title.trim());
    if code.is_empty() || title.is_empty() {
        return Err(EntryError::NoCodeOrTitle);
    }
    Ok(UnitEntry {
        code: code.to_string(),
        uan: uan_of(code),
        title: title.to_string(),
        level: Level::parse(level).ok_or(EntryError::NoLevel)?,
        credit: parse_figure(credit).map_err(EntryError::Credit)?,
        glh: parse_figure(glh).map_err(EntryError::Glh)?,
    })
}

/// A number typed into a field that is not a whole number of 0 or more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureError {
    pub typed: String,
}

impl std::fmt::Display for FigureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\u{201c}{}\u{201d} is not a whole number: type digits only, or leave it empty if the document prints none.",
            crate::limits::shortened(&self.typed)
        )
    }
}

/// Reads a figure a person typed: empty is "not published" (`None`), never 0.
pub fn parse_figure(text: &str) -> Result<Option<u32>, FigureError> {
    let t: String = text.trim().chars().filter(|c| *c != ',').collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u32>().map(Some).map_err(|_| FigureError {
        typed: text.trim().to_string(),
    })
}

/// A unit as the person gives it (pasted or typed), before it joins the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitEntry {
    pub code: String,
    pub uan: Option<String>,
    pub title: String,
    pub level: Level,
    pub credit: Option<u32>,
    pub glh: Option<u32>,
}

/// Where a problem is, so the editor can show it beside the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The qualification's details (title, numbers, figures).
    Details,
    Unit(String),
    Group(String),
    Rule(String),
    /// The rules as a whole (none yet).
    Rules,
    /// The file as a whole.
    File,
    /// The units in no group, together.
    NoGroup,
    /// The groups as a whole (none yet).
    Groups,
}

/// A problem the editor shows: an error stops the qualification being used; a warning does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub words: String,
    pub warning: bool,
    /// Whether the summary lists it: a note on each of many units is shown beside each unit,
    /// and the summary gives one line for them all.
    pub summary: bool,
}

impl Draft {
    /// A new, empty qualification whose ids `taken` does not hold (`own-1`, `own-2`, ...).
    pub fn new(taken: impl Fn(&str) -> bool) -> Draft {
        let id = fresh_id(taken);
        Draft {
            file: DocumentFile {
                schema: 1,
                document: Document {
                    id: id.clone(),
                    title: "Qualification made in the editor".into(),
                    awarding_body: String::new(),
                    edition: None,
                },
                decisions: Vec::new(),
                units: Vec::new(),
                qualifications: vec![Qualification {
                    id,
                    title: String::new(),
                    awarding_body: String::new(),
                    awarding_body_number: None,
                    regulator_number: None,
                    level: Level::Numbered(2),
                    size: Size::Certificate,
                    glh: None,
                    glh_range: None,
                    tqt: None,
                    min_credits: None,
                    source: DEFAULT_SOURCE.into(),
                    groups: Vec::new(),
                    rules_published: false,
                    rules_note: Some(NO_RULES.into()),
                    rules: Vec::new(),
                    decisions: Vec::new(),
                }],
            },
        }
    }

    pub fn id(&self) -> &str {
        &self.file.document.id
    }

    /// Gives the draft (its document and the qualification edited) an id `taken` does not
    /// hold, where its own is taken: a file opened for editing sits beside the loaded one.
    pub fn take_free_id(&mut self, taken: impl Fn(&str) -> bool) {
        if taken(self.id()) {
            let id = fresh_id(taken);
            self.file.document.id.clone_from(&id);
            self.qualification_mut().id = id;
        }
    }

    /// A copy under an id of its own, titled as a copy.
    pub fn duplicate(&self, taken: impl Fn(&str) -> bool) -> Draft {
        let mut copy = self.clone();
        let id = fresh_id(taken);
        copy.file.document.id.clone_from(&id);
        copy.qualification_mut().id = id;
        copy.qualification_mut().title = format!("{} (copy)", self.qualification().title);
        copy
    }

    pub fn qualification(&self) -> &Qualification {
        &self.file.qualifications[0]
    }

    pub fn qualification_mut(&mut self) -> &mut Qualification {
        &mut self.file.qualifications[0]
    }

    /// Sets the awarding body of the qualification and of its document together.
    /// The awarding body of the document and of its qualification, as typed (the editor trims
    /// it when the field is left, so a space typed before the next word stays).
    pub fn set_awarding_body(&mut self, name: &str) {
        name.clone_into(&mut self.file.document.awarding_body);
        name.clone_into(&mut self.qualification_mut().awarding_body);
    }

    /// The name a person knows the draft by.
    pub fn name(&self) -> String {
        let title = self.qualification().title.trim();
        if title.is_empty() {
            "Untitled qualification".into()
        } else {
            title.to_string()
        }
    }

    /// Each unit's code and "code title", for choosing units in a list.
    pub fn unit_choices(&self) -> Vec<(String, String)> {
        self.file
            .units
            .iter()
            .map(|u| (u.code.clone(), format!("{} {}", u.code, u.title)))
            .collect()
    }

    /// Adds units, or corrects the ones already there with the same code (a table pasted again
    /// after a fix). Returns how many were new and how many corrected.
    pub fn add_units(&mut self, entries: Vec<UnitEntry>) -> (usize, usize) {
        let (mut added, mut corrected) = (0, 0);
        for e in entries {
            let code = e.code.trim().to_string();
            if let Some(u) = self.file.units.iter_mut().find(|u| u.code == code) {
                u.uan = e.uan;
                u.title = e.title.trim().to_string();
                u.level = e.level;
                u.credit = e.credit;
                u.glh = e.glh;
                corrected += 1;
            } else {
                self.file.units.push(Unit {
                    code,
                    other_codes: Vec::new(),
                    uan: e.uan,
                    title: e.title.trim().to_string(),
                    level: e.level,
                    credit: e.credit,
                    glh: e.glh,
                    learning_outcomes: None,
                    assessment_criteria: None,
                    source: DEFAULT_SOURCE.into(),
                    decisions: Vec::new(),
                });
                added += 1;
            }
        }
        (added, corrected)
    }

    /// Removes a unit and takes it out of every group; rules that still name it are shown as
    /// problems for the person to mend, not changed behind their back.
    pub fn remove_unit(&mut self, code: &str) -> Option<Unit> {
        let at = self.file.units.iter().position(|u| u.code == code)?;
        for g in &mut self.file.qualifications[0].groups {
            g.units.retain(|u| u != code);
        }
        Some(self.file.units.remove(at))
    }

    /// Adds a group named `name` and returns its id (`g1`, `g2`, ...).
    pub fn add_group(&mut self, name: &str) -> String {
        let q = self.qualification_mut();
        let id = (1..)
            .map(|i| format!("g{i}"))
            .find(|id| !q.groups.iter().any(|g| &g.id == id))
            .expect("some number is free");
        q.groups.push(Group {
            id: id.clone(),
            name: name.trim().to_string(),
            units: Vec::new(),
        });
        id
    }

    pub fn remove_group(&mut self, id: &str) -> Option<Group> {
        let q = self.qualification_mut();
        let at = q.groups.iter().position(|g| g.id == id)?;
        Some(q.groups.remove(at))
    }

    /// Puts a unit in a group or takes it out.
    pub fn set_in_group(&mut self, code: &str, group: &str, member: bool) {
        if let Some(g) = self
            .qualification_mut()
            .groups
            .iter_mut()
            .find(|g| g.id == group)
        {
            let has = g.units.iter().any(|u| u == code);
            if member && !has {
                g.units.push(code.to_string());
            } else if !member && has {
                g.units.retain(|u| u != code);
            }
        }
    }

    /// A unit dragged from one group (or from none) to another (or to none): taken out of the
    /// group it came from and put in the one it was dropped on. A unit the document lists in two
    /// groups stays in the others.
    pub fn move_between_groups(&mut self, code: &str, from: Option<&str>, to: Option<&str>) {
        if from == to || !self.file.units.iter().any(|u| u.code == code) {
            return;
        }
        if let Some(f) = from {
            self.set_in_group(code, f, false);
        }
        if let Some(t) = to {
            self.set_in_group(code, t, true);
        }
    }

    /// The codes of the units in no group, in the order the units are listed.
    pub fn units_in_no_group(&self) -> Vec<String> {
        let q = self.qualification();
        self.file
            .units
            .iter()
            .filter(|u| !q.groups.iter().any(|g| g.units.contains(&u.code)))
            .map(|u| u.code.clone())
            .collect()
    }

    /// Makes a rule from a template and adds it (see `template::add_rule`).
    pub fn add_rule(
        &mut self,
        template: &Template,
        label: &str,
        text: &str,
        source: &str,
    ) -> Result<String, TemplateError> {
        let groups = self.qualification().groups.clone();
        let source = if source.trim().is_empty() {
            DEFAULT_SOURCE
        } else {
            source
        };
        let q = self.qualification_mut();
        let id = add_rule(&mut q.rules, template, label, text, source, &groups)?;
        self.rules_changed();
        Ok(id)
    }

    /// Adds another reading of rule `target` (see `template::add_reading`).
    pub fn add_reading(
        &mut self,
        target: &str,
        template: &Template,
        words: ReadingWords,
    ) -> Result<String, TemplateError> {
        let groups = self.qualification().groups.clone();
        let q = self.qualification_mut();
        add_reading(&mut q.rules, target, template, words, &groups)
    }

    pub fn remove_rule(&mut self, id: &str) {
        self.qualification_mut().rules.retain(|r| r.id != id);
        self.rules_changed();
    }

    /// A qualification with no rules yet says so, rather than claiming rules it does not have.
    fn rules_changed(&mut self) {
        let q = self.qualification_mut();
        q.rules_published = !q.rules.is_empty();
        q.rules_note = (!q.rules_published).then(|| NO_RULES.to_string());
    }

    /// The data file, laid out for a person to read.
    pub fn export(&self) -> String {
        serde_json::to_string_pretty(&self.file).expect("a data file always serialises")
    }

    /// The file name an export is offered under.
    pub fn file_name(&self) -> String {
        let slug: String = self
            .name()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let slug = slug
            .split('-')
            .filter(|s| !s.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("-");
        format!("{}.json", if slug.is_empty() { self.id() } else { &slug })
    }

    /// Problems to mend before the qualification can be used: the editor's own checks in plain
    /// words first, then every error the file loader finds against `base` (the catalogue the
    /// qualification would join, without any earlier version of this draft).
    pub fn problems(&self, base: &Catalogue) -> Vec<Problem> {
        self.build(base).0
    }

    /// The problems (as `problems`), and the catalogue with this qualification in it when
    /// nothing but warnings stands in the way, so a plan can be tried against it as it is edited.
    pub fn build(&self, base: &Catalogue) -> (Vec<Problem>, Option<Catalogue>) {
        let mut out = Vec::new();
        let q = self.qualification();
        let mut say = |place: Place, words: &str, warning: bool| {
            out.push(Problem {
                place,
                words: words.to_string(),
                warning,
                summary: true,
            })
        };
        if q.title.trim().is_empty() {
            say(Place::Details, "Give the qualification's title.", false);
        }
        if q.awarding_body.trim().is_empty() {
            say(
                Place::Details,
                "Give the awarding body, as the document names it.",
                false,
            );
        }
        if self.file.units.is_empty() {
            say(
                Place::File,
                "Add the qualification's units: paste its unit table, or add them one by one.",
                false,
            );
        } else if q.groups.is_empty() {
            say(
                Place::Groups,
                "Make at least one group and put units in it: a plan can only use units in a group.",
                false,
            );
        }
        if !self.file.units.is_empty() && q.rules.is_empty() {
            say(
                Place::Rules,
                "No rules of combination yet: the planner can list the units but cannot judge a plan.",
                true,
            );
        }
        for g in q.groups.iter().filter(|g| g.units.is_empty()) {
            say(
                Place::Group(g.id.clone()),
                &format!(
                    "Group \u{201c}{}\u{201d} has no units: drag units into it, tick them in the unit table, or remove the group.",
                    crate::limits::shortened(&g.name)
                ),
                false,
            );
        }
        for w in crate::catalogue::file_warnings(&self.file) {
            if let crate::catalogue::FileWarning::SameUan { second, .. } = &w {
                say(Place::Unit(second.clone()), &w.to_string(), true);
            }
        }
        // A note beside each unit in no group; where there are several, one line in the
        // summary for them all.
        let loose = self.units_in_no_group();
        let each_in_summary = loose.len() <= 1;
        out.extend(loose.iter().map(|code| Problem {
            place: Place::Unit(code.clone()),
            words: format!(
                "Unit {} is in no group, so no plan can use it.",
                crate::limits::shortened(code)
            ),
            warning: true,
            summary: each_in_summary,
        }));
        if !each_in_summary {
            out.push(Problem {
                place: Place::NoGroup,
                words: format!(
                    "{} units are in no group, so no plan can use them: drag them from \u{201c}In no group\u{201d} into a group, or tick their groups in the unit table.",
                    loose.len()
                ),
                warning: true,
                summary: true,
            });
        }
        // An empty group is said above by its name; the loader's other checks still run, so
        // every problem is seen at once.
        let empty_group = |p: &Problem| !p.warning && matches!(p.place, Place::Group(_));
        if out.iter().any(|p| !p.warning && !empty_group(p)) {
            return (out, None);
        }
        let said_empty = out.iter().any(empty_group);
        match base.with_document(&self.file_name(), &self.export()) {
            Ok(c) => {
                let below = crate::plan::published::check_added(base, &c);
                if below.is_empty() {
                    return (out, (!said_empty).then_some(c));
                }
                out.extend(below.into_iter().map(|b| Problem {
                    place: Place::Rules,
                    words: b.to_string(),
                    warning: false,
                    summary: true,
                }));
                (out, None)
            }
            Err(errors) => {
                let mut errors = errors.0;
                // Empty groups and units in no group are said above, in words of the editor's
                // own, once each (not once for every rule naming the unit).
                errors.retain(|e| {
                    !matches!(
                        e.problem,
                        crate::catalogue::Problem::GroupEmpty(_)
                            | crate::catalogue::Problem::UnitInNoGroup(_)
                    )
                });
                // The file is the draft itself: its record and the problem are what to read.
                out.extend(errors.into_iter().map(|e| Problem {
                    place: place_of(&e.record),
                    words: if e.record.is_empty() {
                        e.problem.to_string()
                    } else {
                        format!("{}: {}", e.record, e.problem)
                    },
                    warning: false,
                    summary: true,
                }));
                (out, None)
            }
        }
    }
}

/// Where a loader error's record is: "unit X", "qualification Q, group G", "..., rule R".
fn place_of(record: &str) -> Place {
    if let Some(code) = record.strip_prefix("unit ") {
        return Place::Unit(code.to_string());
    }
    if let Some((_, rest)) = record.split_once(", rule ") {
        let id = rest.split([',', ' ']).next().unwrap_or(rest);
        return Place::Rule(id.to_string());
    }
    if let Some((_, rest)) = record.split_once(", group ") {
        return Place::Group(rest.to_string());
    }
    if record.starts_with("qualification") {
        return Place::Details;
    }
    Place::File
}

/// The note a qualification with no rules carries.
const NO_RULES: &str = "No rules of combination have been entered in the editor yet.";

/// Reads a data file for editing: one document with at least one qualification.
pub fn import(text: &str) -> Result<Draft, String> {
    crate::limits::check_bytes(
        "the file",
        text.len(),
        crate::limits::MAX_CATALOGUE_FILE_BYTES,
    )
    .map_err(|e| e.to_string())?;
    let file: DocumentFile = serde_json::from_str(text).map_err(|e| {
        format!(
            "This is not a qualification file the editor can open ({}).",
            crate::limits::cut(&e.to_string(), 120)
        )
    })?;
    if file.qualifications.is_empty() {
        return Err("This file holds no qualification to edit.".into());
    }
    Ok(Draft { file })
}

/// The unit accreditation number a code is, where it has that form (`F/601/1609`).
pub fn uan_of(code: &str) -> Option<String> {
    let parts: Vec<&str> = code.trim().split('/').collect();
    let ok = parts.len() == 3
        && parts[0].len() == 1
        && parts[0].chars().all(|c| c.is_ascii_alphabetic())
        && parts[1].len() == 3
        && parts[2].len() == 4
        && parts[1..]
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()));
    ok.then(|| code.trim().to_ascii_uppercase())
}
