//! The overall verdict, itself a polite live region that announces each change of it (what
//! changed in the plan is announced by `announcer`): one element, so a screen reader reading the
//! page meets the verdict once.

use crate::plan::Check;
use crate::present::{verdict, Tone};
use leptos::prelude::*;

/// The mark before a verdict's words, wherever one is shown: ✓ met, ✗ not met, none otherwise.
pub fn tone_mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Met => "\u{2713} ",
        Tone::Unmet => "\u{2717} ",
        Tone::Unknown | Tone::Start => "",
    }
}

#[component]
pub fn Verdict(checked: Memo<Option<Check>>) -> impl IntoView {
    let verdict = Memo::new(move |_| {
        checked.with(|c| {
            let v = verdict(c.as_ref());
            (v.tone.as_str(), format!("{}{}", tone_mark(v.tone), v.words))
        })
    });
    view! {
        <p class=move || format!("verdict verdict-live {}", verdict.get().0) role="status" aria-live="polite">
            {move || verdict.get().1}
        </p>
    }
}
