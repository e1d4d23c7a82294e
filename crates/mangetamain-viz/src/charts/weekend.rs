//! Charts of the weekday / weekend topic (reference-app.md 2.C): volume per period and per day
//! (C1), a metric per period with its quartiles (C2), means per period (C3), nutrient
//! differences with significance (C4) and the items leaning to each period, both sides (C5-C6).

use plotly::common::{Line, Mode};
use plotly::layout::{Shape, ShapeLine, ShapeType};
use plotly::{Plot, Scatter};

use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::recipe_table::ItemKind;
use mangetamain_analyses::weekend::{PeriodItems, PeriodMetrics, WeekdayVolume};

use super::traces::{bars, horizontal_bars, outside, quartile_box};
use super::trends::thousands;
use crate::figure::Chart;
use crate::i18n::{day_name, metric_name, period_name, Lang, Msg};
use crate::theme::{
    axis, base_layout, colors, format_p, grid, padded_range, period_color, subplot_title,
    with_subplot,
};

fn periods(lang: Lang) -> Vec<String> {
    (0..2).map(|p| period_name(p, lang).to_string()).collect()
}

fn period_colors() -> Vec<String> {
    (0..2).map(|p| period_color(p).to_string()).collect()
}

/// C1: recipes per day of week in each period, per weekday (with the 7-day mean), and each
/// day's deviation from that mean.
pub fn weekday_volume_chart(volume: &WeekdayVolume, lang: Lang) -> Chart {
    let cells = grid(1, 3, 0.08, 0.0);
    let days: Vec<String> = (1..=7).map(|d| day_name(d, lang).to_string()).collect();
    let day_counts: Vec<f64> = volume.day_counts.iter().map(|c| *c as f64).collect();
    let mut plot = Plot::new();
    plot.add_trace(outside(
        bars(
            periods(lang),
            volume.per_day_of_week.clone(),
            1,
            period_colors(),
            Msg::PerDayOfWeek.text(lang),
        ),
        volume
            .per_day_of_week
            .iter()
            .map(|v| thousands(*v))
            .collect(),
    ));
    plot.add_trace(outside(
        bars(
            days.clone(),
            day_counts.clone(),
            2,
            (1..=7)
                .map(|d| period_color(usize::from(d >= 6)).to_string())
                .collect(),
            Msg::SevenDays.text(lang),
        ),
        day_counts.iter().map(|v| thousands(*v)).collect(),
    ));
    let mean = day_counts.iter().sum::<f64>() / 7.0;
    plot.add_trace(
        Scatter::new(days.clone(), vec![mean; 7])
            .mode(Mode::Lines)
            .name(Msg::SevenDayMean.text(lang))
            .x_axis("x2")
            .y_axis("y2")
            .line(
                Line::new()
                    .color(colors::TEXT)
                    .dash(plotly::common::DashType::Dash),
            ),
    );
    plot.add_trace(outside(
        bars(
            days,
            volume.day_deviation_percent.clone(),
            3,
            volume
                .day_deviation_percent
                .iter()
                .map(|d| {
                    if *d > 0.0 {
                        colors::RED_ORANGE
                    } else {
                        colors::ORANGE
                    }
                    .to_string()
                })
                .collect(),
            Msg::DeviationPercent.text(lang),
        ),
        volume
            .day_deviation_percent
            .iter()
            .map(|d| format!("{d:+.1} %"))
            .collect(),
    ));
    let title = match &volume.period_chi_square {
        Some(test) => format!(
            "{} — {}: {:.1} % (5/7 = 71.4 %), χ² p = {}",
            Msg::PerDayOfWeek.text(lang),
            period_name(0, lang),
            volume.weekday_percent,
            format_p(test.p_value)
        ),
        None => Msg::PerDayOfWeek.text(lang).to_string(),
    };
    let mut layout = base_layout(&title, 500).show_legend(false);
    for (i, (x, y)) in [
        (Msg::DayOfWeek, Msg::PerDayOfWeek),
        (Msg::DayOfWeek, Msg::Recipes),
        (Msg::DayOfWeek, Msg::DeviationPercent),
    ]
    .iter()
    .enumerate()
    {
        layout = with_subplot(
            layout,
            i + 1,
            cells[i],
            axis(x.text(lang)),
            axis(y.text(lang)),
        );
    }
    plot.set_layout(layout.annotations(vec![
        subplot_title(Msg::PerDayOfWeek.text(lang), cells[0]),
        subplot_title(Msg::SevenDays.text(lang), cells[1]),
        subplot_title(Msg::DeviationPercent.text(lang), cells[2]),
    ]));
    Chart::new(plot)
}

