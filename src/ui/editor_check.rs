//! The editor's check: every problem in one summary that links to where it is (the GOV.UK error
//! summary's pattern), and a plan tried against the qualification as it stands, live.

use super::qualification_editor::Built;
use crate::editor::draft::{Place, Problem};
use crate::plan::check_codes;
use crate::present::{rule_status, totals_words, verdict, RuleStatusWords};

/// A plan tried against the qualification as it stands: what the planner would say of it.
#[derive(Clone, PartialEq)]
struct Tried {
    tone: &'static str,
    verdict: String,
    totals: String,
    rules: Vec<(RuleStatusWords, String, Option<String>)>,
}
use leptos::prelude::*;

/// The id of the element a problem's place is shown in.
fn anchor(place: &Place) -> String {
    match place {
        Place::Details => "editor-details".into(),
        Place::Unit(c) => format!("ed-unit-{c}"),
        Place::Group(g) => format!("ed-group-{g}"),
        Place::Rule(r) => format!("ed-rule-{r}"),
        Place::Rules => "editor-rules".into(),
        Place::File => "editor-units".into(),
        Place::NoGroup => "ed-loose-heading".into(),
        Place::Groups => "editor-groups".into(),
    }
}

#[component]
pub fn EditorCheck(
    built: Memo<Built>,
    qualification: Signal<String>,
    units: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let errors = move || {
        built.with(|b| {
            b.problems
                .iter()
                .filter(|p| p.summary && !p.warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let warnings = move || {
        built.with(|b| {
            b.problems
                .iter()
                .filter(|p| p.summary && p.warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let tried: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let result = Memo::new(move |_| {
        built.with(|b| {
            let c = b.catalogue.as_ref()?;
            let codes = tried.get();
            check_codes(c, &qualification.get(), &codes, &Default::default())
                .ok()
                .map(|check| {
                    let v = verdict(Some(&check));
                    let q = &c.qualifications[check.qualification].qualification;
                    let rules: Vec<_> = check
                        .evaluation
                        .rules
                        .iter()
                        .map(|r| {
                            (
                                rule_status(r.status),
                                r.meta.label.clone(),
                                r.shortfall.clone(),
                            )
                        })
                        .collect();
                    Tried {
                        tone: v.tone.as_str(),
                        verdict: v.words,
                        totals: format!("This plan has {}.", totals_words(q, &check.totals)),
                        rules,
                    }
                })
        })
    });
    let list = |items: Vec<Problem>| {
        items
            .into_iter()
            .map(|p| view! { <li><a href=format!("#{}", anchor(&p.place))>{p.words}</a></li> })
            .collect_view()
    };
    view! {
        <section class="editor-check" id="editor-check" aria-labelledby="editor-check-heading">
            <h3 id="editor-check-heading">"Check"</h3>
            <Show
                when=move || !errors().is_empty()
                fallback=|| view! { <p class="editor-ready">"\u{2713} Ready: the planner can use this qualification."</p> }
            >
                // What the qualification still needs, from its first moment: a list to work
                // through as the person types, not an alarm raised before they have done anything.
                <div class="error-summary still-needed" aria-labelledby="editor-problem-title">
                    <h4 id="editor-problem-title">"Still needed before the planner can use it"</h4>
                    <ul>{move || list(errors())}</ul>
                </div>
            </Show>
            <Show when=move || !warnings().is_empty()>
                <div class="warning-summary">
                    <h4>"To look at"</h4>
                    <ul>{move || list(warnings())}</ul>
                </div>
            </Show>
            <Show when=move || built.with(|b| b.catalogue.is_some())>
                <div class="editor-try">
                    <h4 id="editor-try-heading">"Try a plan"</h4>
                    <p class="hint">"Tick units to see what the planner would say of them, as the rules stand now: it follows every change you make."</p>
                    <div class="ticks" role="group" aria-labelledby="editor-try-heading">
                        {move || units.get().into_iter().map(|(code, title)| {
                            let c = code.clone();
                            view! {
                                <label>
                                    <input type="checkbox" prop:checked=move || tried.with(|t| t.contains(&code))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            tried.update(|t| { t.retain(|x| x != &c); if on { t.push(c.clone()); } });
                                        } />
                                    " "{title}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    {move || result.get().map(|t| view! {
                        <div class=format!("verdict {}", t.tone) role="status">
                            <p>{t.verdict}</p>
                        </div>
                        <p class="tried-totals">{t.totals}</p>
                        <ul class="tried-rules" aria-label="Each rule for this plan">
                            {t.rules.into_iter().map(|(status, label, short)| view! {
                                <li class=status.class>
                                    <strong>{status.words}</strong>": "{label}
                                    {short.map(|s| view! { <span class="hint">" \u{2014} "{s}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            </Show>
        </section>
    }
}
