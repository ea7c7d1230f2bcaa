//! The scored result: overall score and band, coverage, radar chart and table,
//! strengths, priorities with recommendations, notes, and how scoring works.

use std::rc::Rc;

use yew::prelude::*;

use super::confirm_prompt::ConfirmPrompt;
use super::radar_chart::RadarChart;
use super::score_table::ScoreTable;
use super::scoring_explainer::ScoringExplainer;
use super::{format_date, send, use_widget};
use crate::model::scoring::round_score;
use crate::model::{Questionnaire, Report, SavedResult};
use crate::state::{Action, Confirmation};
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct ResultsScreenProps {
    pub questionnaire: Rc<Questionnaire>,
    pub result: SavedResult,
    pub pending: Option<Confirmation>,
    pub on_action: Callback<Action>,
}

#[function_component(ResultsScreen)]
pub fn results_screen(props: &ResultsScreenProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    let q = &props.questionnaire;
    let report = {
        let q = q.clone();
        use_memo(props.result.responses.clone(), move |responses| Report::score(&q, responses))
    };
    let heading_id = widget.id("results-heading");
    let title = if props.result.label.is_empty() {
        text.results_title.to_owned()
    } else {
        fill(text.results_title_labelled, &[("label", &props.result.label)])
    };
    let outdated = props.result.questionnaire.content_hash != q.content_hash();

    let overall = match (report.rounded_overall(), report.band(q)) {
        (Some(score), band) => html! {
            <div class="pr-overall">
                <p class="pr-overall-label">{ text.overall_label }</p>
                <p class="pr-overall-score"><span data-testid="overall-score">{ score }</span><span class="pr-overall-max">{ "/100" }</span></p>
                if let Some(band) = band {
                    <p class="pr-band" data-testid="band" data-band-min={band.min.to_string()}>{ band.label.clone() }</p>
                    <p class="pr-band-description">{ band.description.clone() }</p>
                }
            </div>
        },
        (None, _) => html! {
            <div class="pr-overall pr-overall-empty">
                <p class="pr-overall-label">{ text.overall_label }</p>
                <p data-testid="no-score">{ if report.only_not_sure() { text.only_not_sure } else { text.no_overall } }</p>
            </div>
        },
    };
    let coverage = report.coverage;
    let chart_scores: Vec<(AttrValue, Option<f64>)> = report
        .principles
        .iter()
        .map(|p| (AttrValue::from(q.principles[p.index].title.clone()), p.score))
        .collect();
    let score_of = |index: usize| report.principles[index].score.map(round_score).unwrap_or_default();

    let strengths = report.strengths.iter().map(|&i| {
        html! { <li key={i}><strong>{ q.principles[i].title.clone() }</strong>{ format!(" \u{2013} {}", score_of(i)) }</li> }
    });
    let priorities = report.priorities.iter().map(|&i| {
        let principle = &q.principles[i];
        html! {
            <li key={i}>
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
            let note = props.result.responses.note(&p.id);
            (!note.is_empty()).then(|| html! { <li key={p.id.clone()}><strong>{ format!("{}: ", p.title) }</strong>{ note.to_owned() }</li> })
        })
        .collect();

    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A blocked print dialog (sandboxed iframe) is not an error worth surfacing.
            let _ = window.print();
        }
    });
    let id = props.result.id;
    let delete_controls = if props.pending == Some(Confirmation::DeleteResult(id)) {
        html! {
            <ConfirmPrompt message={fill(text.confirm_delete, &[("label", if props.result.label.is_empty() { text.history_untitled } else { &props.result.label })])}
                confirm_label={text.confirm_delete_yes}
                on_confirm={send(&props.on_action, Action::Confirm)}
                on_cancel={send(&props.on_action, Action::Cancel)} />
        }
    } else {
        html! {
            <button type="button" class="pr-button pr-button-quiet"
                onclick={send(&props.on_action, Action::Ask(Confirmation::DeleteResult(id)))}>
                { text.history_delete }
            </button>
        }
    };

    html! {
        <section class="pr-screen pr-results" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ title }</h2>
            <p class="pr-muted">{ fill(text.results_date, &[("date", &format_date(props.result.finished_at_ms, text.date_locale))]) }</p>
            if outdated { <p class="pr-notice-inline">{ text.outdated_result }</p> }
            { overall }
            <p class="pr-coverage" data-testid="coverage">
                { fill(text.coverage, &[("rated", &coverage.rated.to_string()), ("total", &coverage.total.to_string()), ("percent", &coverage.percent().to_string())]) }
            </p>
            <div class="pr-chart-and-table">
                <figure class="pr-chart-figure">
                    <RadarChart scores={chart_scores} />
                </figure>
                <ScoreTable questionnaire={q.clone()} report={report.clone()} />
            </div>
            <div class="pr-highlights">
                <section class="pr-strengths">
                    <h3>{ text.strengths_title }</h3>
                    if report.strengths.is_empty() { <p>{ text.strengths_none }</p> } else { <ol>{ for strengths }</ol> }
                </section>
                <section class="pr-priorities">
                    <h3>{ text.priorities_title }</h3>
                    if report.priorities.is_empty() { <p>{ text.priorities_none }</p> } else { <ol>{ for priorities }</ol> }
                </section>
            </div>
            if !notes.is_empty() {
                <section class="pr-notes">
                    <h3>{ text.notes_title }</h3>
                    <ul>{ for notes }</ul>
                </section>
            }
            <ScoringExplainer questionnaire={q.clone()} />
            <div class="pr-actions pr-no-print">
                <button type="button" class="pr-button pr-button-primary" onclick={send(&props.on_action, Action::GoToStart)}>{ text.back_to_start }</button>
                <button type="button" class="pr-button" onclick={on_print}>{ text.print_button }</button>
                { delete_controls }
            </div>
        </section>
    }
}
