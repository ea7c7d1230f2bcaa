//! Every user-facing string of the widget's interface, in one place.
//!
//! The questionnaire content (principles, statements, bands) lives in the data
//! file instead. A second language is a second `UiText` value; templates use
//! `{name}` placeholders filled by [`fill`], so word order can differ per language.

use crate::model::Rating;

/// The interface texts of one language.
#[derive(Debug, PartialEq)]
pub struct UiText {
    /// Locale for dates formatted by the browser.
    pub date_locale: &'static str,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub start_duration: &'static str,
    pub start_privacy: &'static str,
    pub start_button: &'static str,
    pub resume_button: &'static str,
    pub start_over_button: &'static str,
    /// `{answered}`, `{total}`.
    pub draft_status: &'static str,
    pub confirm_start_over: &'static str,
    pub confirm_start_over_yes: &'static str,
    pub cancel: &'static str,

    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_untitled: &'static str,
    pub history_open: &'static str,
    pub history_delete: &'static str,
    pub history_clear: &'static str,
    /// `{label}`.
    pub confirm_delete: &'static str,
    pub confirm_delete_yes: &'static str,
    pub confirm_clear: &'static str,
    pub confirm_clear_yes: &'static str,
    pub history_col_date: &'static str,
    pub history_col_label: &'static str,
    pub history_col_score: &'static str,
    pub history_col_actions: &'static str,
    pub no_score: &'static str,

