//! Keeps the workspace and local storage in step, across tabs: saves on every change, takes
//! other tabs' saves, and never loses a change to a race or a text it cannot read.

use super::kept_store::{self, Stored};
use super::shared_catalogue::SharedCatalogue;
use super::storage;
use crate::plan::saved::{self, OtherTab, Revision};
use crate::plan::{Adopted, Workspace};
use leptos::prelude::*;
use std::collections::VecDeque;

/// Recent writes and reads kept for merging: a tab's save names the write it was made from.
const HISTORY: usize = 16;

/// The store as this tab last knew it: the text it last wrote or read, its revision, the plans
/// in it, and the recent revisions with their plans. Another tab's text is merged against the
/// write it was made from, so this tab's own changes since are made again on top, not lost.
struct Known {
    text: Option<String>,
    rev: Option<String>,
    workspace: Workspace,
    history: VecDeque<(String, Workspace)>,
    /// This tab's name in revisions, and how many writes it has made.
    tab: String,
    writes: u64,
}

impl Known {
    fn remember(&mut self, text: String, rev: Option<String>, workspace: Workspace) {
        if let Some(r) = &rev {
            if self.history.len() == HISTORY {
                self.history.pop_front();
            }
            self.history.push_back((r.clone(), workspace.clone()));
        }
        self.text = Some(text);
        self.rev = rev;
        self.workspace = workspace;
    }
}

/// Saves `workspace` on every change (unless `held`), and follows other tabs' saves. Messages go
/// to `tell`; kept copies made on the way are listed again in `kept`.
pub fn use_saved_workspace(
    catalogue: RwSignal<SharedCatalogue>,
    workspace: RwSignal<Workspace>,
    held: RwSignal<bool>,
    kept: RwSignal<Vec<Stored>>,
    tell: impl Fn(String) + Copy + 'static,
) {
    let text = storage::read();
    let rev = text
        .as_deref()
        .and_then(|t| saved::decode(t, &catalogue.get_untracked()).revision.rev);
    let start = workspace.get_untracked();
    let known = StoredValue::new(Known {
        text,
        history: rev.iter().map(|r| (r.clone(), start.clone())).collect(),
        rev,
        workspace: start,
        tab: format!("{:x}", (js_sys::Math::random() * 4_294_967_296.0) as u64),
        writes: 0,
    });
    // Set while applying a save that is already in the store, which must not be written back
    // (the tabs would answer each other for ever, each with its own open plan).
    let from_store = StoredValue::new(false);

    // Takes another tab's `text` into `w`; false when it cannot be read here (it is then kept).
    let receive = move |w: &mut Workspace, text: String| -> bool {
        let outcome = known.with_value(|k| {
            let history: Vec<(String, Workspace)> = k.history.iter().cloned().collect();
            saved::take_other_tab(w, &history, &k.workspace, &text, &catalogue.get_untracked())
        });
        match outcome {
            OtherTab::Taken {
                adopted,
                notes,
                theirs,
                revision,
            } => {
                notes.into_iter().for_each(tell);
                if let Adopted::OpenPlanGone { name, now } = adopted {
                    tell(format!("\u{201c}{name}\u{201d}, the plan open here, was deleted in another tab; this tab now shows \u{201c}{now}\u{201d}."));
                }
                known.update_value(|k| k.remember(text, revision.rev, theirs));
                true
            }
            OtherTab::Refused { problems } => {
                let first = storage::reason(&problems);
                match kept_store::keep(storage::KEY, &first, &text) {
                    Ok(_) => tell(format!("Another tab, or a newer version of the planner, saved plans this tab cannot wholly read: {first} Your plans here are unchanged, and the other save is kept whole: see Kept copies.")),
                    Err(why) => {
                        held.set(true);
                        tell(storage::held_words(&why));
                    }
                }
                kept.set(kept_store::list());
                known.update_value(|k| k.text = Some(text));
                false
            }
        }
    };

    Effect::new(move |_| {
        let mut w = workspace.get();
        if from_store.get_value() {
            from_store.set_value(false);
            return;
        }
        if held.get() {
            return;
        }
        // Another tab wrote since this tab last looked (both changed the store at once): make
        // this tab's changes again on top of theirs before writing, so neither is lost.
        let mut merged = false;
        if let Some(text) = storage::read() {
            if known.with_value(|k| k.text.as_deref() != Some(text.as_str())) {
                merged = receive(&mut w, text);
                if held.get_untracked() {
                    return;
                }
            }
        }
        let revision = known.with_value(|k| Revision {
            rev: Some(format!("{}:{}", k.tab, k.writes + 1)),
            base: k.rev.clone(),
        });
        let rev = revision.rev.clone();
        match storage::save(&w, revision) {
            Ok(text) => known.update_value(|k| {
                k.writes += 1;
                k.remember(text, rev, w.clone());
            }),
            Err(message) => tell(message),
        }
        if merged {
            from_store.set_value(true);
            workspace.set(w);
        }
    });

    // Another tab saved: show its plans (with this tab's own changes since, if any), but keep
    // this tab on the plan it has open, so two tabs can show two plans side by side.
    storage::on_other_tab_change(storage::KEY, move |_| {
        // The event may be late: what the store holds now is what counts, and a text this tab
        // already merged (or wrote) is not taken again over this tab's changes since.
        let Some(text) = storage::read() else { return };
        if known.with_value(|k| k.text.as_deref() == Some(text.as_str())) {
            return;
        }
        let mut w = workspace.get_untracked();
        if !receive(&mut w, text) {
            return;
        }
        // Written back only where this tab's own changes made it differ from the store.
        let same = known
            .with_value(|k| k.workspace.plans == w.plans && k.workspace.set_aside == w.set_aside);
        from_store.set_value(same);
        workspace.set(w);
    });
}
