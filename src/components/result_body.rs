//! The scored content of a result, wherever it is shown (a saved result, a
//! shared one): overall score and band, coverage, the table of principle
//! scores with a bar each, strengths, priorities with recommendations, notes,
//! and how scoring works.

use yew::prelude::*;

use super::score_table::score_table;
use super::scoring_explainer::scoring_explainer;
use super::trend_badge::trend_badge;
use super::View;
use crate::model::scoring::round_score;
use crate::model::trend::Trend;
use crate::model::{Questionnaire, Report, SavedResult};
use crate::platform::format_date;
use crate::text::fill;

/// `trend`: the change since the earlier result with the same label, if any;
/// `next`: what can be done with the result, shown under its overall score.
pub fn result_body(view: &View, q: &Questionnaire, result: &SavedResult, trend: Option<&Trend>, next: Html) -> Html {
    let text = view.text;
    // Thirty answers: scoring on every render is cheaper than caching it.
    let report = Report::score(q, &result.responses);
    let outdated = result.questionnaire.content_hash != q.content_hash;
    let overall = match (report.rounded_overall(), report.band(q)) {
        (Some(score), band) => html! {
            <div class="pr-overall">
                <p class="pr-overall-label">{ text.results.overall_label }</p>
                <p class="pr-overall-score"><span data-testid="overall-score">{ score }</span><span class="pr-overall-max">{ "/100" }</span></p>
                if let Some(band) = band {
                    <p class="pr-band" data-testid="band">{ band.label.clone() }</p>
                }
                if let Some((change, since)) = trend.and_then(|t| Some((t.overall?, t.since_ms))) {
                    <p class="pr-trend-overall" data-testid="trend">
                        { trend_badge(view, change) }{ " " }
                        { fill(text.trend.since, &[("date", &format_date(since, text))]) }
                    </p>
                }
                if let Some(band) = band {
                    <p class="pr-band-description">{ band.description.clone() }</p>
                }
            </div>
        },
        (None, _) => html! {
            <div class="pr-overall pr-overall-empty">
                <p class="pr-overall-label">{ text.results.overall_label }</p>
                <p data-testid="no-score">{ if report.only_not_sure() { text.results.only_not_sure } else { text.results.no_overall } }</p>
            </div>
        },
    };
    let coverage = report.coverage;
    let score_of = |index: usize| report.principles[index].score.map(round_score).unwrap_or_default();

    let strengths = report.strengths.iter().map(|&i| {
        html! { <li><strong>{ q.principles[i].title.clone() }</strong>{ format!(" \u{2013} {}", score_of(i)) }</li> }
    });
    let priorities = report.priorities.iter().map(|&i| {
        let principle = &q.principles[i];
        html! {
            <li>
                <h4>{ format!("{} \u{2013} {}", principle.title, score_of(i)) }</h4>
                <ul class="pr-recommendations">
                    { for principle.recommendations.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ul>
            </li>
        }
    });
    let notes: Vec<Html> = q
        .principles
        .iter()
        .filter_map(|p| {
            let note = result.responses.note(&p.id);
            (!note.is_empty())
                .then(|| html! { <li><strong>{ format!("{}: ", p.title) }</strong>{ note.to_owned() }</li> })
        })
        .collect();

    let notes_title = match (result.received, result.label.is_empty()) {
        (false, _) => text.results.notes_title.to_owned(),
        (true, true) => text.results.notes_received_untitled.to_owned(),
        (true, false) => fill(text.results.notes_received, &[("label", &result.label)]),
    };

    html! {
        <>
            if outdated { <p class="pr-notice-inline">{ text.results.outdated }</p> }
            { overall }
            { next }
            <p class="pr-coverage" data-testid="coverage">
                { fill(text.results.coverage, &[("rated", &coverage.rated.to_string()), ("total", &coverage.total.to_string()), ("percent", &coverage.percent().to_string())]) }
            </p>
            { score_table(view, q, &report, trend.map(|t| t.principles.as_slice())) }
            <div class="pr-highlights">
                <section class="pr-strengths">
                    <h3>{ text.results.strengths_title }</h3>
                    if report.strengths.is_empty() { <p>{ text.results.strengths_none }</p> } else { <ol>{ for strengths }</ol> }
                </section>
                <section class="pr-priorities">
                    <h3>{ text.results.priorities_title }</h3>
                    if report.priorities.is_empty() { <p>{ text.results.priorities_none }</p> } else { <ol>{ for priorities }</ol> }
                </section>
            </div>
            if !notes.is_empty() {
                <section class="pr-notes">
                    <h3>{ notes_title }</h3>
                    <ul>{ for notes }</ul>
                </section>
            }
            { scoring_explainer(view, q) }
        </>
    }
}
