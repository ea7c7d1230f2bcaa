//! Two results side by side, read at a glance: both overall scores and bands
//! at the top; what to talk about first (at most three, the rest one click
//! away), shared priorities and what to build on; every principle as a gap
//! chart — two marks on one 0–100 line, told apart by shape, with the numbers
//! as text — sortable by gap or by principle; then, one click away, the
//! statements answered far apart and the radar chart of both. Without a second
//! result, the screen offers the saved ones to choose from, or a way forward.

use yew::prelude::*;

use super::radar_chart::{coordinate, diamond, radar_chart};
use super::shared_screen::keep_shared;
use super::{button, primary_button, quiet_button, View};
use crate::model::compare::Comparison;
use crate::model::{Questionnaire, Report, SavedResult};
use crate::platform::format_date;
use crate::state::{Action, AppState, FullAction, Screen, Side};
use crate::text::fill;

/// How many principles "Talk about first" shows before "more".
const TALK_FIRST_SHOWN: usize = 3;

pub fn compare_screen(view: &View, state: &AppState, first: Side, second: Option<Side>) -> Html {
    let (Some(a), Some(b)) = (state.side(first), second.and_then(|side| state.side(side))) else {
        return choose_screen(view, state, first);
    };
    let (text, full) = (view.text, &view.text.full);
    let q = &state.questionnaire;
    let heading_id = view.id("compare-heading");
    let labels = full.side_names(a, b);
    let comparison = Comparison::of(q, a, b);
    let title = |index: usize| q.principles[index].title.clone();

    let talk_first = comparison.talk_first();
    let gap_line = |&i: &usize| {
        let gap = comparison.principles[i].gap().unwrap_or_default();
        html! { <li key={i}>{ fill(full.compare.gap_item, &[("title", &title(i)), ("gap", &gap.to_string())]) }</li> }
    };
    let names = |indices: Vec<usize>| {
        if indices.is_empty() {
            full.compare.group_none.to_owned()
        } else {
            indices.iter().map(|&i| title(i)).collect::<Vec<_>>().join(", ")
        }
    };

    let by_principle = state.full.by_principle_order;
    let order = if by_principle { (0..comparison.principles.len()).collect() } else { comparison.by_gap() };
    let sort =
        view.on_action.reform(move |_: MouseEvent| Action::Full(FullAction::SortByPrincipleOrder(!by_principle)));
    let score = |value: Option<u8>| value.map_or_else(|| text.common.no_score.to_owned(), |v| v.to_string());
    let rows = order.iter().map(|&i| {
        let p = &comparison.principles[i];
        let (sa, sb) = (score(p.a), score(p.b));
        let values = [("title", title(i)), ("a_label", labels[0].clone()), ("a", sa.clone()), ("b_label", labels[1].clone()), ("b", sb.clone())];
        let mut values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let gap = p.gap().map(|g| g.to_string());
        let sentence = match &gap {
            Some(gap) => {
                values.push(("gap", gap));
                fill(full.compare.row, &values)
            }
            None => fill(full.compare.row_one_sided, &values),
        };
        html! {
            <li key={i} data-principle={q.principles[i].id.clone()}>
                <span class="pr-visually-hidden">{ sentence }</span>
                <span class="pr-gap-title" aria-hidden="true">{ title(i) }</span>
                { gap_track(p.a, p.b) }
                <span class="pr-gap-numbers" aria-hidden="true">
                    <span data-series="a">{ sa }</span>
                    <span data-series="b">{ sb }</span>
                    <span class="pr-gap-value">{ gap.map_or_else(|| "\u{2013}".to_owned(), |g| format!("\u{0394} {g}")) }</span>
                </span>
            </li>
        }
    });

    let different: Vec<&crate::model::compare::PrincipleComparison> =
        comparison.principles.iter().filter(|p| !p.differences.is_empty()).collect();
    let statements_apart: usize = different.iter().map(|p| p.differences.len()).sum();
    let differences = different.iter().map(|p| {
        let principle = &q.principles[p.index];
        let items = p.differences.iter().map(|d| {
            html! {
                <li key={d.statement} class="pr-review-answer">
                    <span class="pr-review-statement">{ principle.statements[d.statement].text.clone() }</span>
                    <strong class="pr-review-value">
                        { fill(full.compare.difference, &[("a_label", &labels[0]), ("a", text.rating(d.a)), ("b_label", &labels[1]), ("b", text.rating(d.b))]) }
                    </strong>
                </li>
            }
        });
        html! {
            <li key={p.index}>
                <h4>{ principle.title.clone() }</h4>
                <ul class="pr-review-answers">{ for items }</ul>
            </li>
        }
    });

    let series_a: Vec<Option<f64>> = comparison.principles.iter().map(|p| p.a.map(f64::from)).collect();
    let series_b: Vec<Option<f64>> = comparison.principles.iter().map(|p| p.b.map(f64::from)).collect();
    let axis_names: Vec<&str> = q.principles.iter().map(|p| p.short_title()).collect();
    let description = fill(full.compare.chart_description, &[("a", &labels[0]), ("b", &labels[1])]);
    let one_sided = comparison.one_sided();
    // Sending one's own result back to the partner whose result this is.
    let send_back = match (a.received, b.received, first, second) {
        (false, true, Side::Saved(own), _) => Some((own, &labels[1])),
        (true, false, _, Some(Side::Saved(own))) => Some((own, &labels[0])),
        _ => None,
    };
    let legend = html! {
        <ul class="pr-legend">
            <li data-series="a">{ labels[0].clone() }</li>
            <li data-series="b">{ labels[1].clone() }</li>
        </ul>
    };

    html! {
        <section class="pr-screen pr-compare" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { fill(full.compare.title, &[("a", &labels[0]), ("b", &labels[1])]) }
            </h2>
            if comparison.different_versions {
                <p class="pr-notice-inline">{ full.compare.versions }</p>
            }
            <div class="pr-compare-scores">
                { overall_card(view, q, a, &labels[0], "a") }
                { overall_card(view, q, b, &labels[1], "b") }
            </div>
            <section class="pr-talk-first">
                <h3>{ full.compare.talk_first }<span class="pr-hint">{ format!(" ({})", full.compare.talk_first_hint) }</span></h3>
                if talk_first.is_empty() {
                    <p class="pr-muted">{ full.compare.talk_first_none }</p>
                } else {
                    <ol class="pr-talk-first-list">{ for talk_first.iter().take(TALK_FIRST_SHOWN).map(gap_line) }</ol>
                    if talk_first.len() > TALK_FIRST_SHOWN {
                        <details class="pr-more">
                            <summary>{ fill(full.compare.talk_first_more, &[("count", &(talk_first.len() - TALK_FIRST_SHOWN).to_string())]) }</summary>
                            <ol start={(TALK_FIRST_SHOWN + 1).to_string()}>{ for talk_first.iter().skip(TALK_FIRST_SHOWN).map(gap_line) }</ol>
                        </details>
                    }
                }
            </section>
            <p class="pr-group-line"><strong>{ full.compare.shared }</strong>{ format!(" ({}): ", full.compare.shared_hint) }{ names(comparison.shared_priorities()) }</p>
            <p class="pr-group-line"><strong>{ full.compare.build_on }</strong>{ format!(" ({}): ", full.compare.build_on_hint) }{ names(comparison.build_on()) }</p>
            <section class="pr-gap-chart">
                <div class="pr-gap-chart-head">
                    <h3>{ if by_principle { full.compare.chart_by_principle } else { full.compare.chart_by_gap } }</h3>
                    <button type="button" class="pr-button pr-button-quiet pr-no-print" onclick={sort}>
                        { if by_principle { full.compare.sort_by_gap } else { full.compare.sort_by_principle } }
                    </button>
                </div>
                <p class="pr-visually-hidden" role="status">
                    { if by_principle { full.compare.sorted_by_principle } else { full.compare.sorted_by_gap } }
                </p>
                { legend.clone() }
                <ol class="pr-gap-rows">{ for rows }</ol>
                if !one_sided.is_empty() {
                    <p class="pr-muted">
                        { fill(full.compare.one_sided, &[("list", &one_sided.iter().map(|&i| title(i)).collect::<Vec<_>>().join(", "))]) }
                    </p>
                }
            </section>
            <details class="pr-more pr-differences">
                <summary>{ fill(full.compare.differences_count, &[("count", &statements_apart.to_string())]) }</summary>
                <p>{ full.compare.differences_intro }</p>
                if different.is_empty() { <p class="pr-muted">{ full.compare.no_differences }</p> } else { <ul class="pr-review-list">{ for differences }</ul> }
            </details>
            <details class="pr-more pr-compare-radar">
                <summary>{ full.compare.radar_title }</summary>
                <figure class="pr-chart-figure">
                    { radar_chart(view, &[&series_a, &series_b], &axis_names, &description) }
                    <figcaption>{ legend }</figcaption>
                </figure>
            </details>
            <div class="pr-actions pr-no-print">
                if view.config.features.agenda {
                    <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::Open(Screen::Agenda(first, second)))}>
                        { text.results.agenda }
                    </button>
                }
                if let (true, Some((own, partner))) = (view.config.features.share, send_back) {
                    <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Share(own)))}>
                        { fill(full.compare.send_back, &[("label", partner)]) }
                    </button>
                }
                <button type="button" class="pr-button pr-button-quiet" onclick={view.send(back(first, second))}>{ full.share.back_to_result }</button>
            </div>
        </section>
    }
}

