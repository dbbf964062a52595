//! Share, export, import and print: a plan leaves the browser only as the user chooses.

use super::browser_files::{download, on_file_chosen};
use super::notices::Notices;
use super::print_summary::Printing;
use super::shared_catalogue::SharedCatalogue;
use crate::limits::MAX_PLAN_FILE_BYTES;
use crate::plan::{exchange, share, Workspace};
use crate::present::{LINK_COPIED_MARK, LINK_NOT_COPIED};
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name](arg)`, or an error where there is no such method or it throws.
fn call(target: &JsValue, name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(name))?
        .dyn_into::<Function>()?
        .call1(target, arg)
}

/// Puts `text` on the clipboard through the Clipboard API (`navigator.clipboard.writeText`),
/// which only secure pages have and a browser may refuse.
async fn write_clipboard(text: &str) -> bool {
    let Ok(clipboard) = Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    match call(&clipboard, "writeText", &JsValue::from_str(text)).map(Promise::from) {
        Ok(p) => JsFuture::from(p).await.is_ok(),
        Err(_) => false,
    }
}

/// The older way: select the field's text and copy the selection (`document.execCommand`).
fn copy_selected(input: &web_sys::HtmlInputElement) -> bool {
    let _ = input.focus();
    input.select();
    call(&document(), "execCommand", &JsValue::from_str("copy"))
        .map(|done| done.as_bool() == Some(true))
        .unwrap_or(false)
}

#[component]
pub fn PlanTools(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    notices: Notices,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let printing = expect_context::<Printing>();
    // The page's address does not change while it is open, only its fragment: read once.
    let base = window().location().href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    let base = StoredValue::new(base);
    let link = move || {
        let base = base.get_value();
        workspace.with(|w| format!("{base}#{}", share::encode(w.plan())))
    };
    let tell = move |m: String| notices.problem(m);
    let field: NodeRef<leptos::html::Input> = NodeRef::new();
    // The link last copied: said beside the button (a status) while the link is the same, not as
    // a notice at the top of the page, which would push the page down under the pointer (onto
    // the plan's buttons above) and, on a phone, out of view.
    let copied: RwSignal<Option<String>> = RwSignal::new(None);
    let is_copied = move || copied.with(|c| c.as_deref() == Some(link().as_str()));
    let copy = move |_| {
        let text = link();
        leptos::task::spawn_local(async move {
            let done = write_clipboard(&text).await
                || field.get_untracked().is_some_and(|i| copy_selected(&i));
            if done {
                copied.set(Some(text));
            } else {
                copied.set(None);
                // Left selected in the field, for the person to copy.
                if let Some(i) = field.get_untracked() {
                    let _ = i.focus();
                    i.select();
                }
                notices.problem(LINK_NOT_COPIED);
            }
        });
    };
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
            move |name, text| match exchange::import(&text, &catalogue.get_value()) {
                Ok(plans) => {
                    let n = plans.len();
                    workspace.update(|w| w.add_plans(plans));
                    notices.done(format!(
                        "Imported {} from {name}.",
                        crate::limits::counted(n, "plan", "plans")
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
            <div class="share-row">
                <input id="share-link" type="text" readonly node_ref=field prop:value=link on:focus=move |ev| {
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                } />
                <button type="button" class="primary" on:click=copy>"Copy link"</button>
                // Its room kept while empty, so the button does not move as it is said.
                <span class="copy-state" role="status"><span hidden=move || !is_copied()>{LINK_COPIED_MARK}</span></span>
            </div>
            <p class="hint">"The plan is in the link itself: nothing is sent to a server."</p>
            <div class="tool-buttons">
                <button type="button" on:click=export_one>"Export this plan"</button>
                <button type="button" on:click=export_all>"Export all plans"</button>
                <label class="file-button" for="import-plans">"Import plans"</label>
                <input id="import-plans" type="file" accept="application/json,.json" on:change=import />
                <button type="button" on:click=move |_| printing.print()>"Print this plan"</button>
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
