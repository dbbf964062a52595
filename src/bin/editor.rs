//! The qualification editor's browser entry point (editor.html), built by trunk beside the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    qualplan::ui::mount_editor();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qualplan-editor is the browser build of the editor: run `cargo xtask serve` and open /editor.html");
}
