//! The full build's screens: sharing a result as a file or a link, importing,
//! and opening a share link (plain, damaged, or sealed with a passphrase).
#![cfg(feature = "full")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use partnership_readiness::codec::link::{fragment, widget_tag};
use partnership_readiness::state::Screen;

use crate::support::{
    copied_text, fake_clipboard, fresh_key, hide_web_crypto, local_storage, stored_results, wait_until, Mounted,
};

/// The answers of every result these tests share: two statements of the first principle.
const FIRST_TWO: &[&[&str]] = &[&["Strongly agree", "Disagree"]];

/// Puts `fragment` in the address, as opening a share link does.
fn set_fragment(fragment: &str) {
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment)).unwrap();
}

/// A widget under `key` whose check is finished as `label` (`FIRST_TWO`), on the share screen.
async fn share_screen(key: &str, label: &str) -> Mounted {
    let app = Mounted::new(key).await;
    app.finish_check(label, FIRST_TWO).await;
    app.click("Send to your partner").await;
    app
}

/// What the widget copied, once it says so.
async fn copied(app: &Mounted) -> String {
    wait_until("copying is reported", 200, || !app.text(".pr-share-status").is_empty()).await;
    copied_text().expect("something was copied")
}

#[wasm_bindgen_test]
async fn a_result_is_shared_as_json_and_imported_once() {
    let key = fresh_key("share-json");
    let app = share_screen(&key, "Acme").await;
    assert_eq!(app.heading(), "Share or export: Acme");
    fake_clipboard(false);
    app.click("Copy JSON").await;
    let json = copied(&app).await;
    assert_eq!(app.text(".pr-share-status"), "The JSON was copied to the clipboard.");
    assert!(json.starts_with("{\"format\":\"partnership-readiness/result\",\"version\":1,"), "{json}");
    // Refused, the JSON (on screen nowhere else) is offered for copying by hand.
    fake_clipboard(true);
    app.click("Copy JSON").await;
    wait_until("the refusal is reported", 200, || app.text(".pr-share-status").starts_with("The browser")).await;
    assert_eq!(
        app.text(".pr-share-status"),
        "The browser did not allow copying. Select the text below and copy it yourself."
    );
    let by_hand = app.one("textarea[readonly]").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap();
    assert_eq!(by_hand.value(), json);

    // Import it into another widget: added once, recognised the second time.
    let other_key = fresh_key("share-json-import");
    let other = Mounted::new(&other_key).await;
    other.click("Import results").await;
    assert_eq!(other.heading(), "Import results");
    for expected in ["Imported: 1 new, 0 already saved.", "Imported: 0 new, 1 already saved."] {
        other.type_into("textarea", &json).await;
        other.click("Import").await;
        assert_eq!(other.text(".pr-import-outcome[role=status]"), expected);
    }
    assert!(stored_results(&other_key).unwrap().contains("Acme"));

    // A broken document says what is wrong and where; nothing changes.
    let before = stored_results(&other_key);
    other.type_into("textarea", &json.replacen(":5,", ":7,", 1)).await;
    other.click("Import").await;
    assert_eq!(
        other.text("[role=alert]"),
        "This result file is damaged or was changed by hand, so nothing was imported."
    );
    let detail = other.text(".pr-import-problem details");
    assert!(detail.starts_with("Details") && detail.contains("rating 7 is not between 1 and 5"), "{detail}");
    assert_eq!(stored_results(&other_key), before);
}

#[wasm_bindgen_test]
async fn a_share_link_opens_read_only_and_saves_on_request() {
    let key = fresh_key("share-link");
    let app = share_screen(&key, "Northwind").await;
    assert_eq!(
        app.text("[data-testid=seen-as]"),
        "Your partner sees it as \u{201c}Received: Northwind (partner view)\u{201d}."
    );
    fake_clipboard(false);
    app.click("Copy link").await;
    let link = copied(&app).await;
    let shown = app.one("input[readonly]").dyn_into::<web_sys::HtmlInputElement>().unwrap().value();
    assert_eq!(shown, link, "the link on screen is the one copied");
    assert_eq!(app.text(".pr-share-status"), "The share link was copied to the clipboard.");
    let hash = &link[link.find('#').expect("a fragment")..];
    assert!(hash.starts_with(&format!("#pr1.{}.", widget_tag(&key))), "{hash}");

    set_fragment(hash);
    let receiver_key = fresh_key("share-link-receiver");
    let receiver = Mounted::with_props(&receiver_key, "receiver", Some(Screen::Shared)).await;
    assert_eq!(receiver.heading(), "Received: Northwind (partner view)");
    assert!(receiver.page_text().contains("not kept in this browser unless you save it"));
    assert!(stored_results(&receiver_key).is_none(), "nothing saved on opening");
    receiver.click("Save to my results").await;
    // Saved as what it is: someone else's result, kept apart from one's own.
    assert_eq!(receiver.heading(), "Received: Northwind (partner view)");
    assert!(receiver.one(".pr-results").text_content().unwrap().contains("Someone else answered this check"));
    let stored = stored_results(&receiver_key).unwrap();
    assert!(stored.contains("Northwind") && stored.contains("\"received\":true"), "{stored}");
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "", "the link leaves the address once saved");
}

