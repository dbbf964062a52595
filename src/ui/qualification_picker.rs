//! The qualification picker, grouped by awarding body and level, with the chosen one's figures.

use super::notices::{Kind, Notices};
use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::Catalogue;
use crate::catalogue::QualificationId;
use crate::plan::{cheapest_glh, SwitchRun, Switched, Workspace};
use crate::present::{
    glh_published, not_published, or_not_published, qualification_name, switched_words,
};
use crate::sort::SmallSort;
use leptos::prelude::*;

#[component]
pub fn QualificationPicker(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    notices: Notices,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    // Awarding body, then level, in catalogue order within each.
    let groups: Vec<(String, Vec<QualificationId>)> = {
        let c: &Catalogue = &catalogue.get_value();
        let mut groups: Vec<(String, Vec<QualificationId>)> = Vec::new();
        let mut sorted: Vec<QualificationId> = c.qualification_ids().collect();
        // Unstable sorts throughout the crate: each stable sort instance costs more wasm, and the
        // catalogue index as the last key keeps the order the same.
        sorted.sort_small_by_key(|qi| {
            let q = &c.qualifications[*qi].qualification;
            (&q.awarding_body, q.level, qi.index())
        });
        for qi in sorted {
            let cq = &c.qualifications[qi];
            let q = &cq.qualification;
            let mut label = format!("{} \u{2014} {}", q.awarding_body, q.level.label());
            // A person's own copy of a qualification is told apart from the document's.
            if c.is_own(cq) {
                label.push_str(" (your own)");
            }
            match groups.iter_mut().find(|(l, _)| *l == label) {
                Some((_, v)) => v.push(qi),
                None => groups.push((label, vec![qi])),
            }
        }
        groups
    };
    // A memo, so the options re-check which is selected only when the qualification changes,
    // not on every change to the plan.
    let current_q = Memo::new(move |_| workspace.with(|w| w.plan().qualification.clone()));
    let current = move || current_q.get();
    // A run of switches (arrowing through the list) can come back to where it began with every
    // unit; its one message is replaced at each step rather than piled up.
    let run: StoredValue<Option<SwitchRun>> = StoredValue::new(None);
    let message: StoredValue<Option<u64>> = StoredValue::new(None);
    let choose = move |id: String| {
        let c: &Catalogue = &catalogue.get_value();
        let mut switched = Switched::Kept;
        workspace.update(|w| {
            let (s, next) = w.switch_qualification(c, &id, run.get_value());
            run.set_value(next);
            switched = s;
        });
        if let Some(old) = message.get_value() {
            notices.dismiss(old);
        }
        let kind = match switched {
            Switched::PutBack { .. } => Kind::Done,
            _ => Kind::Problem,
        };
        message.set_value(switched_words(c, &id, &switched).map(|text| notices.push(kind, text)));
    };
    let on_change = move |ev: leptos::ev::Event| choose(event_target_value(&ev));
    // The list's order, for Enter in the search box, which chooses the first match.
    let order: Vec<QualificationId> = groups
        .iter()
        .flat_map(|(_, qs)| qs.iter().copied())
        .collect();
    let facts = move || {
        let catalogue: &Catalogue = &catalogue.get_value();

        let id = current();
        catalogue.qualification(&id).map(|cq| {
            let q = &cq.qualification;
            let glh = glh_published(q);
            let doc = &catalogue.document_of(cq).document;
            // The published GLH checked against the cheapest compliant plan's GLH: a search, so
            // only where a GLH is published.
            let glh_check = q.glh.and_then(|published| {
                let qi = catalogue.qualification_index(&q.id)?;
                let cheapest = cheapest_glh(catalogue, qi)?;
                Some(if cheapest == published {
                    format!("The cheapest plan that meets every rule has {published} GLH, as published.")
                } else {
                    format!("Note: the cheapest plan that meets every rule has {cheapest} GLH, not the published {published}.")
                })
            });
            view! {
                // A compact summary list: the figures in columns, so the units stay near the top.
                <dl class="facts">
                    <div><dt>"Awarding body"</dt><dd>{q.awarding_body.clone()}</dd></div>
                    <div><dt>"Level and size"</dt><dd>{format!("{} {}", cq.qualification.level.label(), q.size.as_str())}</dd></div>
                    <div><dt>"Minimum credits"</dt><dd>{or_not_published(q.min_credits)}</dd></div>
                    <div><dt>"Published GLH"</dt><dd>{glh}</dd></div>
                    <div><dt>"Published TQT"</dt><dd>{or_not_published(q.tqt)}</dd></div>
                    <div><dt>"Regulator number"</dt><dd>{q.regulator_number.clone().unwrap_or_else(|| not_published().into())}</dd></div>
                    <div><dt>"Awarding-body number"</dt><dd>{q.awarding_body_number.clone().unwrap_or_else(|| not_published().into())}</dd></div>
                    <div class="wide"><dt>"Source"</dt><dd>{format!("{} ({})", doc.title, doc.awarding_body)}</dd></div>
                </dl>
                {glh_check.map(|t| view! { <p class="glh-check">{t}</p> })}
                {(!q.rules_published).then(|| view! {
                    <p class="unpublished" role="note">
                        <strong>"Rules of combination not published in this document. "</strong>
                        {q.rules_note.clone().unwrap_or_default()}
                    </p>
                })}
            }
        })
    };
    // Typing narrows the list by title, awarding body or either number; the chosen one stays.
    let find = RwSignal::new(String::new());
    // What Enter chose, said in the hint until the search changes (else the hint went on asking
    // for Enter after it was pressed).
    let chosen: RwSignal<Option<String>> = RwSignal::new(None);
    let shown = move |qi: QualificationId| {
        let c: &Catalogue = &catalogue.get_value();

        let q = &c.qualifications[qi].qualification;
        current() == q.id || find.with(|f| q.matches_text(f))
    };
    let matches = move || {
        let c: &Catalogue = &catalogue.get_value();

        c.qualifications
            .iter()
            .filter(|q| find.with(|f| q.qualification.matches_text(f)))
            .count()
    };
    view! {
        <div class="picker">
            <label for="qualification">"Qualification"</label>
            <div class="picker-find">
                <label for="qualification-find" class="visually-hidden">"Find a qualification"</label>
                <input
                    id="qualification-find"
                    type="search"
                    placeholder="Find a qualification by title or number"
                    prop:value=move || find.get()
                    on:input=move |ev| {
                        chosen.set(None);
                        find.set(event_target_value(&ev));
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() != "Enter" {
                            return;
                        }
                        ev.prevent_default();
                        let c: &Catalogue = &catalogue.get_value();
                        let first = order.iter().map(|q| &c.qualifications[*q].qualification).find(|q| find.with(|f| !f.trim().is_empty() && q.matches_text(f)));
                        if let Some(q) = first {
                            if q.id != current_q.get_untracked() {
                                choose(q.id.clone());
                            }
                            chosen.set(Some(qualification_name(q)));
                        }
                    }
                />
                <span class="hint" aria-live="polite">
                    {move || chosen.get().map(|name| format!("Chosen: {name}.")).or_else(|| find.with(|f| !f.trim().is_empty()).then(|| match matches() {
                        0 => "No qualification matches; the list shows them all.".to_string(),
                        1 => "1 qualification matches: press Enter to choose it.".to_string(),
                        n => format!("{n} qualifications match: press Enter to choose the first, or pick one from the list."),
                    }))}
                </span>
            </div>
            <select id="qualification" on:change=on_change prop:value=current>
                {groups
                    .into_iter()
                    .map(|(label, qs)| {
                        let any = {
                            let qs = qs.clone();
                            move || matches() == 0 || qs.iter().any(|q| shown(*q))
                        };
                        view! {
                            <optgroup label=label hidden=move || !any()>
                                {qs
                                    .into_iter()
                                    .map(|q| {
                                        let c: &Catalogue = &catalogue.get_value();
                                        let qual = &c.qualifications[q].qualification;
                                        let (id, name) = (qual.id.clone(), qualification_name(qual));
                                        let id2 = id.clone();
                                        let listed = move || matches() == 0 || shown(q);
                                        view! {
                                            <option
                                                value=id
                                                selected=move || current() == id2
                                                hidden=move || !listed()
                                            >
                                                {name}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()}
            </select>
            {facts}
        </div>
    }
}
