//! The persistence adapter: the workspace in the browser's local storage, versioned (see
//! `plan::saved`), with unreadable saves kept aside and a full quota reported.

use crate::catalogue::Catalogue;
use crate::plan::saved::{self, Restored};
use crate::plan::Workspace;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const KEY: &str = "qualplan.workspace";
/// Where a save that could not be read is kept, so nothing is lost.
pub const UNREADABLE_KEY: &str = "qualplan.unreadable";

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

/// Restores the saved workspace, or a fresh one. Problems come back in plain words.
pub fn load(catalogue: &Catalogue) -> Restored {
    let Some(s) = storage() else {
        return Restored {
            workspace: Workspace::new(catalogue),
            problems: vec!["This browser does not allow local storage, so plans will not be kept after you close the page.".into()],
            unreadable: None,
        };
    };
    match s.get_item(KEY).ok().flatten() {
        None => Restored {
            workspace: Workspace::new(catalogue),
            problems: Vec::new(),
            unreadable: None,
        },
        Some(text) => {
            let restored = saved::decode(&text, catalogue);
            if let Some(bad) = &restored.unreadable {
                let _ = s.set_item(UNREADABLE_KEY, bad);
            }
            restored
        }
    }
}

/// Saves the workspace; a full quota or a refusal is returned as a message for the user.
pub fn save(workspace: &Workspace) -> Result<(), String> {
    let Some(s) = storage() else { return Ok(()) };
    s.set_item(KEY, &saved::encode(workspace)).map_err(|e| {
        let name = refusal_name(&e);
        if name == "QuotaExceededError" {
            "Your plans could not be saved: the browser's storage for this site is full. Delete plans you no longer need, or export them.".to_string()
        } else {
            format!("Your plans could not be saved ({name}).")
        }
    })
}

/// Calls `f` with the new saved text whenever another tab saves.
pub fn on_other_tab_change(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(KEY) {
            if let Some(text) = ev.new_value() {
                f(text);
            }
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
