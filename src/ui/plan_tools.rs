//! Share, export, import and print: a plan leaves the browser only as the user chooses.

use super::browser_files::{download, on_file_chosen};
use super::notices::Notices;
use crate::catalogue::Catalogue;
use crate::limits::MAX_PLAN_FILE_BYTES;
use crate::plan::{exchange, share, Workspace};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn PlanTools(
    catalogue: &'static Catalogue,
    workspace: RwSignal<Workspace>,
    notices: Notices,
) -> impl IntoView {
    let link = move || {
        let base = window().location().href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        workspace.with(|w| format!("{base}#{}", share::encode(w.plan())))
    };
    let tell = move |m: String| notices.problem(m);
    let export_one = move |_| {
        let (name, text) = workspace.with(|w| {
            (
                w.plan().name.clone(),
                exchange::export(std::slice::from_ref(w.plan())),
            )
        });
        if let Err(e) = download(&format!("{}.qualplan.json", file_stem(&name)), &text) {
            tell(format!("The plan could not be exported: {e}."));
        }
    };
    let export_all = move |_| {
        let text = workspace.with(|w| exchange::export(&w.plans));
        if let Err(e) = download("plans.qualplan.json", &text) {
            tell(format!("The plans could not be exported: {e}."));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        on_file_chosen(
            ev,
            MAX_PLAN_FILE_BYTES,
            tell,
            move |name, text| match exchange::import(&text, catalogue) {
                Ok(plans) => {
                    let n = plans.len();
                    workspace.update(|w| w.add_plans(plans));
                    notices.done(format!(
                        "Imported {n} plan{} from {name}.",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                Err(e) => tell(format!(
                    "{name} was not imported, and nothing was changed. {e}"
                )),
            },
        );
    };
    view! {
        <details class="plan-tools">
            <summary>"Share, export, import or print"</summary>
            <label for="share-link">"Link to this plan"</label>
            <input id="share-link" type="text" readonly prop:value=link on:focus=move |ev| {
                if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    i.select();
                }
            } />
            <p class="hint">"The plan is in the link itself: nothing is sent to a server."</p>
            <div class="tool-buttons">
                <button type="button" on:click=export_one>"Export this plan"</button>
                <button type="button" on:click=export_all>"Export all plans"</button>
                <label class="file-button" for="import-plans">"Import plans"</label>
                <input id="import-plans" type="file" accept="application/json,.json" on:change=import />
                <button type="button" on:click=move |_| { let _ = window().print(); }>"Print this plan"</button>
            </div>
        </details>
    }
}

fn file_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.trim_matches('-').is_empty() {
        "plan".into()
    } else {
        s
    }
}