/// C2: one metric per period: mean bars with the quartile band and box plots from the
/// precomputed quartiles; the title carries Welch's p (corrected) and Cohen's d.
pub fn period_metric_chart(metrics: &PeriodMetrics, metric: Metric, lang: Lang) -> Chart {
    let cells = grid(1, 2, 0.12, 0.0);
    let name = metric_name(metric, lang);
    let mut plot = Plot::new();
    let mut title = name.to_string();
    if let Some(entry) = metrics.metrics.get(metric.index()) {
        let summaries = [&entry.weekday, &entry.weekend];
        let means: Vec<f64> = summaries
            .iter()
            .map(|s| s.as_ref().map_or(f64::NAN, |s| s.mean))
            .collect();
        plot.add_trace(outside(
            bars(
                periods(lang),
                means.clone(),
                1,
                period_colors(),
                Msg::Mean.text(lang),
            ),
            means.iter().map(|m| format!("{m:.2}")).collect(),
        ));
        for (p, summary) in summaries.iter().enumerate() {
            if let Some(s) = summary {
                let iqr = s.band_high - s.band_low;
                plot.add_trace(quartile_box(
                    period_name(p, lang).to_string(),
                    s.band_low,
                    s.median,
                    s.band_high,
                    (s.band_low - 1.5 * iqr).max(s.min),
                    (s.band_high + 1.5 * iqr).min(s.max),
                    s.mean,
                    2,
                    period_color(p),
                ));
            }
        }
        if let Some(welch) = &entry.welch {
            title = format!(
                "{name} (Welch p = {}, d = {:+.3})",
                format_p(entry.welch_p_adjusted),
                welch.cohens_d
            );
        }
    }
    let layout = with_subplot(
        with_subplot(
            base_layout(&title, 500).show_legend(false),
            1,
            cells[0],
            axis(""),
            axis(name),
        ),
        2,
        cells[1],
        axis(""),
        axis(name),
    )
    .annotations(vec![
        subplot_title(&Msg::MeanPerPeriod.fill(lang, &[name]), cells[0]),
        subplot_title(&Msg::DistributionPerPeriod.fill(lang, &[name]), cells[1]),
    ]);
    plot.set_layout(layout);
    Chart::new(plot)
}

/// C3: means per period of several metrics, one panel each.
pub fn period_means_chart(metrics: &PeriodMetrics, shown: &[Metric], lang: Lang) -> Chart {
    let cells = grid(1, shown.len().max(1), 0.08, 0.0);
    let mut plot = Plot::new();
    let mut layout = base_layout("", 500).show_legend(false);
    let mut titles = Vec::new();
    for (i, metric) in shown.iter().enumerate().take(8) {
        let Some(entry) = metrics.metrics.get(metric.index()) else {
            continue;
        };
        let means: Vec<f64> = [&entry.weekday, &entry.weekend]
            .iter()
            .map(|s| s.as_ref().map_or(f64::NAN, |s| s.mean))
            .collect();
        plot.add_trace(outside(
            bars(
                periods(lang),
                means.clone(),
                i + 1,
                period_colors(),
                metric_name(*metric, lang),
            ),
            means.iter().map(|m| format!("{m:.2}")).collect(),
        ));
        let mut y = axis(metric_name(*metric, lang));
        if let Some(range) = padded_range(means.iter().copied()) {
            y = y.range(vec![0.0f64.min(range[0]), range[1] * 1.1]);
        }
        layout = with_subplot(layout, i + 1, cells[i], axis(""), y);
        titles.push(subplot_title(
            &format!(
                "{}<br>p = {}",
                metric_name(*metric, lang),
                format_p(entry.welch_p_adjusted)
            ),
            cells[i],
        ));
    }
    plot.set_layout(layout.annotations(titles));
    Chart::new(plot)
}

