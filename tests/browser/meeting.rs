//! The partner-meeting screens of the full build: the trend since an earlier
//! result with the same label, the comparison of two results and the agenda.
#![cfg(feature = "full")]

use wasm_bindgen::JsCast;

use crate::support::{copied_text, fake_clipboard, fresh_key, wait_until, Mounted};

/// Finishes a check labelled `label`, answering all three statements of the
/// first principles alike, with `ratings` (one per principle).
async fn finish(app: &Mounted, label: &str, ratings: &[&str]) {
    let steps: Vec<[&str; 3]> = ratings.iter().map(|&rating| [rating; 3]).collect();
    let steps: Vec<&[&str]> = steps.iter().map(|step| step.as_slice()).collect();
    app.finish_check(label, &steps).await;
}

/// The rows of the table matched by `selector`, each as its cells' texts.
fn rows(app: &Mounted, selector: &str) -> Vec<Vec<String>> {
    app.all(&format!("{selector} tbody tr"))
        .iter()
        .map(|row| {
            let cells = row.query_selector_all("th, td").unwrap();
            (0..cells.length())
                .filter_map(|i| cells.item(i)?.text_content())
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_result_shows_its_change_since_the_earlier_one_with_the_same_label() {
    let app = Mounted::new(&fresh_key("trend")).await;
    finish(&app, "Acme", &["Neutral", "Neutral"]).await;
    assert!(app.all("[data-testid=trend]").is_empty(), "no earlier result, no trend");
    app.click("Back to start").await;
    finish(&app, "  ACME ", &["Agree", "Neutral", "Agree"]).await;

    let overall = app.text("[data-testid=trend]");
    assert!(overall.contains("up 17") && overall.contains("since"), "{overall}");
    let changes: Vec<String> =
        rows(&app, ".pr-score-table").iter().take(3).map(|cells| cells.last().cloned().unwrap_or_default()).collect();
    assert_eq!(changes, ["25up 25", "0unchanged", "\u{2013}"], "per principle");

    app.click("Back to start").await;
    let history = rows(&app, ".pr-history");
    assert!(history[0][2].ends_with("up 17"), "the newest row shows its change: {history:?}");
    assert!(!history[1][2].contains("up"), "the earliest has nothing to compare with: {history:?}");
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn two_results_compare_by_gap_and_by_principle_and_lead_to_an_agenda() {
    let app = Mounted::new(&fresh_key("compare")).await;
    finish(&app, "Partner", &["Strongly agree", "Disagree"]).await;
    app.click("Back to start").await;
    finish(&app, "Us", &["Strongly agree", "Strongly agree", "Agree"]).await;

    app.click("Compare").await;
    assert_eq!(app.heading(), "Compare Us with\u{2026}");
    app.click_starting("Compare with Partner").await;
    assert_eq!(app.heading(), "Comparison: Us and Partner");
    let cards: Vec<String> = app.all(".pr-compare-overall").iter().map(|c| c.text_content().unwrap()).collect();
    assert_eq!(cards.len(), 2, "both overall scores at the top");
    assert!(cards[0].starts_with("Us") && cards[1].starts_with("Partner"), "{cards:?}");
    assert_eq!(app.text(".pr-talk-first-list"), "Aligned values and culture: a gap of 75");
    let groups: Vec<String> = app.all(".pr-group-line").iter().map(|g| g.text_content().unwrap_or_default()).collect();
    assert_eq!(groups, ["Shared priorities (both below 60): None.", "Build on (both 75 or more): Clear objectives"]);
    assert!(app
        .page_text()
        .contains("Scored on one side only, and so left out of the ranking: Complementary strengths."));

    // Every principle as a gap row, its numbers said in words; largest gap first.
    let sentences = |app: &Mounted| -> Vec<String> {
        app.all(".pr-gap-rows > li .pr-visually-hidden").iter().take(3).map(|s| s.text_content().unwrap()).collect()
    };
    assert_eq!(
        sentences(&app),
        [
            "Aligned values and culture: Us 100, Partner 25, a gap of 75.",
            "Clear objectives: Us 100, Partner 100, a gap of 0.",
            "Complementary strengths: Us 75, Partner No score.",
        ]
    );
    assert_eq!(app.all(".pr-gap-rows > li circle").len(), 3, "a mark for each of Us's three scores");
    assert_eq!(app.all(".pr-gap-rows > li polygon").len(), 2, "a diamond for each of Partner's two");
    assert_eq!(app.text(".pr-compare [role=status]"), "Sorted by largest gap.");
    app.click("Sort by principle order").await;
    assert_eq!(sentences(&app)[0], "Clear objectives: Us 100, Partner 100, a gap of 0.");
    assert_eq!(app.text(".pr-compare [role=status]"), "Sorted by principle order.");
    assert_eq!(app.text(".pr-differences summary"), "Statements answered far apart (3)");
    assert!(app.text(".pr-differences").contains("Us: Strongly agree \u{2014} Partner: Disagree"));

    // The agenda: the gap first, then what both see alike.
    app.click("Prepare the meeting").await;
    assert_eq!(app.heading(), "Meeting agenda: Us and Partner");
    let topics = |app: &Mounted| -> Vec<String> {
        app.all(".pr-agenda-items > li h3").iter().map(|h| h.text_content().unwrap()).collect()
    };
    let suggested = topics(&app);
    assert_eq!(suggested.first().map(String::as_str), Some("Opening: what each side wants from the partnership5 min"));
    assert!(suggested[1].starts_with("Aligned values and culture"), "{suggested:?}");
    assert!(suggested.last().unwrap().starts_with("Decisions and owners"), "{suggested:?}");
    app.click("Leave out Aligned values and culture").await;
    assert!(!topics(&app).iter().any(|t| t.starts_with("Aligned values")), "left out");
    assert_eq!(app.text(".pr-agenda [role=status]"), "Aligned values and culture left out; times recomputed.");
    app.click("Back to the suggested topics").await;
    assert_eq!(topics(&app), suggested);
    app.one("input[type=radio]").dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    fake_clipboard(false);
    app.click("Copy as Markdown").await;
    wait_until("the copy is reported", 200, || !app.text(".pr-agenda [role=status]").is_empty()).await;
    assert_eq!(app.text(".pr-agenda [role=status]"), "The agenda was copied to the clipboard.");
    let markdown = copied_text().expect("the agenda was copied");
    assert!(
        markdown.starts_with(
            "# Meeting agenda: Us and Partner\n\n- Date: to be agreed\n- Attendees: Us, Partner\n- Length: 30 minutes\n"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("\n## 1. Opening: what each side wants from the partnership (5 min)\n"), "{markdown}");
    app.click("Download .md").await;
    let status = app.text(".pr-agenda [role=status]");
    assert!(status.contains("partnership-readiness-agenda-us-and-partner-") && status.contains(".md"), "{status}");
    app.click("Back to the comparison").await;
    assert_eq!(app.heading(), "Comparison: Us and Partner");
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_result_alone_has_an_agenda_of_its_weakest_principles() {
    let app = Mounted::new(&fresh_key("agenda-one")).await;
    finish(&app, "", &["Agree", "Disagree", "Strongly agree", "Neutral"]).await;
    app.click("Prepare the meeting").await;
    assert_eq!(app.heading(), "Meeting agenda");
    let reasons: Vec<String> = app.all(".pr-agenda-reason").iter().map(|p| p.text_content().unwrap()).collect();
    assert_eq!(reasons, ["Scored 25.", "Scored 50.", "Scored 75.", "Scored 100."]);
    app.click("Back to the result").await;
    assert!(app.heading().starts_with("Your results"));
}
