//! Storage that fails: blocked, full, corrupt, or from a newer version. The
//! widget keeps working, says what happened, and never destroys saved data.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    block_local_storage, fill_quota, free_quota, fresh_key, local_storage, restore_local_storage, stored, Mounted,
};

#[wasm_bindgen_test]
async fn blocked_storage_keeps_working_in_memory_with_a_notice() {
    let key = fresh_key("blocked");
    block_local_storage();
    let app = Mounted::new(&key).await;
    let notice = app.text(".pr-notice[role=alert]");
    assert!(notice.contains("does not let the widget save"), "{notice}");

    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    app.click("Next").await;
    app.click("Back").await;
    assert!(app.radio(0, "Agree").checked(), "answers are kept in memory");
    restore_local_storage();
    assert_eq!(stored(&key), None, "nothing was written while blocked");
}

#[wasm_bindgen_test]
async fn a_full_quota_is_reported_and_recovers_once_space_frees() {
    let key = fresh_key("quota");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;

    fill_quota();
    app.answer(1, "Disagree").await;
    free_quota();
    assert!(app.text(".pr-notice").contains("storage is full"));
    assert!(app.radio(1, "Disagree").checked());
    assert_eq!(stored(&key).unwrap().matches("clear-objectives.").count(), 1, "the failed write did not land");

    app.answer(2, "Neutral").await;
    assert!(app.root.query_selector(".pr-notice").unwrap().is_none(), "the notice clears after a save works");
    let saved = stored(&key).unwrap();
    assert_eq!(saved.matches("clear-objectives.").count(), 3, "all three answers saved: {saved}");
}

#[wasm_bindgen_test]
async fn corrupt_data_is_moved_to_a_backup_key_not_deleted() {
    let key = fresh_key("corrupt");
    local_storage().set_item(&key, "{\"version\":1,\"draft\":{oops").unwrap();
    let app = Mounted::new(&key).await;

    let notice = app.text(".pr-notice");
    assert!(notice.contains("could not be read"), "{notice}");
    let storage = local_storage();
    let backup = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).ok().flatten())
        .find(|k| k.starts_with(&format!("{key}:backup:")))
        .expect("a backup key");
    assert!(notice.contains(&backup), "the notice names the backup key");
    assert_eq!(stored(&backup).as_deref(), Some("{\"version\":1,\"draft\":{oops"));
    assert_eq!(stored(&key), None);

    app.click("Dismiss").await;
    assert!(app.root.query_selector(".pr-notice").unwrap().is_none());
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    assert!(stored(&key).unwrap().starts_with("{\"version\":3"), "fresh data is saved again");
    assert_eq!(stored(&backup).as_deref(), Some("{\"version\":1,\"draft\":{oops"), "backup untouched");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_never_overwritten() {
    let key = fresh_key("newer");
    let future = "{\"version\":99,\"something\":\"new\"}";
    local_storage().set_item(&key, future).unwrap();
    let app = Mounted::new(&key).await;
    assert!(app.text(".pr-notice").contains("newer version of this widget"));

    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    assert_eq!(stored(&key).as_deref(), Some(future));
}

