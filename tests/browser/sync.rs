//! Two widgets sharing one storage key (as two tabs do): nothing either writes
//! is lost, each shows what the other did, and a draft changed on both sides
//! is never dropped silently.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{dispatch_storage_event, fresh_key, local_storage, settle, stored, stored_results, Mounted};

/// Finishes a check with the first statement rated, labelled `label`.
async fn finish(app: &Mounted, label: &str) {
    app.finish_check(label, &[&["Strongly agree"]]).await;
}

fn history_labels(app: &Mounted) -> Vec<String> {
    app.all(".pr-history tbody th").iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn a_result_finished_in_one_widget_survives_the_other_and_appears_there() {
    // The reported loss: B idles on the start screen while A finishes; B then
    // starts, answers and moves on, and used to write its stale copy over A's.
    let key = fresh_key("two-widgets");
    let a = Mounted::with_prefix(&key, "a").await;
    let b = Mounted::with_prefix(&key, "b").await;
    finish(&a, "Northwind").await;
    yew::scheduler::flush().await;
    assert_eq!(history_labels(&b), ["Northwind"], "B shows A's result without a reload");
    assert_eq!(b.text(".pr-status"), "Saved results were updated from another tab or window.");

    b.click("Start the check").await;
    b.answer(0, "Disagree").await;
    b.click("Next").await;
    let results = stored_results(&key).unwrap();
    assert!(results.contains("Northwind"), "A's result is still stored: {results}");
    assert!(stored(&key).unwrap().contains("\"draft\":{"), "and so is B's draft");
    a.unmount();
    b.unmount();

    let reloaded = Mounted::new(&key).await;
    assert_eq!(history_labels(&reloaded), ["Northwind"]);
    assert!(reloaded.has_button("Continue where you left off"));
}

#[wasm_bindgen_test]
async fn deleting_in_one_widget_removes_the_result_from_the_other() {
    let key = fresh_key("delete-elsewhere");
    let a = Mounted::with_prefix(&key, "a").await;
    let b = Mounted::with_prefix(&key, "b").await;
    finish(&a, "Contoso").await;
    yew::scheduler::flush().await;
    b.button("Open").click();
    yew::scheduler::flush().await;
    assert_eq!(b.heading(), "Your results: Contoso");

    a.click("Delete").await;
    a.click("Yes, delete").await;
    yew::scheduler::flush().await;
    assert_eq!(b.heading(), "How ready are you for this partnership?", "B leaves the deleted result");
    assert_eq!(b.text(".pr-status"), "The result you were viewing was deleted in another tab or window.");
    assert!(b.page_text().contains("No saved results yet."));

    // B's next write does not bring it back.
    b.click("Start the check").await;
    b.answer(0, "Agree").await;
    assert!(!stored_results(&key).unwrap().contains("Contoso"));
}

#[wasm_bindgen_test]
async fn a_write_by_another_tab_updates_the_history_without_a_reload() {
    let key = fresh_key("other-tab");
    let app = Mounted::new(&key).await;
    // Another tab (simulated: it writes, then the browser fires `storage` here).
    let other = r#"{"version":2,"history":[{"id":42,"finished_at_ms":1764000000000,"label":"From the other tab","questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"x"},"overall":80,"band":"Ready","responses":{"answers":{}}}]}"#;
    local_storage().set_item(&format!("{key}:results"), other).unwrap();
    dispatch_storage_event(&format!("{key}:results"));
    yew::scheduler::flush().await;
    assert_eq!(history_labels(&app), ["From the other tab"]);

    // A draft written elsewhere: only the small document is read again.
    local_storage()
        .set_item(&key, r#"{"version":2,"draft":{"responses":{"answers":{"clear-objectives.goals":4}},"step":0}}"#)
        .unwrap();
    dispatch_storage_event(&key);
    yew::scheduler::flush().await;
    assert!(app.has_button("Continue where you left off"));
    assert_eq!(history_labels(&app), ["From the other tab"]);

    // An unrelated key changing elsewhere is ignored.
    local_storage().set_item(&format!("{key}-unrelated"), "x").unwrap();
    dispatch_storage_event(&format!("{key}-unrelated"));
    yew::scheduler::flush().await;
    assert_eq!(history_labels(&app), ["From the other tab"]);
}

#[wasm_bindgen_test]
async fn a_draft_changed_elsewhere_while_editing_asks_which_to_keep() {
    let key = fresh_key("conflict");
    let a = Mounted::with_prefix(&key, "a").await;
    let b = Mounted::with_prefix(&key, "b").await;
    a.click("Start the check").await;
    a.answer(0, "Agree").await;
    yew::scheduler::flush().await;
    assert!(b.has_button("Continue where you left off"), "idle, B simply follows the draft");
    b.click("Continue where you left off").await;
    assert!(b.radio(0, "Agree").checked());

    // Both now edit the same draft: A's change reaches B mid-edit.
    a.answer(1, "Disagree").await;
    yew::scheduler::flush().await;
    let notice = b.text(".pr-conflict");
    assert!(notice.contains("also changed in another tab"), "{notice}");
    assert!(!b.radio(1, "Disagree").checked(), "B's view is not changed under its feet");
    assert!(b.root.query_selector(".pr-conflict").unwrap().is_some());

    // B keeps editing while the question is open: A's draft stays stored.
    b.answer(2, "Neutral").await;
    let saved = stored(&key).unwrap();
    assert!(saved.contains("clear-objectives.measures\":2"), "A's answer is still stored: {saved}");

    b.click("Keep the answers shown here").await;
    let saved = stored(&key).unwrap();
    assert!(saved.contains("clear-objectives.owner\":3"), "B's answers are written: {saved}");
    assert!(!saved.contains("clear-objectives.measures"), "{saved}");
    assert!(b.root.query_selector(".pr-conflict").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_other_version_can_be_chosen_instead() {
    let key = fresh_key("conflict-other");
    let a = Mounted::with_prefix(&key, "a").await;
    let b = Mounted::with_prefix(&key, "b").await;
    a.click("Start the check").await;
    b.click("Start the check").await;
    b.answer(0, "Strongly disagree").await;
    yew::scheduler::flush().await;
    a.answer(0, "Agree").await;
    yew::scheduler::flush().await;
    // A had answered nothing before B's change arrived, so it simply followed;
    // its own answer then reaches B, which is asked.
    b.click("Use the other tab\u{2019}s version").await;
    assert!(b.radio(0, "Agree").checked());
    assert!(b.root.query_selector(".pr-conflict").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn saved_results_are_read_after_the_first_screen_is_up() {
    let key = fresh_key("deferred");
    local_storage().set_item(&key, r#"{"version":2,"draft":null}"#).unwrap();
    let results = r#"{"version":2,"history":[{"id":7,"finished_at_ms":1764000000000,"label":"Kept","questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"x"},"overall":80,"band":"Ready","responses":{"answers":{}}}]}"#;
    local_storage().set_item(&format!("{key}:results"), results).unwrap();
    // Mount by hand, without `Mounted::new`'s settling, to see the first screen.
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let config = partnership_readiness::config::Config { storage_key: key.clone(), ..Default::default() };
    let props = partnership_readiness::components::app::AppProps::english(config, "deferred");
    let handle = yew::Renderer::<partnership_readiness::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let first = root.text_content().unwrap();
    assert!(first.contains("Start the check"), "the first screen is ready: {first}");
    assert!(first.contains("Loading saved results"), "{first}");
    settle().await;
    let later = root.text_content().unwrap();
    assert!(later.contains("Kept") && !later.contains("Loading saved results"), "{later}");
    assert!(!later.contains("updated from another tab"), "the first read is no news");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_format_1_document_is_migrated_by_the_next_save_and_nothing_is_lost() {
    let key = fresh_key("migrate");
    let old = r#"{"version":1,"draft":{"responses":{"answers":{"clear-objectives.goals":2}},"step":0},"history":[{"id":9,"finished_at_ms":1500000000000,"label":"Partner A","questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"0123456789abcdef"},"overall":55,"band":"Emerging","responses":{"answers":{"clear-objectives.goals":"not-sure"}}}]}"#;
    local_storage().set_item(&key, old).unwrap();
    let app = Mounted::new(&key).await;
    assert_eq!(history_labels(&app), ["Partner A"]);
    assert_eq!(stored(&key).as_deref(), Some(old), "reading changes nothing");
    app.click("Continue where you left off").await;
    app.answer(1, "Agree").await;
    let main = stored(&key).unwrap();
    assert!(main.starts_with("{\"version\":3,\"draft\":") && !main.contains("history"), "{main}");
    assert!(stored_results(&key).unwrap().contains("Partner A"));
    app.unmount();
    let again = Mounted::new(&key).await;
    assert_eq!(history_labels(&again), ["Partner A"]);
    assert!(again.page_text().contains("2 of 30 statements answered"));
}
