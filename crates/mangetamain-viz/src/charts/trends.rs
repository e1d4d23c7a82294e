//! Charts of the trends topic (reference-app.md 2.A): recipes per year with a Q-Q plot (A1),
//! a yearly metric with its band, bubbles and WLS lines (A2), panels of yearly metrics (A3-A4),
//! ingredients and tags over time with raw and rarefied diversity (A5-A6).

use plotly::common::{Fill, Line, Marker, Mode};
use plotly::layout::Annotation;
use plotly::{Plot, Scatter};

use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::ItemKind;
use mangetamain_analyses::trends::{ItemTrends, RecipeVolume, YearlyTrend, YearlyTrends};

use super::traces::{bars, bubble_sizes, horizontal_bars, line, outside};
use crate::figure::Chart;
use crate::i18n::{metric_name, Lang, Msg};
use crate::theme::{
    axis, base_layout, colors, format_p, grid, padded_range, rgba, signed, subplot_title,
    with_subplot,
};

/// A1: recipes per year (bars) and the Q-Q plot of the yearly counts.
pub fn recipe_volume_chart(volume: &RecipeVolume, lang: Lang, show_values: bool) -> Chart {
    let cells = grid(1, 2, 0.12, 0.0);
    let years: Vec<String> = volume.years.iter().map(|y| y.to_string()).collect();
    let counts: Vec<f64> = volume.counts.iter().map(|c| *c as f64).collect();
    let mut plot = Plot::new();
    let mut bar = bars(
        years,
        counts.clone(),
        1,
        vec![colors::ORANGE.to_string(); counts.len()],
        Msg::Recipes.text(lang),
    )
    .hover_template(Msg::HoverYearCount.text(lang));
    if show_values {
        bar = outside(bar, counts.iter().map(|c| thousands(*c)).collect());
    }
    plot.add_trace(bar);
    let mut layout = base_layout(Msg::RecipesPerYear.text(lang), 600).show_legend(false);
    layout = with_subplot(
        layout,
        1,
        cells[0],
        axis(Msg::Year.text(lang)),
        axis(Msg::Recipes.text(lang)),
    );
    let mut titles = vec![subplot_title(Msg::RecipesPerYear.text(lang), cells[0])];
    if let Some(qq) = &volume.qq {
        plot.add_trace(
            Scatter::new(qq.theoretical.clone(), qq.ordered.clone())
                .mode(Mode::Markers)
                .name(Msg::Observed.text(lang))
                .x_axis("x2")
                .y_axis("y2")
                .marker(Marker::new().color(colors::GOLD).size(8).opacity(0.7)),
        );
        let lo = qq.theoretical.first().copied().unwrap_or(0.0);
        let hi = qq.theoretical.last().copied().unwrap_or(0.0);
        plot.add_trace(line(
            vec![lo, hi],
            vec![qq.intercept + qq.slope * lo, qq.intercept + qq.slope * hi],
            2,
            colors::RED,
            Msg::TheoreticalLine.text(lang),
            true,
        ));
        titles.push(subplot_title(
            &format!("{} — r² = {:.3}", Msg::QqPlot.text(lang), qq.r * qq.r),
            cells[1],
        ));
    }
    layout = with_subplot(
        layout,
        2,
        cells[1],
        axis(Msg::TheoreticalQuantiles.text(lang)),
        axis(Msg::ObservedQuantiles.text(lang)),
    );
    plot.set_layout(layout.annotations(titles));
    Chart::new(plot)
}

