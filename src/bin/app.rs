//! The browser entry point that trunk builds: mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    qualplan::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qualplan-app is the browser build: run `cargo xtask serve`");
}
