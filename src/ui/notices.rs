//! Messages the person must see: what went wrong (a save that could not be read, a file
//! refused), in a red box that is announced at once; what was done (a file loaded, plans
//! imported), in a green one announced politely. Each can be dismissed; the same message is not
//! shown twice, and only the latest few stay.

use leptos::prelude::*;

/// Messages kept on screen at once; older ones go first.
const SHOWN: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Done,
    Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    id: u64,
    kind: Kind,
    text: String,
}

/// The messages on screen; copied into every component that reports something.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

impl Notices {
    pub fn new(problems: Vec<String>) -> Notices {
        let notices = Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        };
        problems.into_iter().for_each(|p| notices.problem(p));
        notices
    }

    /// Something went wrong or needs the person's attention.
    pub fn problem(&self, text: impl Into<String>) {
        self.push(Kind::Problem, text.into());
    }

    /// Something the person asked for was done.
    pub fn done(&self, text: impl Into<String>) {
        self.push(Kind::Done, text.into());
    }

    /// Shows a message of `kind`; its id lets the sender take it down when it no longer holds.
    pub fn push(&self, kind: Kind, text: String) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|list| {
            list.retain(|n| n.text != text);
            list.push(Notice { id, kind, text });
            let over = list.len().saturating_sub(SHOWN);
            list.drain(..over);
        });
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|n| n.id != id));
    }
}

fn region(notices: Notices, kind: Kind) -> impl IntoView {
    let of_kind = move || {
        notices.list.with(|l| {
            l.iter()
                .filter(|n| n.kind == kind)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let (class, role, heading) = match kind {
        Kind::Problem => ("notices problems", "alert", "There is a problem"),
        Kind::Done => ("notices done", "status", "Done"),
    };
    view! {
        <Show when=move || !of_kind().is_empty()>
            <div class=class role=role>
                <h2 class="notices-heading">{heading}</h2>
                <ul>
                    <For
                        each=of_kind
                        key=|n: &Notice| n.id
                        children=move |n: Notice| {
                            view! {
                                <li>
                                    <span class="notice-text">{lines(&n.text)}</span>
                                    <button
                                        type="button"
                                        class="dismiss"
                                        aria-label="Dismiss this message"
                                        on:click=move |_| notices.dismiss(n.id)
                                    >
                                        "Dismiss"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </div>
        </Show>
    }
}

/// A message's lines; a line indented by four spaces quotes input (a file's line with a caret
/// under the place) and keeps its spacing in a fixed-width face so the caret lines up.
fn lines(text: &str) -> impl IntoView {
    text.split('\n')
        .map(|line| match line.strip_prefix("    ") {
            Some(quoted) => {
                view! { <span class="quoted-line">{quoted.to_string()}</span> }.into_any()
            }
            None => view! { <span class="notice-line">{line.to_string()}</span> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn NoticeArea(notices: Notices) -> impl IntoView {
    view! {
        {region(notices, Kind::Problem)}
        {region(notices, Kind::Done)}
    }
}
