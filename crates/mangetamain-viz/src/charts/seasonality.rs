//! Charts of the seasonality topic (reference-app.md 2.B): volume per season against the
//! expectation (B1), a metric per season with its quartiles (B2), means per season (B3), the
//! nutrient z-score heatmap (B4) and the most seasonal items (B5-B6).

use plotly::common::{ColorScale, ColorScaleElement, Domain, Marker, Mode};
use plotly::{HeatMap, Pie, Plot, Scatter};

use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::ItemKind;
use mangetamain_analyses::seasonality::{SeasonVolume, SeasonalItems, SeasonalMetrics};
use mangetamain_analyses::Season;

use super::traces::{bars, outside, quartile_box};
use super::trends::thousands;
use crate::figure::Chart;
use crate::i18n::{metric_name, season_name, Lang, Msg};
use crate::theme::{
    axis, base_layout, colors, format_p, grid, padded_range, season_color, subplot_title,
    with_subplot,
};

fn season_labels(lang: Lang) -> Vec<String> {
    Season::ALL
        .iter()
        .map(|s| season_name(*s, lang).to_string())
        .collect()
}

fn season_colors() -> Vec<String> {
    Season::ALL
        .iter()
        .map(|s| season_color(*s).to_string())
        .collect()
}

/// B1: recipes per season (bars, with the expected counts as markers) and their shares (pie).
pub fn season_volume_chart(volume: &SeasonVolume, lang: Lang) -> Chart {
    let cells = grid(1, 2, 0.15, 0.0);
    let counts: Vec<f64> = volume.counts.iter().map(|c| *c as f64).collect();
    let mut plot = Plot::new();
    plot.add_trace(outside(
        bars(
            season_labels(lang),
            counts.clone(),
            1,
            season_colors(),
            Msg::Recipes.text(lang),
        ),
        counts.iter().map(|c| thousands(*c)).collect(),
    ));
    plot.add_trace(
        Scatter::new(season_labels(lang), volume.expected.clone())
            .mode(Mode::Markers)
            .name(Msg::Expected.text(lang))
            .marker(
                Marker::new()
                    .symbol(plotly::common::MarkerSymbol::LineEWOpen)
                    .size(30)
                    .color(colors::TEXT),
            ),
    );
    plot.add_trace(
        Pie::new(counts)
            .labels(season_labels(lang))
            .marker(plotly::common::Marker::new().color_array(season_colors()))
            .domain(Domain::new().x(&cells[1].0).y(&cells[1].1))
            .name(Msg::SeasonShare.text(lang)),
    );
    let title = match &volume.chi_square {
        Some(test) => format!(
            "{} (χ² = {:.1}, p = {})",
            Msg::RecipesPerSeason.text(lang),
            test.statistic,
            format_p(test.p_value)
        ),
        None => Msg::RecipesPerSeason.text(lang).to_string(),
    };
    let layout = with_subplot(
        base_layout(&title, 600),
        1,
        cells[0],
        axis(Msg::Season.text(lang)),
        axis(Msg::Recipes.text(lang)),
    )
    .annotations(vec![subplot_title(Msg::SeasonShare.text(lang), cells[1])]);
    plot.set_layout(layout);
    Chart::new(plot)
}

/// B2: one metric per season: mean bars with the Q25-Q75 band as error bars, and box plots drawn
/// from the precomputed quartiles (no raw values shipped).
pub fn seasonal_metric_chart(metrics: &SeasonalMetrics, metric: Metric, lang: Lang) -> Chart {
    let cells = grid(1, 2, 0.12, 0.0);
    let name = metric_name(metric, lang);
    let mut plot = Plot::new();
    let mut layout = base_layout("", 600);
    if let Some(entry) = metrics.metrics.get(metric.index()) {
        let labels = season_labels(lang);
        let summaries: Vec<_> = entry.summaries.iter().collect();
        let means: Vec<f64> = summaries
            .iter()
            .map(|s| s.as_ref().map_or(f64::NAN, |s| s.mean))
            .collect();
        let lows: Vec<f64> = summaries
            .iter()
            .zip(&means)
            .map(|(s, m)| s.as_ref().map_or(0.0, |s| m - s.band_low))
            .collect();
        let highs: Vec<f64> = summaries
            .iter()
            .zip(&means)
            .map(|(s, m)| s.as_ref().map_or(0.0, |s| s.band_high - m))
            .collect();
        plot.add_trace(
            outside(
                bars(
                    labels.clone(),
                    means.clone(),
                    1,
                    season_colors(),
                    Msg::Mean.text(lang),
                ),
                means.iter().map(|m| format!("{m:.1}")).collect(),
            )
            .error_y(
                plotly::common::ErrorData::new(plotly::common::ErrorType::Data)
                    .array(highs)
                    .array_minus(lows)
                    .color(colors::MUTED),
            ),
        );
        for (i, summary) in summaries.iter().enumerate() {
            if let Some(s) = summary {
                let iqr = s.band_high - s.band_low;
                plot.add_trace(quartile_box(
                    labels[i].clone(),
                    s.band_low,
                    s.median,
                    s.band_high,
                    (s.band_low - 1.5 * iqr).max(s.min),
                    (s.band_high + 1.5 * iqr).min(s.max),
                    s.mean,
                    2,
                    season_color(Season::ALL[i]),
                ));
            }
        }
        let test = entry.kruskal.as_ref().map_or(String::new(), |k| {
            format!(
                " (Kruskal-Wallis p = {}, ε² = {:.4})",
                format_p(entry.kruskal_p_adjusted),
                k.epsilon_squared
            )
        });
        layout = base_layout(&format!("{name}{test}"), 600);
    }
    layout = with_subplot(
        layout,
        1,
        cells[0],
        axis(Msg::Season.text(lang)),
        axis(name),
    );
    layout = with_subplot(
        layout,
        2,
        cells[1],
        axis(Msg::Season.text(lang)),
        axis(name),
    );
    plot.set_layout(layout.show_legend(false).annotations(vec![
        subplot_title(&Msg::MeanPerSeason.fill(lang, &[name]), cells[0]),
        subplot_title(&Msg::DistributionPerSeason.fill(lang, &[name]), cells[1]),
    ]));
    Chart::new(plot)
}

