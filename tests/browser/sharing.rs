//! The full build's screens: sharing a result as a file or a link, importing,
//! and opening a share link (plain, damaged, or sealed with a passphrase).
#![cfg(feature = "full")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use partnership_readiness::codec::link::{fragment, widget_tag};
use partnership_readiness::host::Intent;

use crate::support::{copied_text, fake_clipboard, fresh_key, local_storage, stored_results, wait_until, Mounted};

/// The answers of every result these tests share: two statements of the first principle.
const FIRST_TWO: &[&[&str]] = &[&["Strongly agree", "Disagree"]];

/// Puts `fragment` in the address, as opening a share link does.
fn set_fragment(fragment: &str) {
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment)).unwrap();
}

/// What the widget copied, once it says so.
async fn copied(app: &Mounted) -> String {
    wait_until("copying is reported", 200, || !app.text(".pr-share-status").is_empty()).await;
    copied_text().expect("something was copied")
}

#[wasm_bindgen_test]
async fn a_result_is_shared_as_json_and_imported_once() {
    let key = fresh_key("share-json");
    let app = Mounted::new(&key).await;
    app.finish_check("Acme", FIRST_TWO).await;
    app.click("Share or export").await;
    assert_eq!(app.heading(), "Share or export: Acme");
    fake_clipboard(false);
    app.click("Copy JSON").await;
    let json = copied(&app).await;
    assert_eq!(app.text(".pr-share-status"), "The JSON was copied to the clipboard.");
    assert!(json.starts_with("{\"format\":\"partnership-readiness/result\",\"version\":1,"), "{json}");

    // Import it into another widget: added once, recognised the second time.
    let other_key = fresh_key("share-json-import");
    let other = Mounted::new(&other_key).await;
    other.click("Import results").await;
    assert_eq!(other.heading(), "Import results");
    for expected in ["Imported: 1 new, 0 already saved.", "Imported: 0 new, 1 already saved."] {
        other.type_into("textarea", &json).await;
        other.click("Import the pasted text").await;
        assert_eq!(other.text(".pr-import-outcome[role=status]"), expected);
    }
    assert!(stored_results(&other_key).unwrap().contains("Acme"));

    // A broken document says what is wrong and where; nothing changes.
    let before = stored_results(&other_key);
    other.type_into("textarea", &json.replacen(":5,", ":7,", 1)).await;
    other.click("Import the pasted text").await;
    let alert = other.text("[role=alert]");
    assert!(
        alert.starts_with("This cannot be imported: answers.") && alert.contains("rating 7 is not between 1 and 5"),
        "{alert}"
    );
    assert_eq!(stored_results(&other_key), before);
}

#[wasm_bindgen_test]
async fn a_share_link_opens_read_only_and_saves_on_request() {
    let key = fresh_key("share-link");
    let app = Mounted::new(&key).await;
    app.finish_check("Northwind", FIRST_TWO).await;
    app.click("Share or export").await;
    app.check("Include the label and notes").await;
    fake_clipboard(false);
    app.click("Copy share link").await;
    let link = copied(&app).await;
    assert_eq!(app.text(".pr-share-status"), "The share link was copied to the clipboard.");
    let hash = &link[link.find('#').expect("a fragment")..];
    assert!(hash.starts_with(&format!("#pr1.{}.", widget_tag(&key))), "{hash}");

    set_fragment(hash);
    let receiver_key = fresh_key("share-link-receiver");
    let receiver = Mounted::with_props(&receiver_key, "receiver", Some(Intent::Shared)).await;
    assert_eq!(receiver.heading(), "Shared result: Northwind");
    assert!(receiver.page_text().contains("not kept in this browser unless you save it"));
    assert!(stored_results(&receiver_key).is_none(), "nothing saved on opening");
    receiver.click("Save to my results").await;
    assert_eq!(receiver.heading(), "Your results: Northwind");
    assert!(stored_results(&receiver_key).unwrap().contains("Northwind"));
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "", "the link leaves the address once saved");
}

#[wasm_bindgen_test]
async fn a_damaged_link_says_so_and_changes_nothing() {
    let key = fresh_key("damaged-link");
    local_storage().set_item(&format!("{key}:results"), "{\"version\":2,\"history\":[]}").unwrap();
    set_fragment(&fragment(&widget_tag(&key), &[1, 2, 3]).replacen('A', "B", 1));
    let app = Mounted::with_props(&key, "damaged", Some(Intent::Shared)).await;
    assert_eq!(
        app.text("[role=alert]"),
        "This link is incomplete or damaged \u{2014} ask the sender for the complete link."
    );
    assert_eq!(stored_results(&key).as_deref(), Some("{\"version\":2,\"history\":[]}"));
    app.click("Close").await;
    assert_eq!(app.heading(), "How ready are you for this partnership?");
}

#[wasm_bindgen_test]
async fn a_sealed_link_opens_only_with_its_passphrase() {
    let key = fresh_key("sealed-link");
    let app = Mounted::new(&key).await;
    app.finish_check("Contoso", FIRST_TWO).await;
    app.click("Share or export").await;
    app.check("Include the label and notes").await;
    app.check("Protect with a passphrase").await;
    app.type_into("input[type=password]", "short").await;
    app.click("Copy share link").await;
    assert_eq!(app.text(".pr-share-status"), "The passphrase needs at least 8 characters.");
    app.type_into("input[type=password]", "correct horse battery").await;
    // A refused copy: the link is shown for copying by hand instead.
    fake_clipboard(true);
    app.click("Copy share link").await;
    wait_until("the link is sealed", 200, || app.text(".pr-share-status").starts_with("The browser did not allow"))
        .await;
    let link = app.one("textarea[readonly]").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value();
    let hash = &link[link.find('#').unwrap()..];
    assert!(!hash.contains("Contoso"), "nothing readable in the link");

    set_fragment(hash);
    let receiver = Mounted::with_props(&fresh_key("sealed-receiver"), "sealed", Some(Intent::Shared)).await;
    assert_eq!(receiver.heading(), "This shared result is protected");
    receiver.type_into("input[type=password]", "wrong passphrase").await;
    receiver.click("Open").await;
    wait_until("the wrong passphrase is refused", 200, || receiver.page_text().contains("not right")).await;
    receiver.type_into("input[type=password]", "correct horse battery").await;
    receiver.click("Open").await;
    wait_until("the result opens", 200, || receiver.heading() == "Shared result: Contoso").await;
}

#[wasm_bindgen_test]
async fn a_link_too_long_for_mail_and_chat_is_not_offered() {
    let key = fresh_key("long-link");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    // Ten long notes: far beyond what a link should carry.
    for principle in 0..10 {
        app.answer(0, "Agree").await;
        app.type_into("textarea", &"Long note. ".repeat(45)).await;
        app.click(if principle == 9 { "Review answers" } else { "Next" }).await;
    }
    app.click("See results").await;
    app.click("Share or export").await;
    app.check("Include the label and notes").await;
    fake_clipboard(false);
    app.click("Copy share link").await;
    let status = app.text(".pr-share-status");
    assert!(status.starts_with("This link would be ") && status.contains("send the file instead"), "{status}");
    assert_eq!(copied_text(), None, "nothing was copied");
    // Without the notes the link is short again.
    app.check("Include the label and notes").await;
    app.click("Copy share link").await;
    wait_until("the short link is copied", 200, || copied_text().is_some()).await;
    assert!(copied_text().unwrap().len() < 400);
}
