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
    assert!(stored(&key).unwrap().starts_with("{\"version\":1"), "fresh data is saved again");
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
async fn a_crash_replaces_every_mounted_widget_with_a_reload_message() {
    use partnership_readiness::embed::{mount, show_crash_message, EmbedConfig};

    let key = fresh_key("crash");
    let host = gloo::utils::document().create_element("div").unwrap();
    host.set_inner_html("<p>Loading…</p>");
    gloo::utils::body().append_child(&host).unwrap();
    // Never destroyed: the crash message replaces its DOM, as after a real panic.
    let _app = mount(host.clone(), EmbedConfig { storage_key: key.clone(), id_prefix: "crash".into() });
    yew::scheduler::flush().await;
    assert!(host.text_content().unwrap().contains("Start the check"), "the placeholder was replaced");
    local_storage().set_item(&key, "{\"version\":1,\"draft\":null,\"history\":[]}").unwrap();

    show_crash_message();
    let alert = host.query_selector("[role=alert]").unwrap().expect("a visible alert");
    assert!(alert.text_content().unwrap().contains("Something went wrong"));
    assert!(alert.query_selector("a[href]").unwrap().is_some(), "a reload link");
    assert_eq!(stored(&key).as_deref(), Some("{\"version\":1,\"draft\":null,\"history\":[]}"), "saved data untouched");
    host.remove();
}
