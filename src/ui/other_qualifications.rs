//! "Other qualifications": how far the plan's units go towards every other qualification,
//! counting units recorded as the same unit in another document, closest first.

use crate::catalogue::{Catalogue, LinkBasis};
use crate::plan::{progress, Carried, Check, Workspace};
use leptos::prelude::*;

fn basis_words(how: Carried) -> &'static str {
    match how {
        Carried::Same => "the same record",
        Carried::Linked(LinkBasis::Uan) => "the same unit accreditation number",
        Carried::Linked(LinkBasis::TitleLevelCredit) => "the same title, level and credit value",
    }
}

#[component]
pub fn OtherQualifications(
    catalogue: &'static Catalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        checked.with(|c| {
            let Some(c) = c.as_ref() else {
                return Vec::new();
            };
            if c.planned.is_empty() {
                return Vec::new();
            }
            progress(catalogue, &c.planned)
                .into_iter()
                .filter(|p| p.qualification != c.qualification && !p.carried.is_empty())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="other-qualifications" aria-labelledby="other-heading">
            <h2 id="other-heading">"Other qualifications"</h2>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"Plan some units to see which other qualifications they also count towards."</p> }
            >
                <ul aria-label="Other qualifications" class="progress-list">
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|p| {
                                let cq = &catalogue.qualifications[p.qualification];
                                let q = &cq.qualification;
                                let state = match p.evaluation.compliant {
                                    Some(true) => "\u{2713} These units complete it".to_string(),
                                    Some(false) => format!("{} of {} rules met", p.rules_met, p.rules_total),
                                    None => "Rules of combination not published".to_string(),
                                };
                                let credits = match (p.totals.credits, q.min_credits) {
                                    (Some(c), Some(m)) => format!("{c} of {m} credits"),
                                    (Some(c), None) => format!("{c} credits"),
                                    (None, _) => "credits not published".to_string(),
                                };
                                let carried: Vec<String> = p
                                    .carried
                                    .iter()
                                    .map(|(from, to, how)| {
                                        let f = &catalogue.unit(*from).unit;
                                        let t = &catalogue.unit(*to).unit;
                                        if f.code == t.code {
                                            format!("{} counts as itself", f.code)
                                        } else {
                                            format!("{} counts as {} ({})", f.code, t.code, basis_words(*how))
                                        }
                                    })
                                    .collect();
                                let missing: Vec<String> = p.evaluation.rules.iter().filter_map(|r| r.shortfall.clone()).collect();
                                let id = q.id.clone();
                                let codes: Vec<String> = p.carried.iter().map(|(_, t, _)| catalogue.unit(*t).unit.code.clone()).collect();
                                let title = q.title.clone();
                                view! {
                                    <li class="progress-item">
                                        <h3>{title.clone()}</h3>
                                        <p>
                                            {format!("{} \u{2022} {credits} \u{2022} {state}", if p.carried.len() == 1 { "1 unit counts".to_string() } else { format!("{} units count", p.carried.len()) })}
                                        </p>
                                        <meter aria-label=format!("Progress towards {title}") min="0" max="100" value=(p.closeness * 100.0).round().to_string()></meter>
                                        <details>
                                            <summary>"Which units carry over, and what is missing"</summary>
                                            <ul>{carried.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                                            {(!missing.is_empty()).then(|| view! {
                                                <p>"Still missing:"</p>
                                                <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                                            })}
                                        </details>
                                        <button
                                            type="button"
                                            aria-label=format!("Open as a new plan for {title}")
                                            on:click=move |_| workspace.update(|w| w.new_plan_for(catalogue, &id, codes.clone()))
                                        >
                                            "Open as a new plan"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
