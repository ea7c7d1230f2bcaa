//! How the widget gets onto a host page: every marked element, its storage key,
//! ids that do not clash, and no focus taken from the host on load.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use partnership_readiness::mount::mount_all;

use crate::support::{fresh_key, stored};

fn element(html_tag: &str) -> web_sys::Element {
    gloo::utils::document().create_element(html_tag).unwrap()
}

#[wasm_bindgen_test]
async fn every_marked_element_gets_a_widget_with_its_own_key_and_ids() {
    let custom_key = fresh_key("mount-custom");
    let default_key = fresh_key("partnership-readiness");
    let _ = default_key;
    let host = element("div");
    gloo::utils::body().append_child(&host).unwrap();
    let outside = element("input");
    host.append_child(&outside).unwrap();
    let mut mounts = Vec::new();
    for key in [Some(format!("  {custom_key}  ")), Some("   ".to_owned()), None] {
        let mount = element("div");
        mount.set_attribute("data-partnership-readiness", "").unwrap();
        if let Some(key) = key {
            mount.set_attribute("data-storage-key", &key).unwrap();
        }
        mount.set_text_content(Some("Host placeholder"));
        host.append_child(&mount).unwrap();
        mounts.push(mount);
    }
    // The host page's own field has focus; the widgets must leave it there.
    outside.dyn_ref::<web_sys::HtmlElement>().unwrap().focus().unwrap();

    assert_eq!(mount_all(), 3);
    yew::scheduler::flush().await;
    assert_eq!(mount_all(), 0, "mounting again skips mounted elements");

    let active = gloo::utils::document().active_element().unwrap();
    assert!(active.is_same_node(Some(&outside)), "no focus taken on load");
    for mount in &mounts {
        let text = mount.text_content().unwrap();
        assert!(text.contains("Start the check") && !text.contains("Host placeholder"), "{text}");
    }

    // Ids are unique across the three widgets.
    let ids: Vec<String> = (0..mounts.len())
        .flat_map(|i| {
            let nodes = mounts[i].query_selector_all("[id]").unwrap();
            (0..nodes.length()).map(move |n| nodes.item(n).unwrap().dyn_into::<web_sys::Element>().unwrap().id())
        })
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");

    // The first widget keeps its data under the trimmed key; the others under the default.
    let start = |mount: &web_sys::Element| {
        let buttons = mount.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|b| b.text_content().unwrap_or_default().trim() == "Start the check")
            .unwrap()
    };
    start(&mounts[0]).click();
    yew::scheduler::flush().await;
    let radio = mounts[0].query_selector("input[type=radio]").unwrap().unwrap();
    radio.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(stored(&custom_key).is_some(), "saved under the trimmed key");
    start(&mounts[1]).click();
    yew::scheduler::flush().await;
    let radio = mounts[1].query_selector("input[type=radio]").unwrap().unwrap();
    radio.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(stored("partnership-readiness").is_some(), "a blank key means the default");
    host.remove();
}
