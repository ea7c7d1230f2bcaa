//! Two results side by side: what to talk about first, shared priorities and
//! what to build on; one radar chart with both; the scores in a table sortable
//! by gap or by principle; and the statements the two answered far apart.
//! Without a second result, the screen offers the saved ones to choose from.

use yew::prelude::*;

use super::radar_chart::radar_chart;
use super::View;
use crate::model::compare::Comparison;
use crate::model::SavedResult;
use crate::platform::format_date;
use crate::state::{Action, AppState, FullAction, Screen, Side};
use crate::text::fill;

pub fn compare_screen(view: &View, state: &AppState, first: Side, second: Option<Side>) -> Html {
    let (Some(a), Some(b)) = (state.side(first), second.and_then(|side| state.side(side))) else {
        return choose_screen(view, state, first);
    };
    let (text, full) = (view.text, &view.text.full);
    let q = &state.questionnaire;
    let heading_id = view.id("compare-heading");
    let labels = [full.side_name(a, 0), full.side_name(b, 1)];
    let comparison = Comparison::of(q, a, b);
    let title = |index: usize| q.principles[index].title.clone();
    let score = |value: Option<u8>| value.map_or_else(|| text.common.no_score.to_owned(), |v| v.to_string());

    let group = |heading: &'static str, hint: &'static str, indices: Vec<usize>| {
        let items = indices.iter().map(|&i| {
            let p = &comparison.principles[i];
            html! { <li key={i}>{ format!("{} \u{2013} {} {}, {} {}", title(i), labels[0], score(p.a), labels[1], score(p.b)) }</li> }
        });
        html! {
            <section class="pr-group">
                <h3>{ heading }<span class="pr-hint">{ format!(" ({hint})") }</span></h3>
                if indices.is_empty() { <p class="pr-muted">{ full.compare.group_none }</p> } else { <ul>{ for items }</ul> }
            </section>
        }
    };

    let one_sided = comparison.one_sided();
    let order =
        if state.full.by_principle_order { (0..comparison.principles.len()).collect() } else { comparison.by_gap() };
    let rows = order.iter().map(|&i| {
        let p = &comparison.principles[i];
        html! {
            <tr key={i}>
                <th scope="row"><span class="pr-axis-number">{ format!("{}.", i + 1) }</span>{ title(i) }</th>
                <td class="pr-num">{ score(p.a) }</td>
                <td class="pr-num">{ score(p.b) }</td>
                <td class="pr-num" data-principle={q.principles[i].id.clone()}>{ p.gap().map_or_else(|| "\u{2013}".to_owned(), |g| g.to_string()) }</td>
            </tr>
        }
    });
    let by_principle = state.full.by_principle_order;
    let sort =
        view.on_action.reform(move |_: MouseEvent| Action::Full(FullAction::SortByPrincipleOrder(!by_principle)));
    let (aria_gap, aria_principle) = if by_principle { (None, Some("ascending")) } else { (Some("descending"), None) };

    let differences = comparison.principles.iter().filter(|p| !p.differences.is_empty()).map(|p| {
        let principle = &q.principles[p.index];
        let items = p.differences.iter().map(|d| {
            html! {
                <li key={d.statement} class="pr-review-answer">
                    <span class="pr-review-statement">{ principle.statements[d.statement].text.clone() }</span>
                    <strong class="pr-review-value">
                        { fill(full.compare.difference, &[("a_label", labels[0]), ("a", text.rating(d.a)), ("b_label", labels[1]), ("b", text.rating(d.b))]) }
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
    let any_differences = comparison.principles.iter().any(|p| !p.differences.is_empty());

    let series_a: Vec<Option<f64>> = comparison.principles.iter().map(|p| p.a.map(f64::from)).collect();
    let series_b: Vec<Option<f64>> = comparison.principles.iter().map(|p| p.b.map(f64::from)).collect();
    let description = fill(full.compare.chart_description, &[("a", labels[0]), ("b", labels[1])]);

    html! {
        <section class="pr-screen pr-compare" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { fill(full.compare.title, &[("a", labels[0]), ("b", labels[1])]) }
            </h2>
            if comparison.different_versions {
                <p class="pr-notice-inline">{ full.compare.versions }</p>
            }
            if !one_sided.is_empty() {
                <p class="pr-notice-inline">
                    { fill(full.compare.one_sided, &[("list", &one_sided.iter().map(|&i| title(i)).collect::<Vec<_>>().join(", "))]) }
                </p>
            }
            <div class="pr-groups">
                { group(full.compare.talk_first, full.compare.talk_first_hint, comparison.talk_first()) }
                { group(full.compare.shared, full.compare.shared_hint, comparison.shared_priorities()) }
                { group(full.compare.build_on, full.compare.build_on_hint, comparison.build_on()) }
            </div>
            <div class="pr-chart-and-table">
                <figure class="pr-chart-figure">
                    { radar_chart(view, &[&series_a, &series_b], &description) }
                    <figcaption>
                        <ul class="pr-legend">
                            <li data-series="a">{ labels[0] }</li>
                            <li data-series="b">{ labels[1] }</li>
                        </ul>
                    </figcaption>
                </figure>
                <div>
                    <div class="pr-actions pr-actions-compact">
                        <button type="button" class="pr-button pr-button-quiet" onclick={sort}>
                            { if by_principle { full.compare.sort_by_gap } else { full.compare.sort_by_principle } }
                        </button>
                    </div>
                    <p class="pr-visually-hidden" role="status">
                        { if by_principle { full.compare.sorted_by_principle } else { full.compare.sorted_by_gap } }
                    </p>
                    <table class="pr-table pr-compare-table">
                        <caption>{ full.compare.table_caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col" aria-sort={aria_principle}>{ text.results.table_principle }</th>
                                <th scope="col">{ labels[0] }</th>
                                <th scope="col">{ labels[1] }</th>
                                <th scope="col" aria-sort={aria_gap}>{ full.compare.gap }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </div>
            <section class="pr-differences">
                <h3>{ full.compare.differences_title }</h3>
                <p>{ full.compare.differences_intro }</p>
                if any_differences { <ul class="pr-review-list">{ for differences }</ul> } else { <p class="pr-muted">{ full.compare.no_differences }</p> }
            </section>
            <div class="pr-actions pr-no-print">
                if view.config.features.agenda {
                    <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::Open(Screen::Agenda(first, second)))}>
                        { text.results.agenda }
                    </button>
                }
                <button type="button" class="pr-button" onclick={view.send(back(first, second))}>{ full.share.back_to_result }</button>
            </div>
        </section>
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
/// comes first ("You: Agree, Partner: Disagree"), so a shared one goes second.
fn pair_with(first: Side, chosen: u64) -> Screen {
    match first {
        Side::Shared => Screen::Compare(Side::Saved(chosen), Some(Side::Shared)),
        Side::Saved(_) => Screen::Compare(first, Some(Side::Saved(chosen))),
    }
}

/// Choosing the result to compare `first` with: the other saved results, newest first.
fn choose_screen(view: &View, state: &AppState, first: Side) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("compare-heading");
    let Some(chosen) = state.side(first) else { return html! {} };
    let label = full.side_name(chosen, 0);
    let others: Vec<&SavedResult> =
        state.history.iter().rev().filter(|r| Side::Saved(r.id) != first).take(25).collect();
    let choices = others.iter().map(|r| {
        let name = text.result_name(r);
        html! {
            <li key={r.id}>
                <button type="button" class="pr-button" onclick={view.send(Action::Open(pair_with(first, r.id)))}>
                    { fill(full.compare.with, &[("label", name), ("date", &format_date(r.finished_at_ms, text))]) }
                </button>
            </li>
        }
    });
    html! {
        <section class="pr-screen pr-compare" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ fill(full.compare.choose_title, &[("label", label)]) }</h2>
            <p>{ full.compare.choose_intro }</p>
            if others.is_empty() {
                <p class="pr-muted">{ full.compare.none_to_choose }</p>
            } else {
                <ul class="pr-choices">{ for choices }</ul>
            }
            <div class="pr-actions">
                <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Import))}>{ text.start.import }</button>
                <button type="button" class="pr-button" onclick={view.send(back(first, None))}>{ full.share.back_to_result }</button>
            </div>
        </section>
    }
}
