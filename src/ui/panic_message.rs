//! A panic's message and place on the browser's console. The wasm build aborts on a panic, and
//! without this the console shows only "unreachable". The message's file and line say where it
//! happened; a JavaScript stack would add only unnamed wasm frames in a release build.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

pub fn show_panics_on_console() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
}
