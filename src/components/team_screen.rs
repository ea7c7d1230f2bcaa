//! A team as one picture: the overall median and range; the next steps
//! (compare with the partner, prepare the meeting, share, add members); where
//! the team disagrees and what it agrees on; every principle as a strip of
//! numbered member marks on a 0–100 line with the median, the same figures in
//! words and in tables; the members, anonymous unless names are turned on; how
//! the figures are computed; sharing the team as a link or a file. A team a
//! link opened is shown the same way, read-only until saved. (A team as one
//! side of a comparison or an agenda is `party.rs`.)

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::link_field::{copy_by_hand as copy_by_hand_field, link_field, refused_copy};
use super::radar_chart::coordinate;
use super::{button, primary_button, quiet_button, View};
use crate::address;
use crate::model::team::{Spread, Team, TeamReport};
use crate::model::Questionnaire;
use crate::platform::{format_date, now_ms, random_id};
use crate::share::{self, Carried};
use crate::state::{Action, AppState, Confirmation, FullAction, Screen, ShareStatus, Side, TeamAction};
use crate::text::{fill, UiText};

/// What a member is called on screen: "Member 2", or their label when the
/// team shows names (and they have one).
pub fn member_name(text: &UiText, team: &Team, index: usize) -> String {
    let label = &team.members[index].label;
    if team.show_names && !label.is_empty() {
        label.clone()
    } else {
        fill(text.full.team.member, &[("n", &(index + 1).to_string())])
    }
}

/// A team's name, or the default one when it has none.
pub fn team_name<'t>(text: &UiText, team: &'t Team) -> &'t str {
    if team.name.is_empty() {
        text.full.team.default_name
    } else {
        &team.name
    }
}

/// "25–100" of a spread, or the no-score mark.
pub fn range_text(text: &UiText, spread: &Spread) -> String {
    match (spread.lowest, spread.highest) {
        (Some(lowest), Some(highest)) => {
            fill(text.full.team.side_range, &[("lowest", &lowest.to_string()), ("highest", &highest.to_string())])
        }
        _ => text.common.no_score.to_owned(),
    }
}

