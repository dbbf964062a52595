//! The persistence adapter: the workspace in the browser's local storage, versioned (see
//! `plan::saved`), with unreadable saves kept as copies (`kept_store`) and a full quota reported.

use super::kept_store;
use crate::catalogue::Catalogue;
use crate::plan::saved::{self, Restored};
use crate::plan::Workspace;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const KEY: &str = "qualplan.workspace";

/// Whether this browser lets the page use local storage at all (some private modes do not).
pub fn available() -> bool {
    storage().is_some()
}

/// The browser's local storage, where it allows one.
pub(crate) fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The name of the exception a refused write threw ("QuotaExceededError", ...).
pub(crate) fn refusal_name(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default()
}

/// The workspace as restored at start-up, and what the person must be told.
pub struct Loaded {
    pub workspace: Workspace,
    pub messages: Vec<String>,
    /// An unreadable save could not be copied: it stays under `KEY`, and nothing may be written
    /// over it until the person downloads it or chooses to save anyway.
    pub held: bool,
}

/// Restores the saved workspace, or a fresh one. A save that cannot be wholly used is kept as a
/// copy before anything is written; problems come back in plain words.
pub fn load(catalogue: &Catalogue) -> Loaded {
    let Some(s) = storage() else {
        return Loaded {
            workspace: Workspace::new(catalogue),
            messages: vec!["This browser does not allow local storage, so plans will not be kept after you close the page.".into()],
            held: false,
        };
    };
    let Some(text) = s.get_item(KEY).ok().flatten() else {
        return Loaded {
            workspace: Workspace::new(catalogue),
            messages: Vec::new(),
            held: false,
        };
    };
    let Restored {
        workspace,
        mut problems,
        notes,
        unreadable,
        ..
    } = saved::decode(&text, catalogue);
    let mut held = false;
    problems.extend(notes);
    if let Some(bad) = unreadable {
        match kept_store::keep(KEY, &reason(&problems), &bad) {
            Ok(_) => problems.push(KEPT.into()),
            Err(why) => {
                problems.push(held_words(&why));
                held = true;
            }
        }
    }
    Loaded {
        workspace,
        messages: problems,
        held,
    }
}

/// What the person reads once a copy is kept.
pub const KEPT: &str =
    "The save as it was is kept whole: see Kept copies to download it or take back its plans.";

/// What the person reads when a save could not be copied and is held where it is.
pub fn held_words(why: &str) -> String {
    format!("No copy of the save could be kept ({why}). It is left where it was, and this tab will not save over it until you download it or choose to save anyway (see Kept copies).")
}

/// A kept copy's reason: the first problem, cut short.
pub fn reason(problems: &[String]) -> String {
    crate::limits::cut(problems.first().map(String::as_str).unwrap_or(""), 300)
}

/// What the store holds now under `KEY`.
pub fn read() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the workspace marked with `revision`, returning the text written; a full quota or a
/// refusal is returned as a message for the user.
pub fn save(workspace: &Workspace, revision: saved::Revision) -> Result<String, String> {
    let text = saved::encode_revision(workspace, revision);
    let Some(s) = storage() else { return Ok(text) };
    s.set_item(KEY, &text).map(|_| text).map_err(|e| {
        let name = refusal_name(&e);
        if name == "QuotaExceededError" {
            "Your plans could not be saved: the browser's storage for this site is full. Delete plans or kept copies you no longer need, or export them.".to_string()
        } else {
            format!("Your plans could not be saved ({name}).")
        }
    })
}

/// Calls `f` with the new text (`None` when removed) whenever another tab changes `key`.
pub fn on_other_tab_change(key: &'static str, f: impl Fn(Option<String>) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(key) {
            f(ev.new_value());
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
