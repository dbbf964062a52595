//! Files in the browser: offering a download, and reading a file the user picked.

use crate::limits::check_bytes;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a JSON file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser refused to make the file")?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser refused to make a link")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The first file chosen in a file input, as (name, text); a file over `limit` bytes is refused
/// unread.
pub async fn read_chosen(
    input: web_sys::HtmlInputElement,
    limit: usize,
) -> Option<Result<(String, String), String>> {
    let file = input.files()?.get(0)?;
    let name = crate::limits::cut(&file.name(), 80);
    if let Err(e) = check_bytes("It", file.size() as usize, limit) {
        input.set_value("");
        return Some(Err(format!(
            "{name} was not read, and nothing was changed. {e}."
        )));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("The file {name} could not be read."))
        .and_then(|v| {
            v.as_string()
                .ok_or_else(|| format!("The file {name} is not text."))
        });
    // Let the same file be chosen again later.
    input.set_value("");
    Some(text.map(|t| (name, t)))
}

/// Handles a file input's change: reads the chosen file (at most `limit` bytes), then calls
/// `on_file(name, text)`, or `on_error` with a message for the user.
pub fn on_file_chosen(
    ev: leptos::ev::Event,
    limit: usize,
    on_error: impl Fn(String) + 'static,
    on_file: impl FnOnce(String, String) + 'static,
) {
    read_into(ev, limit, Box::new(on_error), Box::new(on_file));
}

/// The reading itself, not generic: one copy of it in the wasm for every file input.
fn read_into(
    ev: leptos::ev::Event,
    limit: usize,
    on_error: Box<dyn Fn(String)>,
    on_file: Box<dyn FnOnce(String, String)>,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        match read_chosen(input, limit).await {
            None => {}
            Some(Err(e)) => on_error(e),
            Some(Ok((name, text))) => on_file(name, text),
        }
    });
}