    pub steps_nav_label: &'static str,
    /// `{n}`, `{total}`.
    pub progress: &'static str,
    /// `{answered}`, `{total}`.
    pub step_answered: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub to_review: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    /// `{used}`, `{max}`.
    pub note_counter: &'static str,
    pub rating_labels: [&'static str; 5],
    pub not_sure: &'static str,
    /// `{n}` (statement number), `{text}`.
    pub statement_legend: &'static str,

    pub review_title: &'static str,
    pub review_intro: &'static str,
    /// `{count}`.
    pub review_unanswered: &'static str,
    pub review_all_answered: &'static str,
    pub review_missing: &'static str,
    /// `{title}`.
    pub review_change: &'static str,
    pub review_note: &'static str,
    pub label_field: &'static str,
    pub label_hint: &'static str,
    pub finish_button: &'static str,

    pub results_title: &'static str,
    /// `{label}`.
    pub results_title_labelled: &'static str,
    /// `{date}`.
    pub results_date: &'static str,
    pub overall_label: &'static str,
    /// `{rated}`, `{total}`, `{percent}`.
    pub coverage: &'static str,
    pub no_overall: &'static str,
    pub only_not_sure: &'static str,
    pub chart_title: &'static str,
    pub chart_description: &'static str,
    pub table_caption: &'static str,
    pub table_principle: &'static str,
    pub table_score: &'static str,
    pub table_answered: &'static str,
    /// `{rated}`, `{total}`.
    pub table_rated: &'static str,
    pub strengths_title: &'static str,
    pub priorities_title: &'static str,
    pub priorities_none: &'static str,
    pub strengths_none: &'static str,
    pub notes_title: &'static str,
    pub how_scored_title: &'static str,
    pub how_scored: [&'static str; 3],
    pub how_scored_overall_equal: &'static str,
    pub how_scored_overall_weighted: &'static str,
    /// `{bands}`: the list of bands, e.g. "0–39 Not yet ready, 40–59 Emerging".
    pub how_scored_bands: &'static str,
    pub how_scored_highlights: &'static str,
    pub print_button: &'static str,
    pub back_to_start: &'static str,
    pub outdated_result: &'static str,

    pub notice_dismiss: &'static str,
    pub notice_storage_unavailable: &'static str,
    pub notice_storage_full: &'static str,
    pub notice_storage_write_failed: &'static str,
    /// `{reason}`, `{key}`.
    pub notice_storage_corrupt: &'static str,
    /// `{reason}`.
    pub notice_storage_corrupt_no_backup: &'static str,
    /// `{reason}`.
    pub notice_storage_newer: &'static str,
    pub notice_result_saved: &'static str,
    pub notice_history_cleared: &'static str,
    pub notice_result_deleted: &'static str,
    pub crash_message: &'static str,
    pub crash_reload: &'static str,
}

impl UiText {
    /// The label of a rating on the answer scale.
    pub fn rating(&self, rating: Rating) -> &'static str {
        self.rating_labels[usize::from(rating.value() - 1)]
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names and lone
/// braces stay as written. One pass, no intermediate strings.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let value = after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(name, _)| Some(*name) == after.get(..close))?.1)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// English interface texts.
pub static EN: UiText = UiText {
    date_locale: "en-GB",
    start_title: "How ready are you for this partnership?",
    start_intro: "Rate three statements on each of the ten principles of a strong strategic partnership: clear objectives, aligned values, complementary strengths, open communication, mutual benefit, personal relationships, adaptability, governance, relationship management and shared celebration.",
    start_duration: "It takes about five minutes. You get a score per principle, an overall readiness score, and the topics worth discussing with your partner.",
    start_privacy: "Your answers and results stay in this browser only. Nothing is sent to a server.",
    start_button: "Start the check",
    resume_button: "Continue where you left off",
    start_over_button: "Start over",
    draft_status: "You have a check in progress: {answered} of {total} statements answered.",
    confirm_start_over: "Start over? The answers of the check in progress will be discarded. Saved results are kept.",
    confirm_start_over_yes: "Yes, discard and start over",
    cancel: "Cancel",

    history_title: "Saved results",
    history_empty: "No saved results yet. Finished checks appear here.",
    history_untitled: "Untitled result",
    history_open: "Open",
    history_delete: "Delete",
    history_clear: "Delete all saved results",
    confirm_delete: "Delete \u{201c}{label}\u{201d}? This cannot be undone.",
    confirm_delete_yes: "Yes, delete",
    confirm_clear: "Delete all saved results? This cannot be undone.",
    confirm_clear_yes: "Yes, delete all",
    history_col_date: "Date",
    history_col_label: "Label",
    history_col_score: "Score",
    history_col_actions: "Actions",
    no_score: "No score",

    steps_nav_label: "Principles",
    progress: "Principle {n} of {total}",
    step_answered: "{answered} of {total} answered",
    back: "Back",
    next: "Next",
    to_review: "Review answers",
    note_label: "Note (optional)",
    note_hint: "Anything to remember or raise with your partner about this principle.",
    note_counter: "{used} of {max} characters",
    rating_labels: ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
    not_sure: "Not sure / not applicable",
    statement_legend: "{n}. {text}",

    review_title: "Review your answers",
    review_intro: "Check your answers before you see the results. You can change any principle.",
    review_unanswered: "{count} statements are still unanswered. They are left out of the score.",
    review_all_answered: "Every statement is answered.",
    review_missing: "Unanswered",
    review_change: "Change answers for {title}",
    review_note: "Note:",
    label_field: "Label for this result (optional)",
    label_hint: "For example your partner's name, so you can find the result later.",
    finish_button: "See results",

    results_title: "Your results",
    results_title_labelled: "Your results: {label}",
    results_date: "Completed {date}",
    overall_label: "Overall readiness",
    coverage: "Based on {rated} of {total} statements ({percent}%).",
    no_overall: "There is no overall score yet: no statement was rated on the scale.",
    only_not_sure: "Every answer was \u{201c}Not sure / not applicable\u{201d}, so there is nothing to score. Rate at least one statement to get a score.",
    chart_title: "Scores by principle",
    chart_description: "Radar chart of the principle scores, from 0 at the centre to 100 at the edge. Each axis is numbered like its row in the table of scores.",
    table_caption: "Score per principle (0\u{2013}100)",
    table_principle: "Principle",
    table_score: "Score",
    table_answered: "Rated",
    table_rated: "{rated} of {total}",
    strengths_title: "Strengths",
    priorities_title: "Priorities to work on",
    priorities_none: "No priorities: too few principles have a score.",
    strengths_none: "No strengths yet: no principle has a score.",
    notes_title: "Your notes",
    how_scored_title: "How is this scored?",
    how_scored: [
        "Each answer gives points: Strongly disagree 0, Disagree 25, Neutral 50, Agree 75, Strongly agree 100.",
        "\u{201c}Not sure / not applicable\u{201d} and unanswered statements are left out of every average, so they neither raise nor lower a score.",
        "A principle's score is the average of its rated statements. A principle with no rated statement has no score.",
    ],
    how_scored_overall_equal: "The overall score is the average of the principle scores that exist (every principle counts the same), rounded to a whole number. Coverage tells how many statements it rests on.",
    how_scored_overall_weighted: "The overall score is the weighted average of the principle scores that exist, rounded to a whole number. Coverage tells how many statements it rests on.",
    how_scored_bands: "Readiness bands: {bands}.",
    how_scored_highlights: "Strengths are your three highest-scoring principles, priorities your three lowest; equal scores keep the questionnaire's order. With fewer than six scored principles the two lists share them out, so none appears in both.",
    print_button: "Print results",
    back_to_start: "Back to start",
    outdated_result: "This result was answered on an earlier version of the questions; statements that have changed since are not shown.",

    notice_dismiss: "Dismiss",
    notice_storage_unavailable: "This browser does not let the widget save (storage is blocked or unavailable, as in some private windows or embedded frames). You can still complete the check, but answers are lost when you leave the page.",
    notice_storage_full: "The browser's storage is full, so the latest changes were not saved. They stay available until you leave the page. Deleting old saved results frees space.",
    notice_storage_write_failed: "Saving failed, so the latest changes are kept only until you leave the page.",
    notice_storage_corrupt: "Saved data could not be read ({reason}). It was kept aside under \u{201c}{key}\u{201d} in this browser's storage, and the widget started fresh.",
    notice_storage_corrupt_no_backup: "Saved data could not be read ({reason}) and could not be set aside, so the widget will not overwrite it. Changes are kept only until you leave the page.",
    notice_storage_newer: "Saved data comes from a newer version of this widget ({reason}). To protect it, nothing will be saved from this page; changes are kept only until you leave.",
    notice_result_saved: "Result saved in this browser.",
    notice_history_cleared: "All saved results were deleted.",
    notice_result_deleted: "The result was deleted.",
    crash_message: "Something went wrong and the partnership readiness check stopped. Your saved answers are safe in this browser. Please reload the page to continue.",
    crash_reload: "Reload",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill(EN.progress, &[("n", "3"), ("total", "10")]), "Principle 3 of 10");
        assert_eq!(fill("{a}{a}{b}", &[("a", "x"), ("b", "y")]), "xxy");
        assert_eq!(fill("{unknown} { {a", &[("a", "x")]), "{unknown} { {a");
        assert_eq!(fill("ä{a}ö", &[("a", "{b}")]), "ä{b}ö", "values are not filled again");
    }

    #[test]
    fn rating_labels_follow_the_scale() {
        assert_eq!(EN.rating(Rating::StronglyDisagree), "Strongly disagree");
        assert_eq!(EN.rating(Rating::StronglyAgree), "Strongly agree");
    }
}