/// One side's overall score and band, marked like its series in the charts.
fn overall_card(view: &View, q: &Questionnaire, result: &SavedResult, name: &str, series: &'static str) -> Html {
    let report = Report::score(q, &result.responses);
    html! {
        <div class="pr-overall pr-compare-overall" data-series={series}>
            <p class="pr-overall-label">{ name.to_owned() }</p>
            <p class="pr-overall-score">
                { report.rounded_overall().map_or_else(|| view.text.common.no_score.to_owned(), |s| s.to_string()) }
                <span class="pr-overall-max">{ "/100" }</span>
            </p>
            if let Some(band) = report.band(q) {
                <p class="pr-band">{ band.label.clone() }</p>
            }
        </div>
    }
}

/// A principle's two scores on one 0–100 line: a circle for the first result,
/// a diamond for the second, a bar between them (the gap). Drawn with SVG
/// attributes (a strict policy refuses style attributes); for the eye only:
/// the row says the same in words.
fn gap_track(a: Option<u8>, b: Option<u8>) -> Html {
    // The line runs from 8 to 292 of a 300-wide box, so marks at 0 and 100 fit.
    let x = |score: u8| 8.0 + f64::from(score) * 2.84;
    let bar = match (a, b) {
        (Some(a), Some(b)) => html! {
            <line class="pr-gap-bar" x1={coordinate(x(a))} x2={coordinate(x(b))} y1="10" y2="10" />
        },
        _ => html! {},
    };
    let circle =
        a.map(|a| html! { <circle class="pr-gap-mark" data-series="a" cx={coordinate(x(a))} cy="10" r="6" /> });
    let diamond =
        b.map(|b| html! { <polygon class="pr-gap-mark" data-series="b" points={diamond(x(b), 10.0, 7.0)} /> });
    html! {
        <svg class="pr-gap-track" viewBox="0 0 300 20" aria-hidden="true" focusable="false">
            <line class="pr-gap-axis" x1="8" x2="292" y1="10" y2="10" />
            <line class="pr-gap-tick" x1="150" x2="150" y1="5" y2="15" />
            { bar }
            { circle.unwrap_or_default() }
            { diamond.unwrap_or_default() }
        </svg>
    }
}

