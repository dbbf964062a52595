//! Every rule of combination, met or not, with its shortfall, the document's wording and source,
//! and a switch between readings where the document can be read two ways.
//!
//! A change to the plan redraws only the parts of a rule that it changes. The list's shape (which
//! rules, in which order, folded how, under which readings) is drawn once per shape; each rule's
//! status, shortfall and counted units follow a signal of the rule's own, which one reader of the
//! check sets when they change. Drawing a row again would set every attribute of every element in
//! it afresh (the build erases view types, see `.cargo/config.toml`), and a phone pays for that in
//! style and layout on every add.

use super::reveal::focus_soon;
use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::{CatalogueQualification, QualificationId, UnitId};
use crate::plan::{Check, Workspace};
use crate::present::{reading_label, rule_rows, rule_status, RuleRow};
use crate::rules::{Readings, RuleResult, Status};
use leptos::prelude::*;

/// What decides the list's elements: it changes with the qualification, the readings, the order
/// and the folding, not with most changes to the plan.
#[derive(Clone, PartialEq)]
enum Shape {
    Unpublished(String),
    Rules {
        qualification: QualificationId,
        rows: Vec<RuleRow>,
        readings: Readings,
    },
}

/// The mark before a rule's status, here and in the rule-by-rule walk.
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Met => "\u{2713}",
        Status::Unmet => "\u{2717}",
        Status::NotJudged => "\u{2022}",
        Status::Undecided => "?",
    }
}

/// The status as shown: its class and a mark before the words.
fn status_words(s: Status) -> (&'static str, String) {
    let w = rule_status(s);
    (w.class, format!("{} {}", status_mark(s), w.words))
}

/// A rule row's class, by its status (none while the row is being drawn away).
fn row_class(s: Option<Status>) -> String {
    match s {
        Some(s) => format!("rule {}", rule_status(s).class),
        None => "rule".to_string(),
    }
}

/// What of a rule's result changes as units are planned: the rest is drawn with the row.
#[derive(PartialEq)]
struct Live {
    status: Status,
    /// Shown on the rule's parts instead where it has parts.
    shortfall: Option<String>,
    counted: Vec<UnitId>,
}

/// The changing part of the result of the rule at `path` (its index among the qualification's
/// rules, then among its parts), if the check has it.
fn live_at(check: Option<&Check>, path: &[usize]) -> Option<Live> {
    let (first, rest) = path.split_first()?;
    let mut r = check?.evaluation.rules.get(*first)?;
    for i in rest {
        r = r.children.get(*i)?;
    }
    Some(Live {
        status: r.status,
        shortfall: r.shortfall.clone().filter(|_| r.children.is_empty()),
        counted: r.counted.clone(),
    })
}

/// Each drawn rule's place in the tree and the signal its changing parts follow.
type Followed = Vec<(Vec<usize>, RwSignal<Option<Live>>)>;

/// What a rule row is drawn from, besides the parts that follow the check.
#[derive(Clone, Copy)]
struct Row<'a> {
    catalogue: StoredValue<SharedCatalogue>,
    cq: &'a CatalogueQualification,
    checked: Memo<Option<Check>>,
    workspace: RwSignal<Workspace>,
}

