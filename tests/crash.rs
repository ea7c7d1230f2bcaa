//! A real panic, from a test-only trigger, through the real panic hook: every
//! mounted widget is replaced by the "something went wrong — reload" message and
//! saved data is untouched. Its own test binary, because after a panic this wasm
//! instance must not be trusted to run other tests.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_real_panic_replaces_every_widget_with_a_reload_message() {
    let document = gloo::utils::document();
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    let saved = r#"{"version":1,"draft":null,"history":[]}"#;
    let mut mounts = Vec::new();
    for key in ["pr-crash-a", "pr-crash-b"] {
        storage.set_item(key, saved).unwrap();
        let mount = document.create_element("div").unwrap();
        mount.set_attribute("data-partnership-readiness", "").unwrap();
        mount.set_attribute("data-storage-key", key).unwrap();
        gloo::utils::body().append_child(&mount).unwrap();
        mounts.push(mount);
    }
    // Mounting installs the panic hook, as on a real page.
    assert_eq!(partnership_readiness::mount::mount_all(), 2);
    yew::scheduler::flush().await;
    assert!(mounts[0].text_content().unwrap().contains("Start the check"));

    // The test-only trigger: a click handler that panics inside the wasm module.
    // The browser reports the resulting error and `click()` returns.
    let trigger = document.create_element("button").unwrap();
    let panics = Closure::<dyn Fn()>::new(|| panic!("test-only panic"));
    trigger.add_event_listener_with_callback("click", panics.as_ref().unchecked_ref()).unwrap();
    panics.forget();
    // The test harness puts its own hook back whenever it resumes this test, so
    // the widget's hook (the one `mount_all` installed) is installed again right
    // before the synchronous click, as it would be on a real page.
    partnership_readiness::mount::install_panic_hook();
    trigger.dyn_ref::<web_sys::HtmlElement>().unwrap().click();

    for mount in &mounts {
        let alert = mount.query_selector("[role=alert]").unwrap().expect("a visible alert in each widget");
        let text = alert.text_content().unwrap();
        assert!(text.contains("Something went wrong") && text.contains("Reload"), "{text}");
        assert!(alert.query_selector("a[href]").unwrap().is_some(), "a reload link");
        assert!(mount.query_selector("button").unwrap().is_none(), "the stopped widget is gone");
    }
    for key in ["pr-crash-a", "pr-crash-b"] {
        assert_eq!(storage.get_item(key).unwrap().as_deref(), Some(saved), "saved data untouched");
    }
}
