//! A panic's message and place, on the browser's console in full and, in short, for the page's
//! failure message (`public/start-failure.js`). The wasm build aborts on a panic, and without
//! this the console and the message would show only "unreachable". The message's file and line
//! say where it happened; a JavaScript stack would add only unnamed wasm frames in a release
//! build.

use std::panic::PanicHookInfo;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// The global the page's failure script reads a panic's short message from.
const PANIC_GLOBAL: &str = "qualplanPanic";

pub fn show_panics_on_console() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&info.to_string());
        // Set before the abort, which the page's error listener then sees as "unreachable".
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &PANIC_GLOBAL.into(),
            &JsValue::from(short(info)),
        );
    }));
}

/// The panic's first line and where it happened: a JavaScript error's message carries its whole
/// stack, too long for a message that must stay in view on a phone.
fn short(info: &PanicHookInfo) -> String {
    let what = info
        .payload_as_str()
        .and_then(|p| p.lines().next())
        .unwrap_or("a panic");
    match info.location() {
        Some(at) => {
            // A dependency's file from its registry folder onwards ("tachys-0.2.19/src/…").
            let file = at.file();
            let file = file
                .split_once("/registry/src/")
                .and_then(|(_, rest)| rest.split_once('/'))
                .map_or(file, |(_, rest)| rest);
            format!("{what} ({file}:{})", at.line())
        }
        None => what.to_string(),
    }
}