#[wasm_bindgen_test]
async fn a_damaged_link_says_so_and_changes_nothing() {
    let key = fresh_key("damaged-link");
    local_storage().set_item(&format!("{key}:results"), "{\"version\":2,\"history\":[]}").unwrap();
    set_fragment(&fragment(&widget_tag(&key), &[1, 2, 3]).replacen('A', "B", 1));
    let app = Mounted::with_props(&key, "damaged", Some(Screen::Shared)).await;
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
    let app = share_screen(&key, "Contoso").await;
    app.check("Protect with a passphrase").await;
    app.type_into("input[type=password]", "short").await;
    app.click("Create and copy protected link").await;
    assert_eq!(app.text(".pr-share-status"), "The passphrase needs at least 8 characters.");
    app.type_into("input[type=password]", "correct horse battery").await;
    // A refused copy: the person is pointed to the link in its field (not shown a second time).
    fake_clipboard(true);
    app.click("Create and copy protected link").await;
    wait_until("the link is sealed", 200, || app.text(".pr-share-status").starts_with("The browser did not allow"))
        .await;
    assert_eq!(
        app.text(".pr-share-status"),
        "The browser did not allow copying. Select the link above and copy it yourself."
    );
    assert!(app.all("textarea").is_empty(), "the link is not repeated for copying by hand");
    let link = app.one(".pr-link-field input[readonly]").dyn_into::<web_sys::HtmlInputElement>().unwrap().value();
    let hash = &link[link.find('#').unwrap()..];
    assert!(!hash.contains("Contoso"), "nothing readable in the link");

    set_fragment(hash);
    let receiver = Mounted::with_props(&fresh_key("sealed-receiver"), "sealed", Some(Screen::Shared)).await;
    assert_eq!(receiver.heading(), "This shared result is protected");
    receiver.type_into("input[type=password]", "wrong passphrase").await;
    receiver.click("Open").await;
    wait_until("the wrong passphrase is refused", 200, || receiver.page_text().contains("not right")).await;
    receiver.type_into("input[type=password]", "correct horse battery").await;
    receiver.click("Open").await;
    wait_until("the result opens", 200, || receiver.heading() == "Received: Contoso (partner view)").await;
}

#[wasm_bindgen_test]
async fn without_web_crypto_a_protected_link_is_declined_in_words() {
    let key = fresh_key("no-web-crypto");
    let app = share_screen(&key, "Fabrikam").await;
    app.check("Protect with a passphrase").await;
    app.type_into("input[type=password]", "correct horse battery").await;
    hide_web_crypto();
    fake_clipboard(false);
    app.click("Create and copy protected link").await;
    wait_until("sealing gives up", 200, || app.text(".pr-share-status").starts_with("This browser")).await;
    assert_eq!(
        app.text(".pr-share-status"),
        "This browser cannot protect a link on this page: it allows the encryption only on secure (https) pages. \
         Send the plain link or the file instead."
    );
    assert!(app.all("textarea").is_empty() && app.all(".pr-link-field").is_empty(), "no link was made");
    assert_eq!(copied_text(), None, "nothing was copied");
    // The plain link still works.
    app.check("Protect with a passphrase").await;
    app.click("Copy link").await;
    wait_until("the plain link is copied", 200, || copied_text().is_some()).await;
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
    app.click("Send to your partner").await;
    app.check("The notes (10)").await;
    let notice = app.text(".pr-share .pr-notice-inline");
    assert!(notice.starts_with("This link would be ") && notice.contains("send the file instead"), "{notice}");
    assert!(!app.has_button("Copy link"), "a link too long is not offered");
    // Without the notes the link is short again.
    app.check("The notes (10)").await;
    fake_clipboard(false);
    app.click("Copy link").await;
    wait_until("the short link is copied", 200, || copied_text().is_some()).await;
    assert!(copied_text().unwrap().len() < 400);
}
