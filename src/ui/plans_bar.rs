//! Named plans: switch, create, rename, duplicate, delete.

use super::notices::Notices;
use super::reveal::focus_soon;
use crate::plan::{DeletedPlan, Workspace};
use leptos::html::Select;
use leptos::prelude::*;
use web_sys::HtmlOptionElement;

/// Replaces the select's options with one per plan name (as text, never markup), the open plan
/// selected.
fn fill_options(select: &web_sys::HtmlSelectElement, names: &[String], open: usize) {
    let options = document().create_document_fragment();
    for (i, name) in names.iter().enumerate() {
        let chosen = i == open;
        if let Ok(option) =
            HtmlOptionElement::new_with_text_and_value_and_default_selected_and_selected(
                name,
                &i.to_string(),
                chosen,
                chosen,
            )
        {
            let _ = options.append_child(&option);
        }
    }
    select.set_text_content(None);
    let _ = select.append_child(&options);
}

#[component]
pub fn PlansBar(workspace: RwSignal<Workspace>, notices: Notices) -> impl IntoView {
    // Memos, so thousands of plans are not listed afresh on every change to the open one.
    let names = Memo::new(move |_| {
        workspace.with(|w| w.plans.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
    });
    let current_index = Memo::new(move |_| workspace.with(|w| w.current));
    let current = move || current_index.get();
    let open_name = Memo::new(move |_| workspace.with(|w| w.plan().name.clone()));
    let select: NodeRef<Select> = NodeRef::new();
    // The options are made here, not in the view: one call per option and one insertion for
    // them all. With 3,000 plans that took the first render from 230 to 184 ms (median, headless
    // Chromium; without any options it is 148). They are remade only when the names change;
    // switching plans goes through `prop:value`.
    Effect::new(move |_| {
        let Some(select) = select.get() else { return };
        names.with(|names| fill_options(&select, names, current_index.get_untracked()));
    });

    // Rename in place: the form opens with the current name filled in.
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let select_all =
        move |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    // The keyboard goes back to the button that opened the form.
    let close_rename = move || {
        renaming.set(false);
        focus_soon("rename-plan");
    };
    let rename = move || {
        let n = name.get();
        let mut refused = None;
        workspace.update(|w| refused = w.rename(&n).err());
        match refused {
            None => close_rename(),
            Some(e) => notices.problem(format!("The plan was not renamed: {e}.")),
        }
    };
    // Delete asks first, and can be undone.
    let confirming = RwSignal::new(false);
    // A rename or a delete asked about is for the plan open when it was asked: another plan
    // opened (switched to, made new) closes it, so neither acts on a plan not meant.
    Effect::new(move |_| {
        current_index.track();
        renaming.set(false);
        confirming.set(false);
    });
    let deleted: RwSignal<Option<DeletedPlan>> = RwSignal::new(None);
    let only_plan = move || names.with(|n| n.len() == 1);
    let unit_count = move || workspace.with(|w| w.plan().units.len());
    let ask = move || {
        let n = unit_count();
        let units = crate::limits::counted(n, "unit", "units");
        if only_plan() {
            format!(
                "\u{201c}{}\u{201d} is your only plan. Empty it of its {units}?",
                open_name.get()
            )
        } else {
            format!(
                "Delete \u{201c}{}\u{201d} and its {units}?",
                open_name.get()
            )
        }
    };
    let confirm_label = move || {
        if only_plan() {
            format!("Empty \u{201c}{}\u{201d}", open_name.get())
        } else {
            format!("Delete \u{201c}{}\u{201d}", open_name.get())
        }
    };
    view! {
        <div class="plans-bar">
            <div class="plan-choice">
                <label for="plan-select">"Plan"</label>
                <select
                    id="plan-select"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            workspace.update(|w| {
                                w.switch(i);
                            });
                        }
                    }
                    prop:value=move || current().to_string()
                    node_ref=select
                >
                </select>
            </div>
            <div class="plan-actions">
                <button type="button" id="rename-plan" on:click=move |_| {
                    name.set(open_name.get_untracked());
                    renaming.set(true);
                    focus_soon("plan-name");
                }>"Rename plan"</button>
                <button type="button" on:click=move |_| workspace.update(Workspace::new_plan)>"New plan"</button>
                <button type="button" on:click=move |_| workspace.update(Workspace::duplicate)>"Duplicate plan"</button>
                <button type="button" id="delete-plan" on:click=move |_| {
                    confirming.set(true);
                    focus_soon("delete-question");
                }>"Delete plan"</button>
            </div>
            <Show when=move || renaming.get()>
                <form class="rename" on:submit=move |ev| {
                    ev.prevent_default();
                    rename();
                }>
                    <label for="plan-name">"New name"</label>
                    // The name selected as the field takes focus: typing replaces it.
                    <input
                        id="plan-name"
                        type="text"
                        maxlength="120"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        on:focus=select_all
                    />
                    <button type="submit" class="primary">"Save name"</button>
                    <button type="button" on:click=move |_| close_rename()>"Cancel"</button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <div class="confirm" role="group" aria-label="Confirm delete">
                    // The question takes focus, so it is read first; Tab goes on to the answers.
                    <p id="delete-question" tabindex="-1">{ask}</p>
                    <button type="button" class="warning" on:click=move |_| {
                        let mut gone = None;
                        workspace.update(|w| gone = Some(w.delete()));
                        deleted.set(gone);
                        confirming.set(false);
                        focus_soon("undo-delete");
                    }>{confirm_label}</button>
                    <button type="button" on:click=move |_| {
                        confirming.set(false);
                        focus_soon("delete-plan");
                    }>"Cancel"</button>
                </div>
            </Show>
            <Show when=move || deleted.with(Option::is_some)>
                <p class="undo" role="status">
                    {move || deleted.with(|d| d.as_ref().map(|d| if d.emptied {
                        format!("Emptied \u{201c}{}\u{201d}.", d.plan.name)
                    } else {
                        format!("Deleted \u{201c}{}\u{201d}.", d.plan.name)
                    }))}
                    " "
                    <button type="button" id="undo-delete" on:click=move |_| {
                        if let Some(d) = deleted.get_untracked() {
                            workspace.update(|w| w.undo_delete(d));
                        }
                        deleted.set(None);
                        focus_soon("plan-select");
                    }>"Undo"</button>
                    " "
                    <button type="button" aria-label="Dismiss" on:click=move |_| {
                        deleted.set(None);
                        focus_soon("plan-select");
                    }>"\u{2715}"</button>
                </p>
            </Show>
        </div>
    }
}