/// C4: difference of the weekend mean from the weekday mean for each nutrient, in %, with a
/// star where Welch's test is significant after correction.
pub fn nutrient_differences_chart(metrics: &PeriodMetrics, alpha: f64, lang: Lang) -> Chart {
    // Plotly draws the first category at the bottom: reverse to list from the top.
    let nutrients: Vec<_> = metrics
        .metrics
        .iter()
        .filter(|m| m.metric.is_nutrient())
        .rev()
        .collect();
    let labels: Vec<String> = nutrients
        .iter()
        .map(|m| {
            let star = if m.welch_p_adjusted < alpha { " *" } else { "" };
            format!("{}{star}", metric_name(m.metric, lang))
        })
        .collect();
    let values: Vec<f64> = nutrients.iter().map(|m| m.difference_percent).collect();
    let colors: Vec<String> = nutrients
        .iter()
        .map(|m| {
            let significant = m.welch_p_adjusted < alpha;
            match (m.difference_percent < 0.0, significant) {
                (true, true) => colors::RED_ORANGE,
                (false, true) => colors::ORANGE,
                (true, false) => colors::GOLD,
                (false, false) => colors::SALMON,
            }
            .to_string()
        })
        .collect();
    let mut plot = Plot::new();
    plot.add_trace(
        horizontal_bars(
            labels,
            values.clone(),
            1,
            colors,
            Msg::DifferencePercent.text(lang),
        )
        .text_array(values.iter().map(|v| format!("{v:+.1} %")).collect()),
    );
    let zero = Shape::new()
        .shape_type(ShapeType::Line)
        .x_ref("x")
        .y_ref("paper")
        .x0(0.0)
        .x1(0.0)
        .y0(0.0)
        .y1(1.0)
        .line(ShapeLine::new().color(colors::MUTED).width(1.0));
    plot.set_layout(
        base_layout(Msg::NutrientDifferences.text(lang), 500)
            .x_axis(axis(Msg::DifferencePercent.text(lang)))
            .y_axis(axis(""))
            .shapes(vec![zero]),
    );
    Chart::new(plot)
}

/// C5 / C6: items leaning to each period, both sides ranked by |difference| (the reference kept
/// only the 20 largest signed differences).
pub fn period_items_chart(items: &PeriodItems, lang: Lang) -> Chart {
    let word = match items.kind {
        ItemKind::Ingredients => Msg::IngredientsWord.text(lang),
        ItemKind::Tags => Msg::TagsWord.text(lang),
    };
    let mut rows: Vec<_> = items
        .weekday_leaning
        .iter()
        .chain(&items.weekend_leaning)
        .collect();
    rows.sort_by(|a, b| a.delta_points.total_cmp(&b.delta_points));
    let mut plot = Plot::new();
    plot.add_trace(
        horizontal_bars(
            rows.iter().map(|r| r.comparison.item.clone()).collect(),
            rows.iter().map(|r| r.delta_points).collect(),
            1,
            rows.iter()
                .map(|r| period_color(usize::from(r.delta_points > 0.0)).to_string())
                .collect(),
            Msg::DeltaPoints.text(lang),
        )
        .text_array(
            rows.iter()
                .map(|r| format!("{:+.2}", r.delta_points))
                .collect(),
        )
        .hover_template("%{y}: %{x:+.2f} pts<extra></extra>"),
    );
    let title = format!(
        "{}<br><sub>{} ← → {}</sub>",
        Msg::PeriodItems.fill(lang, &[word]),
        period_name(0, lang),
        period_name(1, lang)
    );
    plot.set_layout(
        base_layout(&title, (200 + 24 * rows.len()).max(450))
            .x_axis(axis(Msg::DeltaPoints.text(lang)))
            .y_axis(axis("")),
    );
    Chart::new(plot)
}
