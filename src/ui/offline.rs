//! Registers the service worker (public/sw.js) and hands it the page's own files to keep, so the
//! planner opens again with no network.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The page's files: the document itself and every linked script, style, wasm and icon.
fn own_files() -> js_sys::Array {
    let urls = js_sys::Array::new();
    urls.push(&"./".into());
    urls.push(&"./index.html".into());
    if let Ok(nodes) = document().query_selector_all("link[href], script[src]") {
        for i in 0..nodes.length() {
            if let Some(el) = nodes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                if let Some(url) = el.get_attribute("href").or_else(|| el.get_attribute("src")) {
                    if !url.starts_with("data:") {
                        urls.push(&url.into());
                    }
                }
            }
        }
    }
    urls
}

pub fn register() {
    let navigator = window().navigator();
    let container = navigator.service_worker();
    // With no network and a worker already in place, registering again only asks for an update
    // that cannot be fetched, which the browser logs as an error; the worker in place serves.
    let offline_with_worker = !navigator.on_line() && container.controller().is_some();
    leptos::task::spawn_local(async move {
        if !offline_with_worker && JsFuture::from(container.register("./sw.js")).await.is_err() {
            return;
        }
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // Mark the page once its files are kept (the offline test waits for this).
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                let cached = js_sys::Reflect::get(&ev.data(), &"type".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .is_some_and(|t| t == "cached");
                if cached {
                    if let Some(body) = document().body() {
                        let _ = body.set_attribute("data-offline-ready", "true");
                    }
                }
            });
        container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        if let Some(worker) = registration.active() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"cache".into());
            let _ = js_sys::Reflect::set(&message, &"urls".into(), &own_files());
            let _ = worker.post_message(&message);
        }
    });
}
