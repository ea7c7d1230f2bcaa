//! The walkthrough as a person uses it: start, answer, move around, review,
//! finish, and find the result again.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{fresh_key, stored, stored_results, Mounted};

const RATINGS: [&str; 5] = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];
const NOT_SURE: &str = "Not sure / not applicable";

/// Answers every principle with a known pattern (see `known_answers_score_58`).
async fn answer_everything(app: &Mounted) {
    for principle in 0..10 {
        app.answer_step(&[RATINGS[principle % 5], "Agree", if principle == 0 { NOT_SURE } else { "Neutral" }]).await;
        app.click(if principle == 9 { "Review answers" } else { "Next" }).await;
    }
}

#[wasm_bindgen_test]
async fn start_screen_explains_and_starts_at_the_first_principle() {
    let app = Mounted::new(&fresh_key("start")).await;
    let text = app.page_text();
    assert!(text.contains("stay in this browser only"), "{text}");
    assert!(text.contains("about five minutes"), "{text}");
    assert!(!app.has_button("Continue where you left off"));

    app.click("Start the check").await;
    assert_eq!(app.heading(), "Clear objectives");
    assert_eq!(app.text(".pr-progress-label"), "Principle 1 of 10");
    assert!(app.focused_is_heading(), "focus moves to the step heading");

    let fieldsets = app.all("fieldset");
    assert_eq!(fieldsets.len(), 3);
    for fieldset in &fieldsets {
        assert!(fieldset.query_selector("legend").unwrap().is_some());
        assert_eq!(fieldset.query_selector_all("input[type=radio]").unwrap().length(), 6);
        assert_eq!(
            fieldset.query_selector_all("label input[type=radio]").unwrap().length(),
            6,
            "every radio is labelled"
        );
    }
    assert_eq!(app.all("nav .pr-step-link").len(), 11, "ten principles and the review");
}

#[wasm_bindgen_test]
async fn answers_stay_when_moving_back_and_forth() {
    let app = Mounted::new(&fresh_key("backnext")).await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    app.answer(2, NOT_SURE).await;
    assert!(app.radio(0, "Agree").checked());
    assert!(app.one("[aria-current=step]").text_content().unwrap().contains("2 of 3 answered"));

    app.click("Next").await;
    assert_eq!(app.heading(), "Aligned values and culture");
    assert_eq!(app.text(".pr-progress-label"), "Principle 2 of 10");
    assert!(!app.radio(0, "Agree").checked(), "a new step starts unanswered");

    app.click("Back").await;
    assert_eq!(app.heading(), "Clear objectives");
    assert!(app.radio(0, "Agree").checked());
    assert!(app.radio(2, NOT_SURE).checked());
    assert!(app.focused_is_heading());

    app.click("Back").await;
    assert_eq!(app.heading(), "How ready are you for this partnership?");
    assert!(app.has_button("Continue where you left off"));
    assert!(app.page_text().contains("2 of 30 statements answered"));
}

#[wasm_bindgen_test]
async fn step_list_jumps_to_any_principle_and_the_review() {
    let app = Mounted::new(&fresh_key("jump")).await;
    app.click("Start the check").await;
    app.jump_to("Celebrating successes together").await;
    assert_eq!(app.heading(), "Celebrating successes together");
    assert_eq!(app.text(".pr-progress-label"), "Principle 10 of 10");
    assert!(app.has_button("Review answers"), "the last step leads to the review");
    assert!(app.one("[aria-current=step]").text_content().unwrap().contains("Celebrating"));
}

#[wasm_bindgen_test]
async fn notes_are_kept_and_capped() {
    let key = fresh_key("notes");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.type_into("textarea", "Ask who owns the KPIs").await;
    assert!(app.page_text().contains("21 of 500 characters"));
    app.type_into("textarea", &"x".repeat(520)).await;
    assert!(stored(&key).unwrap().contains(&"x".repeat(500)));
    assert!(!stored(&key).unwrap().contains(&"x".repeat(501)));
}

#[wasm_bindgen_test]
async fn review_flags_unanswered_statements_and_links_back() {
    let app = Mounted::new(&fresh_key("review")).await;
    app.click("Start the check").await;
    app.answer(0, "Strongly agree").await;
    app.go_to_review().await;

    assert_eq!(app.heading(), "Review your answers");
    assert!(app.focused_is_heading());
    assert_eq!(app.text(".pr-review-summary"), "29 statements are still unanswered. They are left out of the score.");
    assert_eq!(app.all(".pr-review-answer[data-missing]").len(), 29);
    assert!(app.page_text().contains("Strongly agree"));

    app.click("Change answers for Aligned values and culture").await;
    assert_eq!(app.heading(), "Aligned values and culture");
}

