//! The editor's rules of combination, each made from a template of one of the engine's rule
//! types, with the document's wording and where it is printed.

use super::editor_details::all_levels;
use super::editor_state::Editor;
use super::qualification_editor::{beside, Built};
use super::reveal::focus_soon;
use crate::catalogue::{Level, Measure};
use crate::editor::draft::Place;
use crate::editor::template::{Bound, LevelChoice, ReadingWords, Template};
use leptos::prelude::*;

const KINDS: [(&str, &str); 6] = [
    (
        "count",
        "At least, at most or exactly a number of credits, units or GLH",
    ),
    ("every", "Every unit of these groups (mandatory units)"),
    ("barred", "Not more than a number of these units together"),
    ("all", "All of these rules (combine rules made already)"),
    ("any", "Any one of these rules (pathways)"),
    (
        "evidence",
        "Evidence a plan cannot show (practice, observation)",
    ),
];

/// The template form as filled in so far.
#[derive(Clone)]
struct Form {
    kind: &'static str,
    measure: Measure,
    bound: Bound,
    n: String,
    groups: Vec<String>,
    level: String,
    level_how: &'static str,
    units: Vec<String>,
    rules: Vec<String>,
    distinct: bool,
    label: String,
    text: String,
    source: String,
    /// Empty for a new rule; else the rule this is another reading of.
    reading_of: String,
    first_reading: String,
    reading_why: String,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            kind: "count",
            measure: Measure::Credits,
            bound: Bound::AtLeast,
            n: String::new(),
            groups: Vec::new(),
            level: String::new(),
            level_how: "any",
            units: Vec::new(),
            rules: Vec::new(),
            distinct: true,
            label: String::new(),
            text: String::new(),
            source: String::new(),
            reading_of: String::new(),
            first_reading: String::new(),
            reading_why: String::new(),
        }
    }
}

impl Form {
    fn template(&self) -> Result<Template, String> {
        let n = || {
            self.n
                .trim()
                .parse::<u32>()
                .map_err(|_| "Give the figure as a whole number.".to_string())
        };
        Ok(match self.kind {
            "every" => Template::AllUnitsOf {
                groups: self.groups.clone(),
            },
            "barred" => Template::Barred {
                units: self.units.clone(),
                max: n()?,
            },
            "all" => Template::AllOf {
                rules: self.rules.clone(),
                distinct: self.distinct,
            },
            "any" => Template::AnyOf {
                rules: self.rules.clone(),
            },
            "evidence" => Template::Evidence,
            _ => Template::Count {
                measure: self.measure,
                bound: self.bound,
                n: n()?,
                groups: self.groups.clone(),
                level: match (self.level_how, Level::parse(&self.level)) {
                    ("at", Some(l)) => LevelChoice::At(l),
                    ("above", Some(l)) => LevelChoice::AtOrAbove(l),
                    ("any", _) => LevelChoice::Any,
                    _ => return Err("Choose the level.".into()),
                },
            },
        })
    }
}

/// Which of the form's lists a set of checkboxes fills.
#[derive(Clone, Copy)]
enum List {
    Groups,
    Units,
    Rules,
}

impl Form {
    fn list(&self, l: List) -> &Vec<String> {
        match l {
            List::Groups => &self.groups,
            List::Units => &self.units,
            List::Rules => &self.rules,
        }
    }

    fn list_mut(&mut self, l: List) -> &mut Vec<String> {
        match l {
            List::Groups => &mut self.groups,
            List::Units => &mut self.units,
            List::Rules => &mut self.rules,
        }
    }
}

