//! The overall verdict, and a polite live region that announces each change of it.

use crate::plan::Check;
use crate::rules::Status;
use leptos::prelude::*;

#[component]
pub fn Verdict(checked: Memo<Option<Check>>) -> impl IntoView {
    let verdict = Memo::new(move |_| {
        checked.with(|c| match c {
            None => ("unknown", "No qualification chosen.".to_string()),
            Some(c) => match c.evaluation.compliant {
                Some(true) => ("met", "\u{2713} This plan meets every rule of combination.".to_string()),
                Some(false) => {
                    let unmet = c.evaluation.rules.iter().filter(|r| r.status == Status::Unmet).count();
                    let all = c.evaluation.rules.len();
                    (
                        "unmet",
                        format!("\u{2717} Not yet: {unmet} of {all} rules of combination not met."),
                    )
                }
                None => (
                    "unknown",
                    "The document publishes no rules of combination for this qualification, so the plan cannot be checked.".to_string(),
                ),
            },
        })
    });
    view! {
        <p class=move || format!("verdict {}", verdict.get().0)>{move || verdict.get().1}</p>
        <div class="visually-hidden" role="status" aria-live="polite">{move || verdict.get().1}</div>
    }
}
