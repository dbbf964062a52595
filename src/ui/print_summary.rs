//! The printed page: a one-page summary an adviser hands over. Qualification and plan, the date,
//! the readings in force, the units, totals against the published figures, the verdict and what
//! is missing; with a learner's record, each unit's status (exemptions with their reason), the
//! achieved units alone, the totals by status and the finish date. Shown only in print.

use super::shared_catalogue::SharedCatalogue;
use super::use_record::RecordSignals;
use crate::plan::{Check, Workspace};
use crate::present::{
    achieved_so_far_words, finish_words, glh_published, missing, no_estimate_words,
    or_not_published, reading_label, record_line, split_totals_words, verdict, Total,
};
use leptos::prelude::*;

/// The printed page is made when asked for: as the browser is about to print (its
/// `beforeprint`), or by "Print this plan". Provided by `use_printing`.
#[derive(Clone, Copy)]
pub struct Printing(RwSignal<bool>);

impl Printing {
    /// Makes the printed page, then opens the browser's print. Not at once: `print()` lays the
    /// page out as soon as its "beforeprint" listeners return, and the app's update waits for
    /// the script that called it to end, so the page would print empty.
    pub fn print(self) {
        self.0.set(true);
        set_timeout(
            || {
                let _ = window().print();
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Makes the printed page whenever the browser is about to print (the listener returns before
/// a print the browser starts is laid out, so it prints the plan as it is at that moment), and
/// provides `Printing` for "Print this plan".
pub fn use_printing() -> Printing {
    // Set (and so notified) at each print; a signal of the same type as the app's others adds
    // no code.
    let printing = Printing(RwSignal::new(false));
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| printing.0.set(true));
    provide_context(printing);
    printing
}

fn today() -> String {
    js_sys::Date::new_0()
        .to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

#[component]
pub fn PrintSummary(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    record: RecordSignals,
    /// The page is made when a print asks for it, from the plan as it is then, and not at each
    /// change, since the screen never shows it.
    printing: Printing,
) -> impl IntoView {
    let body = move || {
        if !printing.0.get() {
            return None;
        }
        let rc = record.checked.get_untracked();
        let finish = record.finish.get_untracked().map(|f| match f {
            Ok(e) => {
                let w = finish_words(&catalogue, &e);
                let quickest = w.quickest.map(|q| format!(" {q}")).unwrap_or_default();
                format!("{} {} {}{quickest}", w.finish, w.left, w.figure)
            }
            Err(e) => no_estimate_words(&catalogue, &e),
        });
        checked.with_untracked(|c| {
            let c = c.as_ref()?;
            let cq = catalogue.qualifications.get(c.qualification.index())?;
            let q = &cq.qualification;
            let plan_name = workspace.with_untracked(|w| w.plan().name.clone());
            let numbers = [
                q.regulator_number.as_ref().map(|n| format!("Regulator number {n}")),
                q.awarding_body_number.as_ref().map(|n| format!("Awarding-body number {n}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" \u{b7} ");
            let readings: Vec<String> = c
                .evaluation
                .rules
                .iter()
                .filter(|r| r.meta.readings.len() > 1)
                .filter_map(|r| reading_label(r).map(|l| format!("{}: {l}", r.meta.label)))
                .collect();
            let rows: Vec<_> = c
                .planned
                .iter()
                .map(|id| {
                    let u = &catalogue.unit(*id).unit;
                    let status = rc
                        .as_ref()
                        .and_then(|r| r.record.entry(*id))
                        .map(|e| record_line(&catalogue, e));
                    view! {
                        <tr>
                            <td>{u.code.clone()}</td>
                            <td>{u.title.clone()}{status.map(|s| view! { <br/><em>{s}</em> })}</td>
                            <td>{u.level.label()}</td>
                            <td class="num">{or_not_published(u.credit)}</td>
                            <td class="num">{or_not_published(u.glh)}</td>
                        </tr>
                    }
                })
                .collect();
            let t = c.totals;
            let v = verdict(Some(c));
            let gaps = missing(c);
            Some(view! {
                <h1>{format!("Plan summary: {plan_name}")}</h1>
                <p class="print-qualification"><strong>{q.title.clone()}</strong></p>
                <p>{format!("{} \u{b7} {} {}", q.awarding_body, q.level.label(), q.size.as_str())}{(!numbers.is_empty()).then(|| format!(" \u{b7} {numbers}"))}</p>
                <p>{format!("Printed {} \u{b7} published GLH {}", today(), glh_published(q))}</p>
                <h2>{format!("Verdict: {}", v.words)}</h2>
                {(!gaps.is_empty()).then(|| view! {
                    <h3>"Still missing"</h3>
                    <ul>{gaps.into_iter().map(|(l, s)| view! { <li><strong>{l}</strong>": "{s}</li> }).collect_view()}</ul>
                })}
                {(!readings.is_empty()).then(|| view! {
                    <h3>"Readings in force"</h3>
                    <ul>{readings.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                })}
                <table>
                    <caption>{format!("Units planned ({})", t.units)}</caption>
                    <thead><tr><th>"Code"</th><th>"Title"</th><th>"Level"</th><th class="num">"Credits"</th><th class="num">"GLH"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="print-totals">
                    {[(Total::Credits, t.credits), (Total::Glh, t.glh), (Total::Tqt, t.tqt)].map(|(total, v)| {
                        let m = total.measure(Some(q));
                        view! { {format!("{} {}", m.label, m.words(v))}<br/> }
                    })}
                </p>
                {rc.as_ref().map(|r| view! {
                    <h3>"Learner\u{2019}s record"</h3>
                    <p>{achieved_so_far_words(r)}</p>
                    <p>{split_totals_words(&r.totals)}</p>
                })}
                {finish.clone().map(|f| view! { <p>{f}</p> })}
                <p class="print-source">{format!("Source: {}. Planned with qualplan; nothing was sent anywhere.", catalogue.document_of(cq).document.title)}</p>
            })
        })
    };
    view! { <section class="print-summary" aria-label="Printed summary">{body}</section> }
}
