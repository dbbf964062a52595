//! The editor's details: title, awarding body, numbers, level, size and published figures.

use super::editor_state::Editor;
use crate::catalogue::{Level, Qualification, Size};
use crate::editor::draft::parse_figure;
use leptos::prelude::*;

/// Every level a qualification can have, as the select offers them.
pub fn all_levels() -> Vec<Level> {
    (1..=3)
        .map(Level::Entry)
        .chain((1..=8).map(Level::Numbered))
        .collect()
}

const SIZES: [Size; 4] = [Size::Award, Size::Certificate, Size::Diploma, Size::Nvq];

/// A text field of the qualification, changed as the person types.
fn text_field(
    editor: Editor,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&Qualification) -> String,
    set: fn(&mut crate::editor::draft::Draft, String),
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <input
                id=id
                type="text"
                prop:value=move || editor.with(|d| get(d.qualification())).unwrap_or_default()
                // As typed while typing (a space before the next word stays), trimmed when the
                // field is left.
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    editor.edit(|d| set(d, v));
                }
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().to_string();
                    editor.edit(|d| set(d, v));
                }
            />
        </div>
    }
}

/// A published figure: empty for "not published"; anything else must be a whole number.
fn figure_field(
    editor: Editor,
    id: &'static str,
    label: &'static str,
    get: fn(&Qualification) -> Option<u32>,
    set: fn(&mut Qualification, Option<u32>),
) -> impl IntoView {
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let error_id = format!("{id}-error");
    view! {
        <div class="field figure" class:field-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {move || error.get().map(|e| view! { <span class="error-message" id=format!("{id}-error")>{e}</span> })}
            <input
                id=id
                type="text"
                inputmode="numeric"
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                placeholder="not published"
                prop:value=move || editor.with(|d| get(d.qualification()).map(|n| n.to_string())).flatten().unwrap_or_default()
                on:change=move |ev| match parse_figure(&event_target_value(&ev)) {
                    Ok(n) => {
                        error.set(None);
                        editor.edit(|d| set(d.qualification_mut(), n));
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            />
        </div>
    }
}

#[component]
pub fn EditorDetails(editor: Editor) -> impl IntoView {
    view! {
        <fieldset class="editor-details" id="editor-details">
            <legend>"Details"</legend>
            {text_field(editor, "ed-title", "Title", "As the document prints it", |q| q.title.clone(), |d, v| d.qualification_mut().title = v)}
            {text_field(editor, "ed-body", "Awarding body", "", |q| q.awarding_body.clone(), |d, v| d.set_awarding_body(&v))}
            {text_field(editor, "ed-regulator", "Regulator number", "Leave empty if none is printed", |q| q.regulator_number.clone().unwrap_or_default(), |d, v| d.qualification_mut().regulator_number = Some(v).filter(|s| !s.trim().is_empty()))}
            {text_field(editor, "ed-number", "Awarding-body number", "Leave empty if none is printed", |q| q.awarding_body_number.clone().unwrap_or_default(), |d, v| d.qualification_mut().awarding_body_number = Some(v).filter(|s| !s.trim().is_empty()))}
            <div class="field">
                <label for="ed-level">"Level"</label>
                <select
                    id="ed-level"
                    on:change=move |ev| {
                        if let Some(l) = Level::parse(&event_target_value(&ev)) {
                            editor.edit(|d| d.qualification_mut().level = l);
                        }
                    }
                >
                    {all_levels().into_iter().map(|l| view! {
                        <option value=l.to_string() selected=move || editor.with(|d| d.qualification().level == l).unwrap_or(false)>{l.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ed-size">"Size"</label>
                <select
                    id="ed-size"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = SIZES.into_iter().find(|s| s.as_str() == v) {
                            editor.edit(|d| d.qualification_mut().size = s);
                        }
                    }
                >
                    {SIZES.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || editor.with(|d| d.qualification().size == s).unwrap_or(false)>{s.as_str()}</option>
                    }).collect_view()}
                </select>
            </div>
            {figure_field(editor, "ed-glh", "Guided learning hours (GLH)", |q| q.glh, |q, n| q.glh = n)}
            {figure_field(editor, "ed-tqt", "Total qualification time (TQT)", |q| q.tqt, |q, n| q.tqt = n)}
            {figure_field(editor, "ed-credits", "Minimum credits", |q| q.min_credits, |q, n| q.min_credits = n)}
            <p class="hint qualification-id">"Its id, as files and links name it: "<code>{move || editor.with(|d| d.qualification().id.clone()).unwrap_or_default()}</code></p>
        </fieldset>
    }
}
