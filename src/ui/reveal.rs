//! Brings something that just appeared into view when it is not: the finish date after its
//! button, the field an exemption asks for. The plan column scrolls by itself on a laptop, so the
//! element is measured against the column as well as the window; one already in view is left
//! where it is, so nothing jumps. One taller than the room shows its start.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// After the next frame, focuses the element `id`, which the browser brings into view: for a
/// control whose element a change replaced (a reading re-draws the rules), or a place for the
/// keyboard to land when the control pressed goes away.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// After the next frame (once it is drawn), scrolls the element `id` just into view.
pub fn reveal_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || reveal(&id));
}

/// After the next frame, opens the disclosure `details` (a `<details>` element) and scrolls the
/// element `id` inside it just into view.
pub fn open_and_reveal_soon(details: String, id: String) {
    request_animation_frame(move || {
        if let Some(d) = document().get_element_by_id(&details) {
            let _ = d.set_attribute("open", "");
        }
        reveal(&id);
    });
}

/// After the next frame, scrolls `row` up just far enough for its foot to clear the phone's
/// summary bar, when its top is above the bar and its foot under it: a unit's "In your plan"
/// after an Add pressed near the foot of the screen. A row wholly out of view is left there, and
/// so is one whose scroll would bring the plan up over the bar.
pub fn uncover_soon(row: web_sys::Element) {
    request_animation_frame(move || {
        let Some(bar) = document().get_element_by_id("summary-bar") else {
            return;
        };
        let (b, r) = (
            bar.get_bounding_client_rect(),
            row.get_bounding_client_rect(),
        );
        // A bar not shown (wider screens, a plan from a link) has no height. Near the list's end
        // the scroll would bring the plan, which passes over the bar, up over it and hide the new
        // verdict: there the row is left, and the bar shows the change.
        let list_end = row
            .closest(".available")
            .ok()
            .flatten()
            .map_or(f64::MAX, |list| list.get_bounding_client_rect().bottom());
        let lift = r.bottom() - b.top();
        if b.height() > 0.0 && r.top() < b.top() && lift > 0.0 && list_end - lift >= b.bottom() {
            row.scroll_into_view_with_bool(false);
        }
    });
}

fn reveal(id: &str) {
    let doc = document();
    let Some(el) = doc.get_element_by_id(id) else {
        return;
    };
    let r = el.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let (mut top, mut bottom) = (0.0, height);
    if let Some(column) = el.closest(".plan-column").ok().flatten() {
        let c = column.get_bounding_client_rect();
        top = c.top().max(top);
        bottom = c.bottom().min(bottom);
    }
    if r.top() < top {
        el.scroll_into_view_with_bool(true);
    } else if r.bottom() > bottom {
        // Its end into view, or its start where it is taller than the room there is.
        el.scroll_into_view_with_bool(r.height() > bottom - top);
    }
}
