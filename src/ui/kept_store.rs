//! Kept copies in local storage: each under a key of its own (`qualplan.kept.<time>-<n>`), never
//! written over; texts kept by earlier versions under their old keys are listed too.

use super::storage::{refusal_name, storage};
use crate::plan::kept::KeptCopy;
use crate::sort::SmallSort;

pub const PREFIX: &str = "qualplan.kept.";
/// Where earlier versions kept one unreadable text each (overwritten by the next problem).
pub const LEGACY_KEYS: [&str; 2] = ["qualplan.unreadable", "qualplan.catalogues.unreadable"];

/// A kept copy and the key it lives under.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub key: String,
    pub copy: KeptCopy,
}

/// Every kept copy, newest first.
pub fn list() -> Vec<Stored> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        let Some(key) = s.key(i).ok().flatten() else {
            continue;
        };
        let legacy = LEGACY_KEYS.contains(&key.as_str());
        if !legacy && !key.starts_with(PREFIX) {
            continue;
        }
        let Some(text) = s.get_item(&key).ok().flatten() else {
            continue;
        };
        let copy = match KeptCopy::decode(&text) {
            Some(copy) if !legacy => copy,
            _ => KeptCopy::bare(&key, text),
        };
        out.push(Stored { key, copy });
    }
    out.sort_small_by(|a, b| {
        b.copy
            .kept_at
            .total_cmp(&a.copy.kept_at)
            .then_with(|| b.key.cmp(&a.key))
    });
    out
}

/// A key no copy uses yet. The time is written as an integer: formatting an f64 would pull
/// the float printer into the wasm.
fn fresh_key(s: &web_sys::Storage, now: f64) -> String {
    let ms = now as u64;
    (0u32..)
        .map(|n| format!("{PREFIX}{ms}-{n}"))
        .find(|k| s.get_item(k).ok().flatten().is_none())
        .expect("some number is free")
}

/// Keeps `text`, which is stored under `from`, as a copy. Where there is no room for a second
/// copy, the original is moved instead (its room freed first, then written under the new key);
/// if even that fails the original is put back where it was and the error says why: the caller
/// must then not write over `from`.
pub fn keep(from: &str, reason: &str, text: &str) -> Result<String, String> {
    let Some(s) = storage() else {
        return Err("this browser does not allow local storage".into());
    };
    let now = js_sys::Date::now();
    let key = fresh_key(&s, now);
    let record = KeptCopy {
        kept_at: now,
        reason: reason.to_string(),
        from: from.to_string(),
        text: text.to_string(),
    }
    .encode();
    if s.set_item(&key, &record).is_ok() {
        return Ok(key);
    }
    let holds_original = s.get_item(from).ok().flatten().as_deref() == Some(text);
    if holds_original {
        let _ = s.remove_item(from);
        match s.set_item(&key, &record) {
            Ok(()) => return Ok(key),
            Err(e) => {
                let _ = s.set_item(from, text);
                let _ = s.remove_item(&key);
                return Err(no_room(&refusal_name(&e)));
            }
        }
    }
    Err(no_room("QuotaExceededError"))
}

fn no_room(name: &str) -> String {
    if name == "QuotaExceededError" {
        "this browser's storage for the planner is full".to_string()
    } else {
        format!("the browser refused ({name})")
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Puts a removed copy back under its key (undo).
pub fn put_back(stored: &Stored) -> Result<(), String> {
    let Some(s) = storage() else {
        return Err("This browser does not allow local storage.".into());
    };
    let text = if LEGACY_KEYS.contains(&stored.key.as_str()) {
        stored.copy.text.clone()
    } else {
        stored.copy.encode()
    };
    s.set_item(&stored.key, &text)
        .map_err(|e| format!("The copy could not be put back ({}).", refusal_name(&e)))
}
