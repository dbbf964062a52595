//! A minimal Leptos view with no core: a labelled button that counts its presses, mounted as the
//! app mounts. `cargo xtask size-steps` builds it to measure what Leptos itself weighs under the
//! app's profile; it is not shipped.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| {
        let presses = RwSignal::new(0u32);
        view! {
            <button type="button" on:click=move |_| presses.update(|n| *n += 1)>
                "Pressed " {move || presses.get()} " times"
            </button>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("view_only is a browser build for `cargo xtask size-steps`");
}