/// A checkbox list that adds or removes each value in the form's list `pick`.
fn ticks(
    form: RwSignal<Form>,
    legend: &'static str,
    items: Vec<(String, String)>,
    pick: List,
) -> impl IntoView {
    view! {
        <fieldset class="ticks">
            <legend>{legend}</legend>
            {items.into_iter().map(|(value, name)| {
                let v = value.clone();
                view! {
                    <label>
                        <input type="checkbox"
                            prop:checked=move || form.with(|f| f.list(pick).contains(&value))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.update(|f| {
                                    let list = f.list_mut(pick);
                                    list.retain(|x| x != &v);
                                    if on { list.push(v.clone()); }
                                });
                            } />
                        " "{name}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn EditorRules(editor: Editor, built: Memo<Built>) -> impl IntoView {
    let form = RwSignal::new(Form::default());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let said = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let made = f.template().and_then(|t| {
            let mut out = Err(String::new());
            editor.edit(|d| {
                out = if f.reading_of.is_empty() {
                    d.add_rule(&t, &f.label, &f.text, &f.source)
                } else {
                    let words = ReadingWords {
                        first: &f.first_reading,
                        label: &f.label,
                        why: &f.reading_why,
                    };
                    d.add_reading(&f.reading_of, &t, words)
                }
                .map_err(|e| e.to_string())
            });
            out
        });
        match made {
            Ok(id) => {
                // Rules are named by their label, as the list shows them, not by their id.
                let label_of = |rule: &str| {
                    editor
                        .with(|d| {
                            d.qualification()
                                .rules
                                .iter()
                                .find(|r| r.id == rule)
                                .map(|r| r.label.clone())
                        })
                        .flatten()
                        .unwrap_or_else(|| rule.to_string())
                };
                said.set(if f.reading_of.is_empty() {
                    format!("Added rule \u{201c}{}\u{201d}.", label_of(&id))
                } else {
                    format!(
                        "Added reading \u{201c}{}\u{201d} of rule \u{201c}{}\u{201d}.",
                        f.label.trim(),
                        label_of(&f.reading_of)
                    )
                });
                error.set(None);
                form.set(Form {
                    kind: f.kind,
                    ..Form::default()
                });
                // The rules listed above grew and pushed the form down: the keyboard lands on
                // what was added, in view.
                focus_soon("ed-rules-said");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let groups = move || {
        editor
            .with(|d| {
                d.qualification()
                    .groups
                    .iter()
                    .map(|g| (g.id.clone(), g.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let units = move || editor.with(|d| d.unit_choices()).unwrap_or_default();
    let rules = move || {
        editor
            .with(|d| {
                d.qualification()
                    .rules
                    .iter()
                    .map(|r| (r.id.clone(), r.label.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let kind = move || form.with(|f| f.kind);
    let select = move |id: &'static str,
                       label: &'static str,
                       options: Vec<(&'static str, &'static str)>,
                       current: fn(&Form) -> &'static str,
                       set: fn(&mut Form, &str)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, &v)); }>
                    {options.into_iter().map(|(v, name)| view! { <option value=v selected=move || form.with(|f| current(f) == v)>{name}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="editor-rules" id="editor-rules">
            <legend>"Rules of combination"</legend>
            {move || beside(built.with(|b| b.at(&Place::Rules)))}
            <ol class="editor-rule-list" aria-label="Rules of this qualification">
                {move || editor.with(|d| d.qualification().rules.clone()).unwrap_or_default().into_iter().map(|r| {
                    let id = r.id.clone();
                    view! {
                        <li id=format!("ed-rule-{}", r.id)>
                            <strong>{r.label.clone()}</strong>
                            {(!r.alternatives.is_empty()).then(|| view! {
                                <span class="rule-readings">{format!("Readings: {}", r.readings().iter().enumerate().map(|(i, (_, l))| if i == 0 { format!("{l} (the default)") } else { l.to_string() }).collect::<Vec<_>>().join("; "))}</span>
                            })}
                            <span class="rule-text">{format!("\u{201c}{}\u{201d} ({})", r.text, r.source)}</span>
                            <button type="button" aria-label=format!("Remove rule {}", r.label) on:click=move |_| editor.edit(|d| d.remove_rule(&id))>"Remove"</button>
                            {let place = Place::Rule(r.id.clone()); move || beside(built.with(|b| b.at(&place)))}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <form class="rule-form" on:submit=add>
                <h4>"Add a rule, or another reading of one"</h4>
                <div class="field">
                    <label for="ed-rule-of">"This is"</label>
                    <select id="ed-rule-of" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.reading_of = v); }>
                        <option value="" selected=move || form.with(|f| f.reading_of.is_empty())>"a new rule"</option>
                        {move || rules().into_iter().map(|(id, label)| {
                            let v = id.clone();
                            view! { <option value=id selected=move || form.with(|f| f.reading_of == v)>{format!("another reading of \u{201c}{label}\u{201d}")}</option> }
                        }).collect_view()}
                    </select>
                    <span class="hint">"A reading is another way to read a rule the document prints ambiguously; people switch between readings in the planner. To switch several rules at once, combine them with \u{201c}All of these rules\u{201d} first, then add the other reading as \u{201c}All of these rules\u{201d} of the rules read the other way."</span>
                </div>
                {select("ed-rule-kind", "Kind of rule", KINDS.to_vec(), |f| f.kind, |f, v| f.kind = KINDS.iter().find(|(k, _)| *k == v).map_or("count", |(k, _)| k))}
                <Show when=move || kind() == "count">
                    <div class="field-row">
                        {select("ed-rule-bound", "How many", vec![("least", "At least"), ("most", "At most"), ("exactly", "Exactly")], |f| match f.bound { Bound::AtLeast => "least", Bound::AtMost => "most", Bound::Exactly => "exactly" }, |f, v| f.bound = match v { "most" => Bound::AtMost, "exactly" => Bound::Exactly, _ => Bound::AtLeast })}
                        <div class="field figure"><label for="ed-rule-n">"Figure"</label><input id="ed-rule-n" type="text" inputmode="numeric" prop:value=move || form.with(|f| f.n.clone()) on:input=move |ev| form.update(|f| f.n = event_target_value(&ev)) /></div>
                        {select("ed-rule-measure", "Of", vec![("credits", "credits"), ("units", "units"), ("glh", "GLH")], |f| match f.measure { Measure::Credits => "credits", Measure::Units => "units", Measure::Glh => "glh" }, |f, v| f.measure = match v { "units" => Measure::Units, "glh" => Measure::Glh, _ => Measure::Credits })}
                        {select("ed-rule-level-how", "Level", vec![("any", "any level"), ("at", "at level"), ("above", "at or above level")], |f| f.level_how, |f, v| f.level_how = match v { "at" => "at", "above" => "above", _ => "any" })}
                        <Show when=move || form.with(|f| f.level_how != "any")>
                            <div class="field">
                                <label for="ed-rule-level">"Which level"</label>
                                <select id="ed-rule-level" on:change=move |ev| form.update(|f| f.level = event_target_value(&ev))>
                                    <option value="">"Choose"</option>
                                    {all_levels().into_iter().map(|l| view! { <option value=l.to_string()>{l.label()}</option> }).collect_view()}
                                </select>
                            </div>
                        </Show>
                    </div>
                    {move || ticks(form, "From these groups (none ticked: from every planned unit)", groups(), List::Groups)}
                </Show>
                <Show when=move || kind() == "every">
                    {move || ticks(form, "Groups whose every unit is needed", groups(), List::Groups)}
                </Show>
                <Show when=move || kind() == "barred">
                    <div class="field figure"><label for="ed-rule-max">"Not more than"</label><input id="ed-rule-max" type="text" inputmode="numeric" prop:value=move || form.with(|f| f.n.clone()) on:input=move |ev| form.update(|f| f.n = event_target_value(&ev)) /></div>
                    {move || ticks(form, "Of these units together", units(), List::Units)}
                </Show>
                <Show when=move || kind() == "all" || kind() == "any">
                    {move || ticks(form, "Rules to combine (they move inside the new rule)", rules(), List::Rules)}
                    <Show when=move || kind() == "all">
                        <label class="check"><input type="checkbox" prop:checked=move || form.with(|f| f.distinct) on:change=move |ev| form.update(|f| f.distinct = event_target_checked(&ev)) />" No unit counts towards two of them"</label>
                    </Show>
                </Show>
                <Show when=move || form.with(|f| !f.reading_of.is_empty())>
                    <div class="field-row">
                        <Show when=move || form.with(|f| editor.with(|d| d.qualification().rules.iter().any(|r| r.id == f.reading_of && r.reading.is_none())).unwrap_or(false))>
                            <div class="field wide"><label for="ed-rule-first">"Name of the reading it has now (the default)"</label><input id="ed-rule-first" type="text" prop:value=move || form.with(|f| f.first_reading.clone()) on:input=move |ev| form.update(|f| f.first_reading = event_target_value(&ev)) /></div>
                        </Show>
                        <div class="field wide"><label for="ed-rule-why">"Why it can be read this way (optional)"</label><input id="ed-rule-why" type="text" prop:value=move || form.with(|f| f.reading_why.clone()) on:input=move |ev| form.update(|f| f.reading_why = event_target_value(&ev)) /></div>
                    </div>
                </Show>
                <div class="field" class:hidden=move || form.with(|f| !f.reading_of.is_empty())>
                    <label for="ed-rule-text">"Wording, as the document prints it"</label>
                    <textarea id="ed-rule-text" rows="2" prop:value=move || form.with(|f| f.text.clone()) on:input=move |ev| form.update(|f| f.text = event_target_value(&ev))></textarea>
                </div>
                <div class="field-row">
                    <div class="field wide" class:hidden=move || form.with(|f| !f.reading_of.is_empty())><label for="ed-rule-source">"Where it is printed (optional)"</label><span class="hint" id="ed-rule-source-hint">"Section, table or page, such as \u{201c}Structure, page 6\u{201d}; left empty, it says the rule was entered here."</span><input id="ed-rule-source" type="text" aria-describedby="ed-rule-source-hint" prop:value=move || form.with(|f| f.source.clone()) on:input=move |ev| form.update(|f| f.source = event_target_value(&ev)) /></div>
                    <div class="field wide"><label for="ed-rule-label">{move || if form.with(|f| f.reading_of.is_empty()) { "Short name (optional)" } else { "Name of this reading" }}</label><input id="ed-rule-label" type="text" prop:value=move || form.with(|f| f.label.clone()) on:input=move |ev| form.update(|f| f.label = event_target_value(&ev)) /></div>
                </div>
                {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                <button type="submit" class="primary">{move || if form.with(|f| f.reading_of.is_empty()) { "Add rule" } else { "Add reading" }}</button>
                <p class="hint" id="ed-rules-said" tabindex="-1" role="status">{move || said.get()}</p>
            </form>
        </fieldset>
    }
}