#[wasm_bindgen_test]
async fn known_answers_score_58_with_strengths_and_priorities() {
    let key = fresh_key("score");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    answer_everything(&app).await;
    assert_eq!(app.heading(), "Review your answers");
    assert_eq!(app.text(".pr-review-summary"), "Every statement is answered.");
    app.type_into("input[type=text]", "Acme GmbH").await;
    app.click("See results").await;

    // Principle means: 37.5, 50, 58.3, 66.7, 75, 41.7, 50, 58.3, 66.7, 75 → 57.9.
    assert_eq!(app.heading(), "Your results: Acme GmbH");
    assert_eq!(app.text("[data-testid=overall-score]"), "58");
    assert_eq!(app.text("[data-testid=band]"), "Emerging");
    assert_eq!(app.text("[data-testid=coverage]"), "Based on 29 of 30 statements (97%).");
    assert_eq!(app.text(".pr-status"), "Result saved in this browser.");

    assert_eq!(app.all(".pr-score-table tbody tr").len(), 10);
    assert_eq!(app.text("[data-principle=clear-objectives] .pr-score"), "38");
    assert_eq!(app.text("[data-principle=mutual-benefit] .pr-score"), "75");
    // A bar per principle, as long as its score (the mutual-benefit one 75 of 100).
    assert_eq!(app.all(".pr-score-table svg.pr-bar").len(), 10);
    let bar = app.one(".pr-score-table tbody tr:nth-child(5) .pr-bar-fill");
    assert_eq!(bar.get_attribute("width").as_deref(), Some("75"));

    let strengths: Vec<String> = app.all(".pr-strengths li strong").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(
        strengths,
        ["Mutually beneficial agreements", "Celebrating successes together", "Open and transparent communication"]
    );
    let priorities: Vec<String> =
        app.all(".pr-priorities > ol > li > h4").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(
        priorities,
        [
            "Clear objectives \u{2013} 38",
            "Personal relationships \u{2013} 42",
            "Aligned values and culture \u{2013} 50"
        ]
    );
    for priority in app.all(".pr-priorities > ol > li") {
        let count = priority.query_selector_all(".pr-recommendations li").unwrap().length();
        assert!((2..=3).contains(&count), "each priority has its recommendations");
    }
    assert!(app.page_text().contains("How is this scored?"));
    assert!(app.page_text().contains("0\u{2013}39 Not yet ready"));

    // The finished result is in the history, and the draft is gone.
    app.click("Back to start").await;
    assert!(app.page_text().contains("Acme GmbH"));
    assert!(app.page_text().contains("58 \u{2013} Emerging"));
    assert!(app.has_button("Start the check"));
    assert!(stored(&key).unwrap().contains("\"draft\":null"));
}

#[wasm_bindgen_test]
async fn everything_not_sure_gives_no_score_and_says_why() {
    let app = Mounted::new(&fresh_key("notsure")).await;
    let not_sure: &[&str] = &[NOT_SURE; 3];
    app.finish_check("", &[not_sure; 10]).await;
    assert!(app.root.query_selector("[data-testid=overall-score]").unwrap().is_none());
    assert!(app.text("[data-testid=no-score]").contains("Every answer was"));
    assert_eq!(app.text("[data-testid=coverage]"), "Based on 0 of 30 statements (0%).");
}

#[wasm_bindgen_test]
async fn draft_autosaves_and_resumes_after_a_reload() {
    let key = fresh_key("resume");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.click("Next").await;
    app.click("Next").await;
    app.answer(1, "Disagree").await;
    let saved = stored(&key).expect("autosaved");
    assert!(saved.contains("\"complementary-strengths."), "{saved}");
    app.unmount();

    let again = Mounted::new(&key).await;
    assert!(again.page_text().contains("1 of 30 statements answered"));
    again.click("Continue where you left off").await;
    assert_eq!(again.heading(), "Complementary strengths");
    assert!(again.radio(1, "Disagree").checked());
}

#[wasm_bindgen_test]
async fn start_over_asks_first_and_keeps_history() {
    let key = fresh_key("startover");
    let app = Mounted::new(&key).await;
    app.click("Start the check").await;
    app.answer(0, "Agree").await;
    app.click("Back").await;
    app.click("Start over").await;
    assert!(app.page_text().contains("Start over? The answers of the check in progress will be discarded."));
    let focused = gloo::utils::document().active_element().and_then(|e| e.text_content()).unwrap_or_default();
    assert_eq!(focused.trim(), "Cancel", "the safe choice has focus");
    app.click("Cancel").await;
    assert!(app.has_button("Continue where you left off"));
    assert!(app.focused_is_heading(), "focus returns to the heading, not the page body");
    app.click("Start over").await;
    app.click("Yes, discard and start over").await;
    assert_eq!(app.heading(), "Clear objectives");
    assert!(!app.radio(0, "Agree").checked());
}

#[wasm_bindgen_test]
async fn history_opens_deletes_and_clears_with_confirmation() {
    let key = fresh_key("history");
    let app = Mounted::new(&key).await;
    for label in ["First partner", "Second partner"] {
        app.finish_check(label, &[&["Strongly agree"]]).await;
        app.click("Back to start").await;
    }
    app.unmount();

    let app = Mounted::new(&key).await;
    let rows: Vec<String> = app.all(".pr-history tbody th").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(rows, ["Second partner", "First partner"], "newest first, after a reload");

    app.button("Open").click();
    yew::scheduler::flush().await;
    assert_eq!(app.heading(), "Your results: Second partner");
    assert_eq!(app.text("[data-testid=overall-score]"), "100");
    app.click("Back to start").await;

    app.click("Delete").await;
    assert!(app.page_text().contains("Delete \u{201c}Second partner\u{201d}? This cannot be undone."));
    app.click("Yes, delete").await;
    assert_eq!(app.all(".pr-history tbody tr").len(), 1);
    assert_eq!(app.text(".pr-status"), "The result was deleted.");

    app.click("Delete all saved results").await;
    app.click("Yes, delete all").await;
    assert!(app.page_text().contains("No saved results yet."));
    assert!(stored_results(&key).unwrap().contains("\"history\":[]"));
}