/// A rule's row; the signal its changing parts follow goes into `followed`, with its parts'.
fn rule_view(row: Row, r: &RuleResult, path: Vec<usize>, followed: &mut Followed) -> AnyView {
    let Row {
        catalogue,
        cq,
        checked,
        workspace,
    } = row;
    let live = RwSignal::new(checked.with_untracked(|c| live_at(c.as_ref(), &path)));
    followed.push((path.clone(), live));
    let counted_words = move |units: &[UnitId]| {
        let codes = catalogue.with_value(|c| {
            units
                .iter()
                .map(|u| c.unit(*u).unit.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        });
        format!("Counted: {codes}")
    };
    let notes = cq.readings_of(&r.meta.id);
    let in_force = r.reading.clone();
    let rule_id = r.meta.id.clone();
    let reading_label = reading_label(r).map(String::from);
    view! {
        <li
            class=move || row_class(live.with(|l| l.as_ref().map(|l| l.status)))
            aria-label=r.meta.label.clone()
        >
            <div class="rule-head">
                <span class="rule-status">{move || live.with(|l| l.as_ref().map(|l| status_words(l.status).1))}</span>
                " "
                <span class="rule-label">{r.meta.label.clone()}</span>
            </div>
            {move || {
                live.with(|l| l.as_ref()?.shortfall.clone())
                    .map(|s| view! { <p class="shortfall">{s}</p> })
            }}
            {move || {
                live.with(|l| l.as_ref().filter(|l| !l.counted.is_empty()).map(|l| counted_words(&l.counted)))
                    .map(|words| view! { <p class="counted">{words}</p> })
            }}
            {reading_label.map(|l| view! { <p class="reading-in-force">{format!("Reading in force: {l}")}</p> })}
            <details>
                <summary>"Printed wording and source"</summary>
                <blockquote>{format!("\u{201c}{}\u{201d}", r.meta.text)}</blockquote>
                <p class="source">{format!("Source: {}", r.meta.source)}</p>
            </details>
            {(notes.len() > 1).then(|| {
                let name = format!("reading-{}", rule_id);
                view! {
                    <fieldset class="readings">
                        <legend>{format!("Reading of \u{201c}{}\u{201d}", r.meta.label)}</legend>
                        {notes
                            .into_iter()
                            .map(|note| {
                                let checked = in_force.as_deref() == Some(note.id.as_str());
                                let rule_id = rule_id.clone();
                                let chosen = (!note.default).then(|| note.id.clone());
                                let input_id = format!("{name}-{}", note.id);
                                view! {
                                    <div class="reading">
                                        <input
                                            type="radio"
                                            id=input_id.clone()
                                            name=name.clone()
                                            value=note.id.clone()
                                            checked=checked
                                            on:change={
                                                let input_id = input_id.clone();
                                                move |_| {
                                                    workspace.update(|w| w.set_reading(&rule_id, chosen.as_deref()));
                                                    // A reading re-draws the rules: focus follows the choice.
                                                    focus_soon(input_id.clone());
                                                }
                                            }
                                        />
                                        <label for=input_id>{note.label.clone()}</label>
                                        <p class="reading-why">
                                            {note.default.then_some(view! { <strong>"The reading used unless you choose another. "</strong> })}
                                            {note.why.clone()}
                                        </p>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
            })}
            {(!r.children.is_empty()).then(|| view! {
                <ul class="sub-rules" aria-label=format!("Parts of {}", r.meta.label)>
                    {r.children
                        .iter()
                        .enumerate()
                        .map(|(j, c)| rule_view(row, c, [path.as_slice(), &[j]].concat(), followed))
                        .collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn RulesPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    /// In classroom mode the unmet rules come first.
    classroom: RwSignal<bool>,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let shape = Memo::new(move |_| {
        let unmet_first = classroom.get();
        checked.with(|c| {
            let c = c.as_ref()?;
            catalogue.with_value(|catalogue| {
                // A catalogue newer than this panel's is shown once the screen is drawn again.
                let cq = catalogue.qualifications.get(c.qualification.index())?;
                let q = &cq.qualification;
                if !q.rules_published {
                    return Some(Shape::Unpublished(q.rules_note.clone().unwrap_or_default()));
                }
                let readings = workspace.with_untracked(|w| w.plan().readings.clone());
                let rows = rule_rows(cq, &c.evaluation, &readings, unmet_first);
                Some(Shape::Rules {
                    qualification: c.qualification,
                    rows,
                    readings,
                })
            })
        })
    });
    let body = move || {
        let (qualification, rows) =
            match shape.get()? {
                Shape::Unpublished(note) => return Some(
                    view! { <p class="unpublished">"Not published in this document: "{note}</p> }
                        .into_any(),
                ),
                Shape::Rules {
                    qualification,
                    rows,
                    ..
                } => (qualification, rows),
            };
        // The results the shape was made from; their parts that change follow the check.
        let rules = checked.with_untracked(|c| c.as_ref().map(|c| c.evaluation.rules.clone()))?;
        let catalogue_now = catalogue.get_value();
        let cq = catalogue_now.qualifications.get(qualification.index())?;
        let row = Row {
            catalogue,
            cq,
            checked,
            workspace,
        };
        let mut followed = Followed::new();
        let mut one = |i: usize| rule_view(row, &rules[i], vec![i], &mut followed);
        let list = view! {
            <ul aria-label="Rules of combination" class="rules">
                {rows
                    .into_iter()
                    .map(|r| match r {
                        RuleRow::One(i) => one(i),
                        RuleRow::Folded { rules: folded, words } => view! {
                            <li class="rule met folded">
                                <details>
                                    <summary><span class="rule-status">"\u{2713} "</span>{words}</summary>
                                    <ul class="sub-rules" aria-label="Barred combinations">
                                        {folded.into_iter().map(&mut one).collect_view()}
                                    </ul>
                                </details>
                            </li>
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </ul>
        }
        .into_any();
        // One reader of the check for every rule drawn: each rule's signal is set only when its
        // part of the result changes, so an add re-runs the rules it changes and the check keeps
        // one reader here instead of one a rule.
        Effect::new(move |_| {
            checked.with(|c| {
                for (path, live) in &followed {
                    let now = live_at(c.as_ref(), path);
                    if live.with_untracked(|l| *l != now) {
                        live.set(now);
                    }
                }
            })
        });
        Some(list)
    };
    view! {
        <section class="rules-panel" aria-labelledby="rules-heading">
            <h2 id="rules-heading">"Rules of combination"</h2>
            {body}
        </section>
    }
}