/// A2: one metric per year: quantile band, mean and median lines (bubbles sized by recipes per
/// year) and the two WLS lines.
pub fn yearly_metric_chart(
    trend: &YearlyTrend,
    band: (f64, f64),
    lang: Lang,
    bubbles: bool,
) -> Chart {
    let x: Vec<f64> = trend.years.iter().map(|y| f64::from(*y)).collect();
    let n: Vec<f64> = trend.n.iter().map(|v| *v as f64).collect();
    let name = metric_name(trend.metric, lang);
    let mut plot = Plot::new();
    plot.add_trace(
        Scatter::new(x.clone(), trend.band_high.clone())
            .mode(Mode::Lines)
            .line(Line::new().width(0.0))
            .show_legend(false)
            .name(format!("Q{:.0}", band.1 * 100.0)),
    );
    plot.add_trace(
        Scatter::new(x.clone(), trend.band_low.clone())
            .mode(Mode::Lines)
            .line(Line::new().width(0.0))
            .fill(Fill::ToNextY)
            .fill_color(rgba(colors::ORANGE, 0.15))
            .name(Msg::BandLabel.fill(
                lang,
                &[
                    &format!("{:.0}", band.0 * 100.0),
                    &format!("{:.0}", band.1 * 100.0),
                ],
            )),
    );
    let sizes = bubble_sizes(&n, 35.0);
    let counts: Vec<usize> = trend.n.clone();
    for (values, color, label, fit, fit_color, fit_label) in [
        (
            &trend.mean,
            colors::ORANGE,
            Msg::Mean,
            &trend.wls_mean,
            colors::RED_ORANGE,
            Msg::WlsMean,
        ),
        (
            &trend.median,
            colors::GOLD,
            Msg::Median,
            &trend.wls_median,
            colors::BLUE,
            Msg::WlsMedian,
        ),
    ] {
        let mut trace = Scatter::new(x.clone(), values.clone())
            .mode(if bubbles {
                Mode::LinesMarkers
            } else {
                Mode::Lines
            })
            .name(label.text(lang))
            .line(Line::new().color(color).width(2.0))
            .custom_data(counts.clone())
            .hover_template(Msg::HoverYearValue.text(lang));
        if bubbles {
            trace = trace.marker(
                Marker::new()
                    .size_array(sizes.clone())
                    .opacity(0.6)
                    .color(color),
            );
        }
        plot.add_trace(trace);
        if let Some(fit) = fit {
            let fitted: Vec<f64> = x.iter().map(|v| fit.fitted_at(*v)).collect();
            plot.add_trace(line(
                x.clone(),
                fitted,
                1,
                fit_color,
                &fit_label.fill(lang, &[&format!("{:.3}", fit.r_squared)]),
                true,
            ));
        }
    }
    let slope = |fit: &Option<mangetamain_analyses::stats::regression::WeightedRegression>| {
        fit.as_ref()
            .map_or("n/a".to_string(), |f| signed(f.slope, 3))
    };
    let title = format!(
        "{}<br><sub>{}: {} · {}: {}</sub>",
        Msg::EvolutionOf.fill(lang, &[name]),
        Msg::Mean.text(lang),
        slope(&trend.wls_mean),
        Msg::Median.text(lang),
        slope(&trend.wls_median),
    );
    let layout = base_layout(&title, 650)
        .x_axis(axis(Msg::Year.text(lang)))
        .y_axis(axis(name));
    plot.set_layout(layout);
    Chart::new(plot)
}

/// A3 / A4: panels of yearly means (bubbles sized by recipes per year) with their WLS lines,
/// titled with the slope and its Benjamini-Hochberg adjusted p-value; `cols` panels per row.
pub fn yearly_panels_chart(
    trends: &YearlyTrends,
    metrics: &[Metric],
    cols: usize,
    lang: Lang,
) -> Chart {
    let cols = cols.max(1);
    let rows = metrics.len().div_ceil(cols);
    let cells = grid(rows, cols, 0.08, 0.14);
    let mut plot = Plot::new();
    let mut layout = base_layout("", 450 * rows);
    let mut titles = Vec::new();
    for (i, metric) in metrics.iter().enumerate().take(8) {
        let Some(trend) = trends.trends.iter().find(|t| t.metric == *metric) else {
            continue;
        };
        let index = i + 1;
        let x: Vec<f64> = trend.years.iter().map(|y| f64::from(*y)).collect();
        let n: Vec<f64> = trend.n.iter().map(|v| *v as f64).collect();
        let color = colors::SEQUENCE[i % colors::SEQUENCE.len()];
        plot.add_trace(
            line(
                x.clone(),
                trend.mean.clone(),
                index,
                color,
                metric_name(*metric, lang),
                false,
            )
            .marker(
                Marker::new()
                    .size_array(bubble_sizes(&n, 20.0))
                    .opacity(0.6)
                    .color(color),
            )
            .custom_data(trend.n.clone())
            .hover_template(Msg::HoverYearValue.text(lang)),
        );
        let mut title = metric_name(*metric, lang).to_string();
        if let Some(fit) = &trend.wls_mean {
            let fitted: Vec<f64> = x.iter().map(|v| fit.fitted_at(*v)).collect();
            plot.add_trace(line(
                x.clone(),
                fitted,
                index,
                colors::BLUE,
                &Msg::WlsLine.fill(lang, &[&format!("{:.3}", fit.r_squared)]),
                true,
            ));
            title = format!(
                "{title}<br>{}",
                Msg::SlopePerYear.fill(
                    lang,
                    &[
                        &signed(fit.slope, 4),
                        &format_p(trend.slope_p_adjusted.unwrap_or(f64::NAN))
                    ]
                )
            );
        }
        titles.push(subplot_title(&title, cells[i]));
        let mut y_axis = axis(metric_name(*metric, lang));
        if let Some(range) = padded_range(trend.mean.iter().copied()) {
            y_axis = y_axis.range(range.to_vec());
        }
        layout = with_subplot(layout, index, cells[i], axis(Msg::Year.text(lang)), y_axis);
    }
    plot.set_layout(layout.annotations(titles).show_legend(false));
    Chart::new(plot)
}

fn kind_word(kind: ItemKind, lang: Lang) -> &'static str {
    match kind {
        ItemKind::Ingredients => Msg::IngredientsWord.text(lang),
        ItemKind::Tags => Msg::TagsWord.text(lang),
    }
}