/// The team screen: a saved team (`saved`) or the team a link opened.
pub fn team_screen(view: &View, state: &AppState, team: &Team, saved: bool, tag: &str) -> Html {
    let (text, t) = (view.text, &view.text.full.team);
    let q = &state.questionnaire;
    let heading_id = view.id("team-heading");
    let report = TeamReport::of(q, &team.member_results());
    let count = team.members.len().to_string();
    let name = team_name(text, team);
    let title = |index: usize| q.principles[index].title.clone();
    let names = |indices: Vec<usize>| {
        if indices.is_empty() {
            text.full.compare.group_none.to_owned()
        } else {
            indices.iter().map(|&i| title(i)).collect::<Vec<_>>().join(", ")
        }
    };

    let next_steps = if !saved {
        html! {
            <div class="pr-actions pr-next-steps pr-no-print">
                { primary_button(t.save.into(), save_opened(view)) }
                { quiet_button(text.common.back_to_start.into(), view.send(Action::GoToStart)) }
            </div>
        }
    } else if team.members.is_empty() {
        html! {
            <div class="pr-actions pr-next-steps pr-no-print">
                { primary_button(t.add.into(), view.send(Action::Open(Screen::AddMembers(team.id)))) }
            </div>
        }
    } else {
        html! {
            <div class="pr-actions pr-next-steps pr-no-print">
                { primary_button(t.compare.into(), view.send(Action::Open(Screen::Compare(Side::Team(team.id), None)))) }
                if view.config.features.agenda {
                    { button(t.agenda.into(), view.send(Action::Open(Screen::Agenda(Side::Team(team.id), None)))) }
                }
                { button(t.add.into(), view.send(Action::Open(Screen::AddMembers(team.id)))) }
            </div>
        }
    };

    let disagreements = report.disagreements();
    let disagree_line = |&i: &usize| {
        let spread = report.principles[i].spread;
        let values = [
            ("title", title(i)),
            ("lowest", spread.lowest.unwrap_or_default().to_string()),
            ("highest", spread.highest.unwrap_or_default().to_string()),
            ("range", spread.range().unwrap_or_default().to_string()),
        ];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        html! { <li key={i}>{ fill(t.disagree_item, &values) }</li> }
    };
    let spans = report.statement_spans.iter().map(|span| {
        let statement = &q.principles[span.principle].statements[span.statement];
        html! {
            <li key={statement.id.clone()} class="pr-review-answer">
                <span class="pr-review-statement">{ statement.text.clone() }</span>
                <strong class="pr-review-value">
                    { fill(t.span_item, &[("lowest", text.rating(span.lowest)), ("highest", text.rating(span.highest))]) }
                </strong>
            </li>
        }
    });

    let total = team.members.len();
    let rows = report.principles.iter().map(|p| {
        let spread = p.spread;
        let sentence = match (spread.median, spread.lowest, spread.highest) {
            (Some(median), Some(lowest), Some(highest)) => {
                let values = [
                    ("title", title(p.index)),
                    ("median", median.to_string()),
                    ("lowest", lowest.to_string()),
                    ("highest", highest.to_string()),
                    ("count", spread.count.to_string()),
                    ("total", total.to_string()),
                ];
                let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(t.chart_row, &values)
            }
            _ => fill(t.chart_row_none, &[("title", &title(p.index))]),
        };
        html! {
            <li key={p.index} data-principle={q.principles[p.index].id.clone()}>
                <span class="pr-visually-hidden">{ sentence }</span>
                <span class="pr-gap-title" aria-hidden="true">{ title(p.index) }</span>
                { strip(&p.members, spread.median) }
                <span class="pr-gap-numbers" aria-hidden="true">
                    <span class="pr-strip-median">{ spread.median.map_or_else(|| "\u{2013}".to_owned(), |m| m.to_string()) }</span>
                    <span class="pr-gap-value">{ range_text(text, &spread) }</span>
                </span>
            </li>
        }
    });

    let score = |value: Option<u8>| value.map_or_else(|| text.common.no_score.to_owned(), |v| v.to_string());
    let table_row = |heading: String, spread: &Spread| {
        html! {
            <tr>
                <th scope="row">{ heading }</th>
                <td data-figure="median">{ score(spread.median) }</td>
                <td data-figure="lowest">{ score(spread.lowest) }</td>
                <td data-figure="highest">{ score(spread.highest) }</td>
                <td data-figure="count">{ spread.count.to_string() }</td>
            </tr>
        }
    };
    let member_headers = (0..total).map(|i| html! { <th scope="col" key={i}>{ member_name(text, team, i) }</th> });
    let member_rows = report.principles.iter().map(|p| {
        html! {
            <tr key={p.index}>
                <th scope="row">{ title(p.index) }</th>
                { for p.members.iter().enumerate().map(|(i, s)| html! { <td key={i}>{ score(*s) }</td> }) }
            </tr>
        }
    });

    let members = team.members.iter().enumerate().map(|(i, member)| {
        let who = member_name(text, team, i);
        html! {
            <li key={member.id}>
                <span class="pr-member-number" aria-hidden="true">{ (i + 1).to_string() }</span>
                <span class="pr-member-name">{ who.clone() }</span>
                <span class="pr-muted">{ format_date(member.finished_at_ms, text) }</span>
                if saved {
                    <button type="button" class="pr-button pr-button-quiet pr-no-print" onclick={view.send(Action::Full(FullAction::Team(TeamAction::RemoveMember { team: team.id, member: i })))}>
                        { fill(t.remove, &[("name", &who)]) }
                    </button>
                }
            </li>
        }
    });
    let team_id = team.id;
    let on_names = view.on_action.reform(move |event: Event| {
        let on = event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|b| b.checked());
        Action::Full(FullAction::Team(TeamAction::ShowNames { team: team_id, on }))
    });

    html! {
        <section class="pr-screen pr-team" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ name.to_owned() }</h2>
            <p class="pr-muted">
                { fill(t.members_count, &[("count", &count)]) }
                if saved { { " \u{00b7} " }{ fill(t.made, &[("date", &format_date(team.created_ms, text))]) } }
            </p>
            if !saved {
                <p class="pr-notice-inline">{ t.opened_note }</p>
            }
            { added_message(view, state) }
            if team.members.is_empty() {
                <p>{ t.empty }</p>
                { next_steps }
            } else {
                if report.different_versions {
                    <p class="pr-notice-inline">{ t.versions }</p>
                }
                <div class="pr-overall" data-testid="team-overall">
                    <p class="pr-overall-label">{ t.median_label }</p>
                    <p class="pr-overall-score">{ score(report.overall.median) }<span class="pr-overall-max">{ "/100" }</span></p>
                    if let (Some(lowest), Some(highest)) = (report.overall.lowest, report.overall.highest) {
                        <p class="pr-band">{ fill(t.range, &[("lowest", &lowest.to_string()), ("highest", &highest.to_string()), ("count", &report.overall.count.to_string())]) }</p>
                    }
                </div>
                { next_steps }
                <section class="pr-talk-first pr-team-disagree">
                    <h3>{ t.disagree }<span class="pr-hint">{ format!(" ({})", t.disagree_hint) }</span></h3>
                    if disagreements.is_empty() {
                        <p class="pr-muted">{ t.disagree_none }</p>
                    } else {
                        <ol class="pr-talk-first-list">{ for disagreements.iter().map(disagree_line) }</ol>
                    }
                    <details class="pr-more">
                        <summary>{ fill(t.spans, &[("count", &report.statement_spans.len().to_string())]) }</summary>
                        if report.statement_spans.is_empty() {
                            <p class="pr-muted">{ t.spans_none }</p>
                        } else {
                            <ul class="pr-review-list pr-review-answers">{ for spans }</ul>
                        }
                    </details>
                </section>
                <p class="pr-group-line"><strong>{ t.strengths }</strong>{ format!(" ({}): ", t.strengths_hint) }{ names(report.agreed_strengths()) }</p>
                <p class="pr-group-line"><strong>{ t.priorities }</strong>{ format!(" ({}): ", t.priorities_hint) }{ names(report.agreed_priorities()) }</p>
                <section class="pr-gap-chart pr-strip-chart">
                    <h3>{ t.chart_title }</h3>
                    <ul class="pr-legend" aria-hidden="true">
                        <li class="pr-legend-member">{ t.legend_member }</li>
                        <li class="pr-legend-median">{ t.legend_median }</li>
                    </ul>
                    <ol class="pr-gap-rows pr-strip-rows">{ for rows }</ol>
                </section>
                <details class="pr-more pr-team-table">
                    <summary>{ t.table }</summary>
                    // Focusable, so a keyboard can scroll it on a narrow screen.
                    <div class="pr-table-scroll" tabindex="0" role="region" aria-label={t.table}>
                        <table class="pr-table pr-score-table pr-compare-table">
                            <thead><tr>
                                <th scope="col">{ t.col_principle }</th>
                                <th scope="col">{ t.col_median }</th>
                                <th scope="col">{ t.col_lowest }</th>
                                <th scope="col">{ t.col_highest }</th>
                                <th scope="col">{ t.col_rated }</th>
                            </tr></thead>
                            <tbody>
                                { for report.principles.iter().map(|p| table_row(title(p.index), &p.spread)) }
                                { table_row(t.overall_row.to_owned(), &report.overall) }
                            </tbody>
                        </table>
                    </div>
                </details>
                <details class="pr-more pr-team-members-table">
                    <summary>{ t.members_table }</summary>
                    <div class="pr-table-scroll" tabindex="0" role="region" aria-label={t.members_table}>
                        <table class="pr-table pr-score-table pr-compare-table">
                            <thead><tr><th scope="col">{ t.col_principle }</th>{ for member_headers }</tr></thead>
                            <tbody>{ for member_rows }</tbody>
                        </table>
                    </div>
                </details>
                <p class="pr-muted pr-team-scoring">{ t.scoring }</p>
            }
            if !team.members.is_empty() {
                <section class="pr-team-members">
                    <h3>{ t.members }</h3>
                    if saved {
                        <label class="pr-check pr-no-print">
                            <input type="checkbox" checked={team.show_names} onchange={on_names} />
                            { t.show_names }
                        </label>
                        <p class="pr-hint pr-no-print">{ t.show_names_hint }</p>
                    }
                    <ol class="pr-member-list">{ for members }</ol>
                </section>
            }
            if saved && !team.members.is_empty() && view.config.features.share {
                { share_block(view, q, team, state, tag) }
            }
            if saved {
                if state.pending == Some(Confirmation::DeleteTeam(team.id)) {
                    { confirm_prompt(view, t.confirm_delete, t.confirm_delete_yes) }
                } else {
                    <div class="pr-actions pr-no-print">
                        <button type="button" class="pr-button pr-button-danger" onclick={view.send(Action::Ask(Confirmation::DeleteTeam(team.id)))}>{ t.delete }</button>
                        { quiet_button(t.back_to_teams.into(), view.send(Action::Open(Screen::Teams))) }
                    </div>
                }
            }
        </section>
    }
}

