//! Two results side by side, read at a glance: both overall scores and bands
//! at the top; what to talk about first (at most three, the rest one click
//! away), shared priorities and what to build on; every principle as a gap
//! chart — two marks on one 0–100 line, told apart by shape, with the numbers
//! as text — sortable by gap or by principle; then, one click away, the
//! statements answered far apart and the radar chart of both. Without a second
//! result, the screen offers the saved ones to choose from, or a way forward.

use yew::prelude::*;

use super::field::field_value;
use super::import_screen::import_problem;
use super::party::{comparison_of, party, Party};
use super::radar_chart::{coordinate, diamond, radar_chart};
use super::shared_screen::keep_shared;
use super::team_screen::{range_text, team_name};
use super::{button, primary_button, quiet_button, View};
use crate::model::team::{Spread, Team};
use crate::model::{Questionnaire, Report, SavedResult};
use crate::platform::format_date;
use crate::share;
use crate::state::{Action, AppState, FullAction, ImportOutcome, Screen, Side};
use crate::text::fill;

/// How many principles "Talk about first" shows before "more".
const TALK_FIRST_SHOWN: usize = 3;

pub fn compare_screen(view: &View, state: &AppState, first: Side, second: Option<Side>) -> Html {
    let (Some(a_side), Some(b_side)) = (party(view, state, first), second.and_then(|side| party(view, state, side)))
    else {
        return choose_screen(view, state, first);
    };
    let (text, full) = (view.text, &view.text.full);
    let q = &state.questionnaire;
    let heading_id = view.id("compare-heading");
    let (a, b) = (&*a_side.result, &*b_side.result);
    let labels = full.side_names(a, b);
    let comparison = comparison_of(q, &a_side, &b_side);
    let teams = [a_side.team.as_ref(), b_side.team.as_ref()];
    // A team side's range on a principle, in words ("range 25–100").
    let range_of = |side: usize, i: usize| teams[side].map(|team| range_text(text, &team.principles[i].spread));
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
        let with_range = |side: usize, value: Option<u8>| match range_of(side, i) {
            Some(range) => format!("{} ({range})", score(value)),
            None => score(value),
        };
        let (sa, sb) = (with_range(0, p.a), with_range(1, p.b));
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
                { gap_track(p.a, p.b, [0, 1].map(|side| teams[side].map(|t| t.principles[i].spread))) }
                <span class="pr-gap-numbers" aria-hidden="true">
                    <span data-series="a">{ score(p.a) }{ range_of(0, i).map(|r| html! { <small class="pr-range">{ format!(" {r}") }</small> }) }</span>
                    <span data-series="b">{ score(p.b) }{ range_of(1, i).map(|r| html! { <small class="pr-range">{ format!(" {r}") }</small> }) }</span>
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
                { overall_card(view, q, &a_side, &labels[0], "a") }
                { overall_card(view, q, &b_side, &labels[1], "b") }
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
            // A team has no answers of its own: its statements apart are on its own screen.
            if teams.iter().all(Option::is_none) {
                <details class="pr-more pr-differences">
                    <summary>{ fill(full.compare.differences_count, &[("count", &statements_apart.to_string())]) }</summary>
                    <p>{ full.compare.differences_intro }</p>
                    if different.is_empty() { <p class="pr-muted">{ full.compare.no_differences }</p> } else { <ul class="pr-review-list">{ for differences }</ul> }
                </details>
            }
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
                <button type="button" class="pr-button pr-button-quiet" onclick={view.send(back(first, second))}>{ back_label(view, first) }</button>
            </div>
        </section>
    }
}