/// A5 / A6: most frequent items, raw and rarefied diversity per year, largest windowed
/// increases and decreases (bars, * = significant after correction) and their yearly shares.
pub fn item_trends_chart(trends: &ItemTrends, lang: Lang, shown_series: usize) -> Chart {
    let cells = grid(3, 2, 0.25, 0.1);
    let word = kind_word(trends.kind, lang);
    let first = trends
        .years
        .first()
        .copied()
        .unwrap_or_default()
        .to_string();
    let last = trends.years.last().copied().unwrap_or_default().to_string();
    let x: Vec<f64> = trends.years.iter().map(|y| f64::from(*y)).collect();
    let mut plot = Plot::new();
    let top: Vec<_> = trends.most_frequent.iter().rev().collect();
    plot.add_trace(horizontal_bars(
        top.iter().map(|t| t.item.clone()).collect(),
        top.iter().map(|t| t.recipes as f64).collect(),
        1,
        vec![colors::ORANGE.to_string(); top.len()],
        Msg::RecipesListing.text(lang),
    ));
    let recipes: Vec<f64> = trends.recipes_per_year.iter().map(|n| *n as f64).collect();
    plot.add_trace(
        line(
            x.clone(),
            trends
                .diversity
                .distinct
                .iter()
                .map(|d| *d as f64)
                .collect(),
            2,
            colors::GOLD,
            Msg::DistinctPerYear.text(lang),
            false,
        )
        .marker(
            Marker::new()
                .size_array(bubble_sizes(&recipes, 15.0))
                .color(colors::GOLD),
        ),
    );
    plot.add_trace(line(
        x.clone(),
        trends
            .diversity
            .rarefied
            .iter()
            .map(|r| r.unwrap_or(f64::NAN))
            .collect(),
        2,
        colors::TURQUOISE,
        &Msg::RarefiedDiversity.fill(lang, &[&trends.diversity.rarefaction_size.to_string()]),
        false,
    ));
    let star = |p: f64| if p < 0.05 { " *" } else { "" };
    for (changes, index, color) in [
        (&trends.increases, 3, colors::ORANGE),
        (&trends.decreases, 4, colors::RED_ORANGE),
    ] {
        let rows: Vec<_> = changes.iter().rev().collect();
        plot.add_trace(horizontal_bars(
            rows.iter()
                .map(|c| format!("{}{}", c.item, star(c.p_adjusted)))
                .collect(),
            rows.iter().map(|c| c.window_delta_points).collect(),
            index,
            vec![color.to_string(); rows.len()],
            Msg::DeltaPoints.text(lang),
        ));
    }
    for (changes, index) in [(&trends.increases, 5), (&trends.decreases, 6)] {
        for (i, change) in changes.iter().take(shown_series).enumerate() {
            if let Some(series) = trends.series.iter().find(|s| s.item == change.item) {
                plot.add_trace(line(
                    x.clone(),
                    series.percent.clone(),
                    index,
                    colors::SEQUENCE[i % colors::SEQUENCE.len()],
                    &series.item,
                    false,
                ));
            }
        }
    }
    let window = trends.window_years.max(1);
    let years = &trends.years;
    let span = |_: &str, _: &str| {
        let label = |slice: &[i32]| match (slice.first(), slice.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        format!(
            "{} → {}",
            label(&years[..window.min(years.len())]),
            label(&years[years.len().saturating_sub(window)..])
        )
    };
    let titles: Vec<Annotation> = [
        Msg::TopFrequent.fill(lang, &[&trends.most_frequent.len().to_string(), word]),
        Msg::Diversity.fill(lang, &[word]),
        Msg::TopIncreases.fill(lang, &[&span(&first, &last)]),
        Msg::TopDecreases.fill(lang, &[&span(&first, &last)]),
        Msg::EvolutionIncreases.text(lang).to_string(),
        Msg::EvolutionDecreases.text(lang).to_string(),
    ]
    .iter()
    .zip(&cells)
    .map(|(t, c)| subplot_title(t, *c))
    .collect();
    let mut layout = base_layout("", 1200);
    let axes = [
        (Msg::RecipesListing, None),
        (Msg::Year, Some(Msg::DistinctPerYear)),
        (Msg::DeltaPoints, None),
        (Msg::DeltaPoints, None),
        (Msg::Year, Some(Msg::SharePercent)),
        (Msg::Year, Some(Msg::SharePercent)),
    ];
    for (i, (x_title, y_title)) in axes.iter().enumerate() {
        layout = with_subplot(
            layout,
            i + 1,
            cells[i],
            axis(x_title.text(lang)),
            axis(y_title.map_or("", |m| m.text(lang))),
        );
    }
    plot.set_layout(layout.annotations(titles));
    Chart::new(plot)
}

/// A number with thousands separators ("12,345").
pub(crate) fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}