/// Saves the opened team with a fresh id and the time of the click, and
/// takes its link out of the address.
fn save_opened(view: &View) -> Callback<MouseEvent> {
    view.on_action.reform(move |_: MouseEvent| {
        address::forget_link();
        Action::Full(FullAction::Team(TeamAction::SaveOpened { id: random_id(), now_ms: now_ms() }))
    })
}

/// What adding members last did: how many joined, and each refusal's reason.
pub fn added_message(view: &View, state: &AppState) -> Html {
    let (text, t) = (view.text, &view.text.full.team);
    let Some(outcome) = &state.full.teams.added else {
        return html! { <p class="pr-import-outcome" role="status"></p> };
    };
    let counts = outcome.counts;
    let mut message = if outcome.nothing && outcome.refused.is_empty() {
        t.nothing.to_owned()
    } else if counts.added + counts.known + counts.no_room > 0 {
        fill(t.added, &[("added", &counts.added.to_string()), ("known", &counts.known.to_string())])
    } else {
        String::new()
    };
    if counts.no_room > 0 {
        message.push(' ');
        message.push_str(&fill(
            t.no_room,
            &[("count", &counts.no_room.to_string()), ("max", &crate::model::team::MAX_MEMBERS.to_string())],
        ));
    }
    let refused = outcome.refused.iter().enumerate().map(|(i, (source, refusal))| {
        let reason = text.member_refusal(refusal);
        let line =
            if source.is_empty() { reason } else { fill(t.refused_item, &[("source", source), ("reason", &reason)]) };
        html! { <li key={i}>{ line }</li> }
    });
    html! {
        <>
            <p class="pr-import-outcome" role="status">{ message }</p>
            if !outcome.refused.is_empty() {
                <div class="pr-import-problem" role="alert">
                    <p class="pr-import-outcome" data-problem="">{ t.refused_title }</p>
                    <ul>{ for refused }</ul>
                </div>
            }
        </>
    }
}