/// One side's overall score and band (a team: its median and range), marked
/// like its series in the charts.
fn overall_card(view: &View, q: &Questionnaire, side: &Party, name: &str, series: &'static str) -> Html {
    let score = |value: Option<u8>| value.map_or_else(|| view.text.common.no_score.to_owned(), |s| s.to_string());
    let (overall, detail) = match &side.team {
        Some(team) => (
            team.overall.median,
            Some(format!("{} \u{00b7} {}", view.text.full.team.median_label, range_text(view.text, &team.overall))),
        ),
        None => {
            let report = Report::score(q, &side.result.responses);
            (report.rounded_overall(), report.band(q).map(|band| band.label.clone()))
        }
    };
    html! {
        <div class="pr-overall pr-compare-overall" data-series={series}>
            <p class="pr-overall-label">{ name.to_owned() }</p>
            <p class="pr-overall-score">
                { score(overall) }
                <span class="pr-overall-max">{ "/100" }</span>
            </p>
            if let Some(detail) = detail {
                <p class="pr-band">{ detail }</p>
            }
        </div>
    }
}

/// A principle's two scores on one 0–100 line: a circle for the first result,
/// a diamond for the second, a bar between them (the gap); a team's range as
/// a band of its series under its mark. Drawn with SVG attributes (a strict
/// policy refuses style attributes); for the eye only: the row says the same
/// in words.
fn gap_track(a: Option<u8>, b: Option<u8>, ranges: [Option<Spread>; 2]) -> Html {
    // The line runs from 8 to 292 of a 300-wide box, so marks at 0 and 100 fit.
    let x = |score: u8| 8.0 + f64::from(score) * 2.84;
    let bands = ranges.iter().zip(["a", "b"]).filter_map(|(range, series)| {
        let (lowest, highest) = (range.as_ref()?.lowest?, range.as_ref()?.highest?);
        Some(html! {
            <line class="pr-range-band" data-series={series} x1={coordinate(x(lowest))} x2={coordinate(x(highest))} y1="10" y2="10" />
        })
    });
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
            { for bands }
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
        (Side::Team(id), _) => Action::Open(Screen::Team(id)),
    }
}

/// What "back" from a screen about `first` says: to the team, or to the result.
pub fn back_label(view: &View, first: Side) -> &'static str {
    match first {
        Side::Team(_) => view.text.full.team.back_to_team,
        _ => view.text.full.share.back_to_result,
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
    if let Side::Team(id) = first {
        return choose_for_team(view, state, id);
    }
    let Some(chosen) = state.side(first) else { return html! {} };
    // One's own team against this result (always the team first).
    let teams = state.full.teams.saved.iter().rev().filter(|t| !t.members.is_empty());
    let teams = teams.map(|team| team_choice(view, team, Screen::Compare(Side::Team(team.id), Some(first))));
    let label = text.result_name(chosen);
    let others: Vec<&SavedResult> =
        state.history.iter().rev().filter(|r| Side::Saved(r.id) != first && !same(r, chosen)).take(25).collect();
    let choices = others.iter().map(|r| result_choice(view, r, pair_with(state, first, r.id)));
    // With no other result to choose, the way forward: someone else's result
    // is compared once one's own is taken; one's own once the partner sends theirs.
    let (intro, forward) = if !others.is_empty() {
        (full.compare.choose_intro, None)
    } else if chosen.received {
        let take_check = match first {
            Side::Shared => keep_shared(view, |id| FullAction::TakeCheckToCompare { id }),
            // A team is never someone else's: its choices are `choose_for_team`'s.
            Side::Saved(id) | Side::Team(id) => view.send(Action::StartToCompare(id)),
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
            if state.full.teams.saved.iter().any(|t| !t.members.is_empty()) {
                <h3>{ full.team.teams_title }</h3>
                <ul class="pr-choices">{ for teams }</ul>
            }
            if !chosen.received {
                { paste_to_compare(view, state, first) }
            }
            <div class="pr-actions">
                { forward.unwrap_or_default() }
                { button(full.compare.import_other.into(), view.send(Action::Open(Screen::Import))) }
                { quiet_button(full.share.back_to_result.into(), view.send(back(first, None))) }
            </div>
        </section>
    }
}

/// A saved result to compare with, opening `screen`: its name, date, and
/// whether it is someone else's.
fn result_choice(view: &View, result: &SavedResult, screen: Screen) -> Html {
    let text = view.text;
    html! {
        <li key={result.id}>
            <button type="button" class="pr-button" onclick={view.send(Action::Open(screen))}>
                { fill(text.full.compare.with, &[("label", text.result_name(result)), ("date", &format_date(result.finished_at_ms, text))]) }
                if result.received { { " " }<span class="pr-tag">{ text.history.received_tag }</span> }
            </button>
        </li>
    }
}

/// A saved team to compare with, opening `screen`: its name and size.
fn team_choice(view: &View, team: &Team, screen: Screen) -> Html {
    let count = team.members.len().to_string();
    html! {
        <li key={team.id}>
            <button type="button" class="pr-button" onclick={view.send(Action::Open(screen))}>
                { fill(view.text.full.team.team_with, &[("name", team_name(view.text, team)), ("count", &count)]) }
            </button>
        </li>
    }
}

/// Comparing with a result not saved here yet: its share link (or its file's
/// text) pasted, imported as someone else's and compared at once; why not, if
/// it cannot be.
fn paste_to_compare(view: &View, state: &AppState, first: Side) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let paste_id = view.id("compare-paste");
    let on_compare = {
        let (q, report, paste_id) = (state.questionnaire.clone(), view.on_action.clone(), paste_id.clone());
        Callback::from(move |event: MouseEvent| {
            share::compare_with_pasted(&field_value(&event, &paste_id), &q, first, &report);
        })
    };
    let problem = match &state.full.import {
        Some(ImportOutcome::Refused(error)) => Some(text.import_problem(error)),
        _ => None,
    };
    html! {
        <div class="pr-compare-paste">
            <div class="pr-field">
                <label for={paste_id.clone()}>{ full.compare.paste }</label>
                <textarea id={paste_id} rows="3" spellcheck="false" />
            </div>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={on_compare}>{ full.compare.paste_button }</button>
            </div>
            if let Some((message, detail)) = problem {
                { import_problem(view, message, detail) }
            }
        </div>
    }
}