/// B3: means per season of several metrics, one panel each (y ranges from the data).
pub fn seasonal_means_chart(metrics: &SeasonalMetrics, shown: &[Metric], lang: Lang) -> Chart {
    let cells = grid(1, shown.len().max(1), 0.08, 0.0);
    let mut plot = Plot::new();
    let mut layout = base_layout("", 500).show_legend(false);
    let mut titles = Vec::new();
    for (i, metric) in shown.iter().enumerate().take(8) {
        let Some(entry) = metrics.metrics.get(metric.index()) else {
            continue;
        };
        let means: Vec<f64> = entry
            .summaries
            .iter()
            .map(|s| s.as_ref().map_or(f64::NAN, |s| s.mean))
            .collect();
        plot.add_trace(outside(
            bars(
                season_labels(lang),
                means.clone(),
                i + 1,
                season_colors(),
                metric_name(*metric, lang),
            ),
            means.iter().map(|m| format!("{m:.2}")).collect(),
        ));
        let mut y = axis(metric_name(*metric, lang));
        if let Some(range) = padded_range(means.iter().copied()) {
            y = y.range(vec![
                range[0].min(0.0).max(range[0] - (range[1] - range[0])),
                range[1] + 0.1 * (range[1] - range[0]),
            ]);
        }
        layout = with_subplot(layout, i + 1, cells[i], axis(Msg::Season.text(lang)), y);
        titles.push(subplot_title(
            &format!(
                "{}<br>p = {}",
                metric_name(*metric, lang),
                format_p(entry.kruskal_p_adjusted)
            ),
            cells[i],
        ));
    }
    plot.set_layout(layout.annotations(titles));
    Chart::new(plot)
}

/// B4: z-scores of the seasonal means of each nutrient (red = above the mean of the seasons).
pub fn nutrient_profile_chart(metrics: &SeasonalMetrics, lang: Lang) -> Chart {
    let rows: Vec<String> = metrics
        .nutrient_profile
        .iter()
        .map(|p| metric_name(p.metric, lang).to_string())
        .collect();
    let z: Vec<Vec<f64>> = metrics
        .nutrient_profile
        .iter()
        .map(|p| p.z_scores.clone())
        .collect();
    let mut plot = Plot::new();
    plot.add_trace(
        HeatMap::new(season_labels(lang), rows, z)
            .color_scale(ColorScale::Palette(plotly::common::ColorScalePalette::RdBu))
            .reverse_scale(true)
            .zmid(0.0)
            .hover_template("%{y}<br>%{x}<br>z = %{z:.2f}<extra></extra>"),
    );
    plot.set_layout(
        base_layout(Msg::NutrientProfile.text(lang), 500)
            .x_axis(axis(Msg::Season.text(lang)))
            .y_axis(axis("")),
    );
    Chart::new(plot)
}

/// B5 / B6: the most seasonal items: colour = share scaled within its row (min 0, max 1, the
/// reference computed this and then drew raw shares), hover and text = share in %.
pub fn seasonal_items_chart(items: &SeasonalItems, lang: Lang) -> Chart {
    let word = match items.kind {
        ItemKind::Ingredients => Msg::IngredientsWord.text(lang),
        ItemKind::Tags => Msg::TagsWord.text(lang),
    };
    // Plotly draws the first row at the bottom: reverse so that the most seasonal is on top.
    let top: Vec<_> = items.top.iter().rev().collect();
    let rows: Vec<String> = top
        .iter()
        .map(|i| {
            let star = if i.comparison.p_adjusted < 0.05 {
                " *"
            } else {
                ""
            };
            format!("{}{star}", i.comparison.item)
        })
        .collect();
    let scaled: Vec<Vec<f64>> = top
        .iter()
        .map(|i| {
            let p = &i.comparison.percent;
            let (lo, hi) = p
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                    (a.min(*v), b.max(*v))
                });
            p.iter()
                .map(|v| if hi > lo { (v - lo) / (hi - lo) } else { 0.5 })
                .collect()
        })
        .collect();
    let shares: Vec<Vec<String>> = top
        .iter()
        .map(|i| {
            i.comparison
                .percent
                .iter()
                .map(|v| format!("{v:.1} %"))
                .collect()
        })
        .collect();
    let mut plot = Plot::new();
    plot.add_trace(
        HeatMap::new(season_labels(lang), rows, scaled)
            .color_scale(ColorScale::Vector(vec![
                ColorScaleElement(0.0, "#D3D3D3".to_string()),
                ColorScaleElement(0.3, "#FFEB3B".to_string()),
                ColorScaleElement(0.6, "#9CCC65".to_string()),
                ColorScaleElement(1.0, "#2E7D32".to_string()),
            ]))
            .text_matrix(shares)
            .hover_template("%{y}<br>%{x}: %{text}<extra></extra>"),
    );
    plot.set_layout(
        base_layout(
            &Msg::SeasonalItems.fill(lang, &[&items.top.len().to_string(), word]),
            (200 + 28 * items.top.len()).max(400),
        )
        .x_axis(axis(Msg::Season.text(lang)))
        .y_axis(axis("")),
    );
    Chart::new(plot)
}
