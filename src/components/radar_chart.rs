//! An SVG radar chart of the principle scores, drawn here without a charting
//! library, each axis named by its principle's short title. The same numbers
//! are in the table beside it; the chart carries a text description for
//! screen readers.

use yew::prelude::*;

use super::View;

/// Width and height of the viewBox (kept in step with the literal in `view`).
const SIZE: f64 = 320.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 120.0;
const LABEL_RADIUS: f64 = 134.0;
/// Room beside the rings for the axis names (kept in step with `VIEW_BOX`).
const VIEW_BOX: &str = "-80 2 480 318";

/// The point at `fraction` of the radius along axis `index` of `count`,
/// starting at twelve o'clock and going clockwise.
pub fn polar(index: usize, count: usize, fraction: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / count.max(1) as f64;
    (CENTER + RADIUS * fraction * cos(angle), CENTER + RADIUS * fraction * sin(angle))
}

// In the browser the engine's Math does trigonometry: linking Rust's libm
// versions would add several KiB to every visitor's download.
#[cfg(target_arch = "wasm32")]
use js_sys::Math::{cos, sin};
#[cfg(not(target_arch = "wasm32"))]
fn cos(x: f64) -> f64 {
    x.cos()
}
#[cfg(not(target_arch = "wasm32"))]
fn sin(x: f64) -> f64 {
    x.sin()
}

/// A coordinate with one decimal, formatted through integers: float formatting
/// code is large, and SVG needs no more precision than this.
pub fn coordinate(value: f64) -> String {
    // Chart coordinates lie within 0..=SIZE, so the cast cannot overflow.
    let tenths = (value * 10.0).round() as i32;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", (tenths / 10).abs(), (tenths % 10).abs())
}

fn points(list: impl Iterator<Item = (f64, f64)>) -> String {
    list.map(|(x, y)| format!("{},{}", coordinate(x), coordinate(y))).collect::<Vec<_>>().join(" ")
}

/// The name of axis `index` of `count`, placed outside the rings and anchored
/// away from them (names are short: `Principle::short`).
fn axis_name(index: usize, count: usize, name: &str) -> Html {
    let (x, y) = polar(index, count, LABEL_RADIUS / RADIUS);
    let anchor = match x - CENTER {
        dx if dx > 1.0 => "start",
        dx if dx < -1.0 => "end",
        _ => "middle",
    };
    // Above the centre the text sits on the point, below it hangs from it.
    let dy = match y - CENTER {
        dy if dy < -1.0 => "0",
        dy if dy > 1.0 => ".8em",
        _ => ".35em",
    };
    html! {
        <text class="pr-chart-label" x={coordinate(x)} y={coordinate(y)} {dy} text-anchor={anchor}>{ name.to_owned() }</text>
    }
}

/// The points of a diamond centred on `(x, y)`, `d` from centre to corner:
/// the second result's mark here and in the comparison's gap chart.
pub fn diamond(x: f64, y: f64, d: f64) -> String {
    let point = |x: f64, y: f64| format!("{},{}", coordinate(x), coordinate(y));
    [point(x, y - d), point(x + d, y), point(x, y + d), point(x - d, y)].join(" ")
}

/// `series`: one or two results, each per principle in order its score (0–100)
/// if it has one. The second is drawn dashed with diamond points, so the two are
/// told apart without colour. `names`: each axis's name (a principle's short
/// title). The table beside the chart carries the same numbers in text;
/// `description` says so.
pub fn radar_chart(view: &View, series: &[&[Option<f64>]], names: &[&str], description: &str) -> Html {
    let text = view.text;
    let count = series.first().map_or(0, |scores| scores.len());
    let title_id = view.id("chart-title");
    let desc_id = view.id("chart-desc");

    let rings = [0.25, 0.5, 0.75, 1.0].map(|fraction| {
        html! { <polygon class="pr-chart-ring" points={points((0..count).map(|i| polar(i, count, fraction)))} /> }
    });
    let axes = (0..count).map(|i| {
        let (x, y) = polar(i, count, 1.0);
        html! {
            <g>
                <line class="pr-chart-axis" x1={coordinate(CENTER)} y1={coordinate(CENTER)} x2={coordinate(x)} y2={coordinate(y)} />
                { axis_name(i, count, names.get(i).copied().unwrap_or_default()) }
            </g>
        }
    });
    let shapes = series.iter().enumerate().map(|(n, scores)| {
        // Principles without a score are left out of the shape rather than drawn as 0.
        let scored: Vec<(f64, f64)> = scores
            .iter()
            .enumerate()
            .filter_map(|(i, score)| score.map(|s| polar(i, count, s.clamp(0.0, 100.0) / 100.0)))
            .collect();
        let second = (n == 1).then_some("");
        let markers = scored.iter().map(|&(x, y)| {
            if n == 1 {
                html! { <polygon class="pr-chart-point" data-second="" points={diamond(x, y, 5.5)} /> }
            } else {
                html! { <circle class="pr-chart-point" cx={coordinate(x)} cy={coordinate(y)} r="4" /> }
            }
        });
        html! {
            <g>
                if scored.len() >= 3 {
                    <polygon class="pr-chart-shape" data-second={second} points={points(scored.iter().copied())} />
                } else if scored.len() == 2 {
                    <polyline class="pr-chart-shape" data-second={second} points={points(scored.iter().copied())} />
                }
                { for markers }
            </g>
        }
    });

    html! {
        <svg class="pr-chart" viewBox={VIEW_BOX} role="img"
            aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
            <title id={title_id}>{ text.results.chart_title }</title>
            <desc id={desc_id}>{ description.to_owned() }</desc>
            { for rings }
            { for axes }
            { for shapes }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::{coordinate, polar};

    #[test]
    fn coordinates_have_one_decimal() {
        assert_eq!(coordinate(160.0), "160.0");
        assert_eq!(coordinate(45.678), "45.7");
        assert_eq!(coordinate(-3.25), "-3.3");
        assert_eq!(coordinate(-0.04), "0.0");
    }

    #[test]
    fn axes_start_at_the_top_and_go_clockwise() {
        let (x, y) = polar(0, 10, 1.0);
        assert!((x - 160.0).abs() < 1e-9 && (y - 40.0).abs() < 1e-9);
        let (x, _) = polar(1, 10, 1.0);
        assert!(x > 160.0, "second axis is to the right");
        let (x, y) = polar(5, 10, 0.5);
        assert!((x - 160.0).abs() < 1e-9 && (y - 220.0).abs() < 1e-9);
    }
}