/// Whether `saved` is the very result `shown` (a shared result already saved).
fn same(saved: &SavedResult, shown: &SavedResult) -> bool {
    crate::model::saved::same_result(saved, shown)
}

/// Choosing what to compare the team `id` with: a partner's result (saved
/// results, someone else's first), or another team.
fn choose_for_team(view: &View, state: &AppState, id: u64) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("compare-heading");
    let Some(team) = state.team(id) else { return html! {} };
    let mut results: Vec<&SavedResult> = state.history.iter().rev().take(50).collect();
    // Someone else's first: the partner's result is the usual choice.
    results.sort_by_key(|r| !r.received);
    let choices =
        results.iter().map(|r| result_choice(view, r, Screen::Compare(Side::Team(id), Some(Side::Saved(r.id)))));
    let other_teams: Vec<_> =
        state.full.teams.saved.iter().rev().filter(|t| t.id != id && !t.members.is_empty()).collect();
    let teams = other_teams
        .iter()
        .map(|other| team_choice(view, other, Screen::Compare(Side::Team(id), Some(Side::Team(other.id)))));
    html! {
        <section class="pr-screen pr-compare" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ fill(full.team.compare_choose, &[("name", team_name(text, team))]) }</h2>
            <p>{ full.compare.choose_intro }</p>
            if results.is_empty() {
                <p class="pr-muted">{ full.compare.none_to_choose }</p>
            } else {
                <ul class="pr-choices">{ for choices }</ul>
            }
            if !other_teams.is_empty() {
                <h3>{ full.team.compare_teams }</h3>
                <ul class="pr-choices">{ for teams }</ul>
            }
            { paste_to_compare(view, state, Side::Team(id)) }
            <div class="pr-actions">
                { button(full.compare.import_other.into(), view.send(Action::Open(Screen::Import))) }
                { quiet_button(full.team.back_to_team.into(), view.send(Action::Open(Screen::Team(id)))) }
            </div>
        </section>
    }
}