#[wasm_bindgen_test]
async fn a_second_widget_with_its_own_key_keeps_separate_data() {
    let first_key = fresh_key("instance-a");
    let second_key = fresh_key("instance-b");
    let first = Mounted::new(&first_key).await;
    let second = Mounted::new(&second_key).await;
    first.click("Start the check").await;
    first.answer(0, "Agree").await;
    assert!(stored(&first_key).is_some());
    assert_eq!(stored(&second_key), None);
    assert!(second.has_button("Start the check"));
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_written_after_loading_is_not_overwritten_either() {
    let key = fresh_key("newer-later");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    assert!(stored(&key).is_some());
    // A newer build in another tab writes its format meanwhile.
    let future = "{\"version\":4,\"results\":[\"kept\"]}";
    local_storage().set_item(&key, future).unwrap();
    app.answer(1, "Agree").await;
    assert_eq!(stored(&key).as_deref(), Some(future), "checked at every save");
    assert!(app.text(".pr-notice").contains("newer version of this widget"));
    app.answer(2, "Agree").await;
    assert_eq!(stored(&key).as_deref(), Some(future), "and nothing is written after that");
    assert!(app.radio(2, "Agree").checked(), "the person can go on in memory");
}

#[wasm_bindgen_test]
async fn corrupt_data_written_after_loading_is_set_aside_at_the_next_save() {
    let key = fresh_key("corrupt-later");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    local_storage().set_item(&key, "garbage from another script").unwrap();
    app.answer(1, "Disagree").await;
    let notice = app.text(".pr-notice");
    assert!(notice.contains("could not be read") && notice.contains(":backup:"), "{notice}");
    let saved = stored(&key).unwrap();
    assert!(saved.contains("clear-objectives.goals\":4") && saved.contains("clear-objectives.measures\":2"), "{saved}");
}

#[wasm_bindgen_test]
async fn dismissing_a_notice_keeps_focus_in_the_widget() {
    let key = fresh_key("dismiss-focus");
    local_storage().set_item(&key, "{not json").unwrap();
    let app = Mounted::new(&key).await;
    app.click("Dismiss").await;
    assert!(app.focused_is_heading(), "focus moves to the heading, not to <body>");
}

#[wasm_bindgen_test]
async fn repeated_ids_and_oversized_texts_in_storage_are_repaired_and_capped() {
    let key = fresh_key("hostile");
    let long = "L".repeat(5000);
    let result = |label: &str| {
        format!(
            r#"{{"id":18446744073709551615,"finished_at_ms":1764000000000,"label":"{label}","questionnaire":{{"id":"partnership-readiness","version":"1.0.0","hash":"x"}},"overall":50,"band":"{long}","responses":{{"answers":{{}}}}}}"#
        )
    };
    let document = format!(r#"{{"version":1,"draft":null,"history":[{},{}]}}"#, result(&long), result("Second"));
    local_storage().set_item(&key, &document).unwrap();
    let app = Mounted::new(&key).await;
    let rows = app.all(".pr-history tbody tr");
    assert_eq!(rows.len(), 2, "both results are listed");
    let labels: Vec<String> = app.all(".pr-history tbody th").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(labels[0], "Second");
    assert_eq!(labels[1].chars().count(), 80, "labels are capped as at input");
    assert!(app.page_text().chars().count() < 2000, "the 5,000-character band label is capped too");

    // Each opens its own result (distinct ids), and the next save stores the repaired ids.
    app.click("Open").await;
    assert_eq!(app.heading(), "Your results: Second");
    app.click("Back to start").await;
    let second_open = app.all("button").into_iter().filter(|b| b.text_content().unwrap().trim() == "Open").nth(1);
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(second_open.unwrap()).unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(app.heading(), format!("Your results: {}", "L".repeat(80)));
    app.click("Back to start").await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    let saved = crate::support::stored_results(&key).unwrap();
    assert_eq!(saved.matches("18446744073709551615").count(), 1, "{saved}");
}

#[wasm_bindgen_test]
async fn thousands_of_saved_results_are_listed_a_page_at_a_time() {
    let key = fresh_key("many");
    let result = |id: usize| {
        format!(
            r#"{{"id":{id},"finished_at_ms":1764000000000,"label":"Result {id}","questionnaire":{{"id":"partnership-readiness","version":"1.0.0","hash":"x"}},"overall":50,"band":"Emerging","responses":{{"answers":{{}}}}}}"#
        )
    };
    let results: Vec<String> = (1..=2000).map(result).collect();
    local_storage().set_item(&key, &format!(r#"{{"version":1,"history":[{}]}}"#, results.join(","))).unwrap();
    let app = Mounted::new(&key).await;
    assert_eq!(app.all(".pr-history tbody tr").len(), 25);
    assert!(app.page_text().contains("Showing the newest 25 of 2000 saved results."));
    app.click("Show 25 more").await;
    assert_eq!(app.all(".pr-history tbody tr").len(), 50);
    assert_eq!(app.text(".pr-history tbody tr:first-child th"), "Result 2000");

    // At the limit, finishing says why and keeps the answers.
    app.finish_check("", &[&["Agree"]]).await;
    assert!(app.text(".pr-notice").contains("already keeps 2000 results"));
    assert_eq!(app.heading(), "Review your answers");
}

#[wasm_bindgen_test]
async fn the_empty_status_region_stays_in_the_accessibility_tree() {
    let app = Mounted::new(&fresh_key("status")).await;
    let status = app.one("[role=status]");
    let display =
        gloo::utils::window().get_computed_style(&status).unwrap().unwrap().get_property_value("display").unwrap();
    assert_ne!(display, "none");
    assert_eq!(status.text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn the_note_limit_counts_characters_as_the_counter_does() {
    let key = fresh_key("emoji-note");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.type_into("textarea", &"\u{1f91d}".repeat(600)).await;
    assert!(app.page_text().contains("500 of 500 characters"));
    // Said in the live region, not kept silently.
    assert_eq!(app.text(".pr-status"), "Only the first 500 characters are kept: 100 characters were left out.");
    let field: web_sys::HtmlTextAreaElement = wasm_bindgen::JsCast::dyn_into(app.one("textarea")).unwrap();
    assert_eq!(field.value().chars().count(), 500, "the field holds what is kept, not half of it");
    assert_eq!(stored(&key).unwrap().matches('\u{1f91d}').count(), 500);
}