/// Where "back" goes from a screen about `first` (and `second`): the shared
/// result when one side is the link the person came from, else `first`'s result.
pub fn back(first: Side, second: Option<Side>) -> Action {
    match (first, second) {
        (Side::Shared, _) | (_, Some(Side::Shared)) => Action::Open(Screen::Shared),
        (Side::Saved(id), _) => Action::Open(Screen::Results(id)),
    }
}

/// The comparison of `first` with the saved result `chosen`: one's own result
/// comes first ("You: Agree, Partner: Disagree"), so a shared or received one goes second.
fn pair_with(state: &AppState, first: Side, chosen: u64) -> Screen {
    let received = state.side(first).is_some_and(|r| r.received);
    match first {
        Side::Saved(_) if !received => Screen::Compare(first, Some(Side::Saved(chosen))),
        _ => Screen::Compare(Side::Saved(chosen), Some(first)),
    }
}

/// Choosing the result to compare `first` with: the other saved results,
/// newest first. Without any, the way forward: taking the check oneself
/// (someone else's result), or sending one's own to the partner.
fn choose_screen(view: &View, state: &AppState, first: Side) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("compare-heading");
    let Some(chosen) = state.side(first) else { return html! {} };
    let label = text.result_name(chosen);
    let others: Vec<&SavedResult> =
        state.history.iter().rev().filter(|r| Side::Saved(r.id) != first && !same(r, chosen)).take(25).collect();
    let choices = others.iter().map(|r| {
        let name = text.result_name(r);
        html! {
            <li key={r.id}>
                <button type="button" class="pr-button" onclick={view.send(Action::Open(pair_with(state, first, r.id)))}>
                    { fill(full.compare.with, &[("label", name), ("date", &format_date(r.finished_at_ms, text))]) }
                    if r.received { { " " }<span class="pr-tag">{ text.history.received_tag }</span> }
                </button>
            </li>
        }
    });
    // With no other result to choose, the way forward: someone else's result
    // is compared once one's own is taken; one's own once the partner sends theirs.
    let (intro, forward) = if !others.is_empty() {
        (full.compare.choose_intro, None)
    } else if chosen.received {
        let take_check = match first {
            Side::Shared => keep_shared(view, |id| FullAction::TakeCheckToCompare { id }),
            Side::Saved(id) => view.send(Action::StartToCompare(id)),
        };
        (full.compare.none_own, Some(primary_button(text.results.take_check.into(), take_check)))
    } else {
        let send = match (view.config.features.share, first) {
            (true, Side::Saved(id)) => {
                Some(primary_button(text.results.send.into(), view.send(Action::Open(Screen::Share(id)))))
            }
            _ => None,
        };
        (full.compare.none_partner, send)
    };
    html! {
        <section class="pr-screen pr-compare" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ fill(full.compare.choose_title, &[("label", label)]) }</h2>
            <p>{ intro }</p>
            if !others.is_empty() {
                <ul class="pr-choices">{ for choices }</ul>
            }
            <div class="pr-actions">
                { forward.unwrap_or_default() }
                { button(full.compare.import_other.into(), view.send(Action::Open(Screen::Import))) }
                { quiet_button(full.share.back_to_result.into(), view.send(back(first, None))) }
            </div>
        </section>
    }
}

/// Whether `saved` is the very result `shown` (a shared result already saved).
fn same(saved: &SavedResult, shown: &SavedResult) -> bool {
    crate::model::saved::same_result(saved, shown)
}