/// Sharing a saved team: what the link carries, the link to copy, the file.
fn share_block(view: &View, q: &std::rc::Rc<Questionnaire>, team: &Team, state: &AppState, tag: &str) -> Html {
    let (full, t) = (&view.text.full, &view.text.full.team);
    let carried = Carried { label: state.full.teams.link_names, notes: state.full.teams.link_notes };
    // A link names the questionnaire once for all: members on different
    // versions travel in the team's file instead.
    let one_version = team.members.windows(2).all(|pair| pair[0].questionnaire == pair[1].questionnaire);
    let link = if one_version {
        share::team_link(team, q, carried, tag, view.config.share_page.as_deref()).map_err(Some)
    } else {
        Err(None)
    };
    let link_id = view.id("team-link");
    let toggle = |action: fn(bool) -> TeamAction| {
        view.on_action.reform(move |event: Event| {
            let on = event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|b| b.checked());
            Action::Full(FullAction::Team(action(on)))
        })
    };
    let on_download = {
        let (team, q, report) = (team.clone(), q.clone(), view.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            report.emit(Action::Full(FullAction::Done(share::download_team(&team, &q))))
        })
    };
    let (message, copy_by_hand) = match &state.full.status {
        Some(ShareStatus::LinkCopied) => (full.share.link_copied.to_owned(), None),
        Some(ShareStatus::Downloaded(name)) => (fill(full.share.downloaded, &[("name", name)]), None),
        Some(ShareStatus::CopyFailed(copy)) => refused_copy(&full.share, copy, link.as_deref().ok()),
        _ => (String::new(), None),
    };
    let copy_id = view.id("team-copy-by-hand");
    html! {
        <section class="pr-team-share pr-no-print">
            <h3>{ t.share }</h3>
            <p>{ t.share_intro }</p>
            <label class="pr-check">
                <input type="checkbox" checked={carried.label} onchange={toggle(TeamAction::SetLinkNames)} />
                { t.link_names }
            </label>
            <label class="pr-check">
                <input type="checkbox" checked={carried.notes} onchange={toggle(TeamAction::SetLinkNotes)} />
                { t.link_notes }
            </label>
            {
                match link {
                    Ok(link) => {
                        let on_copy = {
                            let (link, report) = (link.clone(), view.on_action.clone());
                            Callback::from(move |_: MouseEvent| share::copy(link.clone(), ShareStatus::LinkCopied, report.clone()))
                        };
                        html! {
                            <>
                                { link_field(link_id, t.link_label, link) }
                                <div class="pr-actions">
                                    <button type="button" class="pr-button pr-button-primary" onclick={on_copy}>{ t.copy_link }</button>
                                    <button type="button" class="pr-button" onclick={on_download}>{ t.export }</button>
                                </div>
                            </>
                        }
                    }
                    Err(length) => html! {
                        <>
                            <p class="pr-notice-inline">
                                { match length {
                                    Some(length) => fill(full.share.too_long, &[("length", &length.to_string()), ("max", &crate::codec::link::MAX_LINK_CHARS.to_string())]),
                                    None => t.link_versions.to_owned(),
                                } }
                            </p>
                            <div class="pr-actions">
                                <button type="button" class="pr-button pr-button-primary" onclick={on_download}>{ t.export }</button>
                            </div>
                        </>
                    },
                }
            }
            <p class="pr-share-status" role="status">{ message }</p>
            { copy_by_hand_field(copy_id, full.share.copy_by_hand, copy_by_hand) }
        </section>
    }
}

