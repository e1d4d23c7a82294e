//! Trace builders shared by the charts (themed bars, lines, marker sizes, quartile boxes).

use plotly::box_plot::BoxPoints;
use plotly::common::{DashType, Line, Marker, Mode, Orientation, TextPosition};
use plotly::{Bar, BoxPlot, Scatter};

use crate::theme::axis_ids;

/// A vertical bar trace on subplot `index`.
pub fn bars(
    x: Vec<String>,
    y: Vec<f64>,
    index: usize,
    colors: Vec<String>,
    name: &str,
) -> Box<Bar<String, f64>> {
    let (xa, ya) = axis_ids(index);
    Bar::new(x, y)
        .name(name)
        .x_axis(&xa)
        .y_axis(&ya)
        .opacity(0.85)
        .marker(
            Marker::new()
                .color_array(colors)
                .line(plotly::common::Line::new().color("#888888").width(1.0)),
        )
}

/// A horizontal bar trace (categories on y) on subplot `index`.
pub fn horizontal_bars(
    labels: Vec<String>,
    values: Vec<f64>,
    index: usize,
    colors: Vec<String>,
    name: &str,
) -> Box<Bar<f64, String>> {
    let (xa, ya) = axis_ids(index);
    Bar::new(values, labels)
        .orientation(Orientation::Horizontal)
        .name(name)
        .x_axis(&xa)
        .y_axis(&ya)
        .opacity(0.85)
        .marker(Marker::new().color_array(colors))
        .show_legend(false)
}

/// Text labels under or above bars.
pub fn outside(bar: Box<Bar<String, f64>>, labels: Vec<String>) -> Box<Bar<String, f64>> {
    bar.text_array(labels).text_position(TextPosition::Outside)
}

/// A line (and markers) trace on subplot `index`.
pub fn line(
    x: Vec<f64>,
    y: Vec<f64>,
    index: usize,
    color: &str,
    name: &str,
    dashed: bool,
) -> Box<Scatter<f64, f64>> {
    let (xa, ya) = axis_ids(index);
    let mut style = Line::new().color(color.to_string()).width(2.0);
    if dashed {
        style = style.dash(DashType::Dash);
    }
    Scatter::new(x, y)
        .mode(if dashed {
            Mode::Lines
        } else {
            Mode::LinesMarkers
        })
        .name(name)
        .x_axis(&xa)
        .y_axis(&ya)
        .line(style)
}

/// Marker sizes proportional to counts, the largest `max_size` pixels (at least 4).
pub fn bubble_sizes(counts: &[f64], max_size: f64) -> Vec<usize> {
    let largest = counts.iter().copied().fold(0.0f64, f64::max);
    counts
        .iter()
        .map(|c| {
            if largest > 0.0 {
                ((c / largest) * max_size).round().max(4.0) as usize
            } else {
                4
            }
        })
        .collect()
}

/// A box from precomputed quartiles and fences (no raw points shipped to the browser).
#[allow(clippy::too_many_arguments)]
pub fn quartile_box(
    name: String,
    q1: f64,
    median: f64,
    q3: f64,
    lower: f64,
    upper: f64,
    mean: f64,
    index: usize,
    color: &str,
) -> Box<BoxPlot<String, f64>> {
    let (xa, ya) = axis_ids(index);
    // Only positions and statistics: with `y` set plotly.js would take it as the sample.
    Box::new(BoxPlot::<String, f64>::default())
        .x(vec![name.clone()])
        .name(&name)
        .q1(vec![q1])
        .median(vec![median])
        .q3(vec![q3])
        .lower_fence(vec![lower])
        .upper_fence(vec![upper])
        .mean(vec![mean])
        .box_points(BoxPoints::False)
        .x_axis(&xa)
        .y_axis(&ya)
        .marker(Marker::new().color(color.to_string()))
        .show_legend(false)
}