/// A principle's members on one 0–100 line: a numbered circle per member who
/// rated it (equal scores stacked; many of them overlap, so a big team's strip
/// stays a strip), and the median as a bar across the line. For the eye only:
/// the row says the same in words, and the tables hold it.
fn strip(members: &[Option<u8>], median: Option<u8>) -> Html {
    /// How far apart equal scores stack, and the most a stack may rise.
    const STACK: f64 = 18.0;
    const HIGHEST_STACK: f64 = 72.0;
    let x = |score: u8| 10.0 + f64::from(score) * 2.8;
    let rated: Vec<(usize, u8)> = members.iter().enumerate().filter_map(|(i, s)| Some((i, (*s)?))).collect();
    let levels = rated.iter().map(|(_, s)| rated.iter().filter(|(_, o)| o == s).count()).max().unwrap_or(1);
    let step = if levels > 1 { STACK.min(HIGHEST_STACK / (levels - 1) as f64) } else { STACK };
    let top = 30.0 - (levels - 1) as f64 * step - 11.0;
    let marks = rated.iter().enumerate().map(|(position, &(member, score))| {
        let level = rated[..position].iter().filter(|(_, s)| *s == score).count();
        let y = 30.0 - level as f64 * step;
        html! {
            <g key={member} class="pr-strip-member">
                <circle cx={coordinate(x(score))} cy={coordinate(y)} r="8.5" />
                <text x={coordinate(x(score))} y={coordinate(y + 3.8)}>{ (member + 1).to_string() }</text>
            </g>
        }
    });
    let view_box = format!("0 {} 300 {}", coordinate(top), coordinate(41.0 - top));
    html! {
        <svg class="pr-gap-track pr-strip" viewBox={view_box} aria-hidden="true" focusable="false">
            <line class="pr-gap-axis" x1="10" x2="290" y1="30" y2="30" />
            <line class="pr-gap-tick" x1="150" x2="150" y1="25" y2="35" />
            if let Some(median) = median {
                <line class="pr-strip-median-bar" x1={coordinate(x(median))} x2={coordinate(x(median))} y1={coordinate(top)} y2="41" />
            }
            { for marks }
        </svg>
    }
}
