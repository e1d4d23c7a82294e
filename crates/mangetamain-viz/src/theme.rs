//! The "Back to the Kitchen" visual identity (reference-app.md 3.4), applied in one place: dark
//! palette, Michroma titles, Inter text, transparent backgrounds, orange accents; one distinct
//! colour per season and per weekday period.

use plotly::common::{Anchor, Font, Title};
use plotly::layout::{Annotation, Axis, Layout, Legend, Margin};

use mangetamain_analyses::Season;

/// Palette.
pub mod colors {
    /// Main orange.
    pub const ORANGE: &str = "#FF8C00";
    /// Gold.
    pub const GOLD: &str = "#FFD700";
    /// Deep red-orange.
    pub const RED_ORANGE: &str = "#E24E1B";
    /// Salmon.
    pub const SALMON: &str = "#FFA07A";
    /// Dodger blue.
    pub const BLUE: &str = "#1E90FF";
    /// Dark turquoise.
    pub const TURQUOISE: &str = "#00CED1";
    /// Error red (reference lines).
    pub const RED: &str = "#DC3545";
    /// Primary text.
    pub const TEXT: &str = "#F0F0F0";
    /// Secondary text.
    pub const MUTED: &str = "#888888";
    /// Grid lines.
    pub const GRID: &str = "#444444";
    /// Cards.
    pub const CARD: &str = "#333333";
    /// Chart colour sequence.
    pub const SEQUENCE: [&str; 8] = [
        "#FF8C00", "#FFD700", "#E24E1B", "#1E90FF", "#00CED1", "#FFA07A", "#B0E0E6", "#DAA520",
    ];
}

/// Title font family.
pub const TITLE_FONT: &str = "Michroma, sans-serif";
/// Body font family.
pub const BODY_FONT: &str = "Inter, sans-serif";

/// The colour of a season: each season its own (the reference reused one for spring and
/// autumn); the palette of the reference's unused `get_seasonal_colors`.
pub fn season_color(season: Season) -> &'static str {
    match season {
        Season::Winter => "#4682B4",
        Season::Spring => "#90EE90",
        Season::Summer => colors::GOLD,
        Season::Autumn => colors::ORANGE,
    }
}

/// The colour of a period: 0 = weekday (gold), 1 = weekend (orange).
pub fn period_color(period: usize) -> &'static str {
    if period == 0 {
        colors::GOLD
    } else {
        colors::ORANGE
    }
}

/// `rgba(r, g, b, alpha)` of a `#RRGGBB` colour (black for a malformed colour).
pub fn rgba(hex: &str, alpha: f64) -> String {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(0)
    };
    format!(
        "rgba({}, {}, {}, {})",
        channel(1),
        channel(3),
        channel(5),
        alpha.clamp(0.0, 1.0)
    )
}

/// An axis in the theme, with a title.
pub fn axis(title: &str) -> Axis {
    Axis::new()
        .title(Title::with_text(title).font(Font::new().size(13).color(colors::MUTED)))
        .grid_color(colors::GRID)
        .grid_width(1)
        .zero_line_color(colors::GRID)
        .tick_font(Font::new().size(12).color(colors::TEXT))
        .line_color(colors::GRID)
        .auto_margin(true)
}

/// A chart title in the theme: Michroma, orange, centred.
pub fn title(text: &str) -> Title {
    Title::with_text(text)
        .font(
            Font::new()
                .family(TITLE_FONT)
                .size(16)
                .color(colors::ORANGE),
        )
        .x(0.5)
        .x_anchor(Anchor::Center)
}

/// The base layout: transparent backgrounds, fonts, legend, margins, an orange title.
pub fn base_layout(text: &str, height: usize) -> Layout {
    Layout::new()
        .title(title(text))
        .font(Font::new().family(BODY_FONT).size(12).color(colors::TEXT))
        .paper_background_color("rgba(0,0,0,0)")
        .plot_background_color("rgba(0,0,0,0)")
        .legend(
            Legend::new()
                .background_color("rgba(42,42,42,0.8)")
                .border_color("#666666")
                .border_width(1),
        )
        .margin(Margin::new().left(60).right(40).top(70).bottom(60))
        .height(height)
}

/// The domains of a `rows` x `cols` grid of subplots, row-major from the top left, as
/// (x domain, y domain).
pub fn grid(rows: usize, cols: usize, gap_x: f64, gap_y: f64) -> Vec<([f64; 2], [f64; 2])> {
    let width = (1.0 - gap_x * (cols as f64 - 1.0)) / cols as f64;
    let height = (1.0 - gap_y * (rows as f64 - 1.0)) / rows as f64;
    let mut cells = Vec::with_capacity(rows * cols);
    for row in 0..rows {
        for col in 0..cols {
            let x0 = col as f64 * (width + gap_x);
            let y1 = 1.0 - row as f64 * (height + gap_y);
            cells.push(([x0, x0 + width], [y1 - height, y1]));
        }
    }
    cells
}

/// Sets the axes of subplot `index` (1-based, up to 8) with their domains and anchors.
pub fn with_subplot(
    layout: Layout,
    index: usize,
    cell: ([f64; 2], [f64; 2]),
    x: Axis,
    y: Axis,
) -> Layout {
    let suffix = if index == 1 {
        String::new()
    } else {
        index.to_string()
    };
    let x = x.domain(&cell.0).anchor(format!("y{suffix}"));
    let y = y.domain(&cell.1).anchor(format!("x{suffix}"));
    match index {
        1 => layout.x_axis(x).y_axis(y),
        2 => layout.x_axis2(x).y_axis2(y),
        3 => layout.x_axis3(x).y_axis3(y),
        4 => layout.x_axis4(x).y_axis4(y),
        5 => layout.x_axis5(x).y_axis5(y),
        6 => layout.x_axis6(x).y_axis6(y),
        7 => layout.x_axis7(x).y_axis7(y),
        _ => layout.x_axis8(x).y_axis8(y),
    }
}

/// The axis names of subplot `index` ("x", "y" for 1; "x2", "y2" ...).
pub fn axis_ids(index: usize) -> (String, String) {
    if index == 1 {
        ("x".to_string(), "y".to_string())
    } else {
        (format!("x{index}"), format!("y{index}"))
    }
}

/// A subplot title above a grid cell, in the theme (orange, 13 px).
pub fn subplot_title(text: &str, cell: ([f64; 2], [f64; 2])) -> Annotation {
    Annotation::new()
        .text(text)
        .x_ref("paper")
        .y_ref("paper")
        .x((cell.0[0] + cell.0[1]) / 2.0)
        .y(cell.1[1] + 0.01)
        .x_anchor(Anchor::Center)
        .y_anchor(Anchor::Bottom)
        .show_arrow(false)
        .font(Font::new().family(BODY_FONT).size(13).color(colors::ORANGE))
}

/// A padded range around values (5 % of the span on each side; a unit span when constant),
/// ignoring non-finite values: axis ranges come from the data, never from constants.
pub fn padded_range(values: impl IntoIterator<Item = f64>) -> Option<[f64; 2]> {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        return None;
    }
    let pad = if hi > lo { 0.05 * (hi - lo) } else { 0.5 };
    Some([lo - pad, hi + pad])
}

/// Formats a p-value for a label: "< 0.0001" or 4 significant decimals.
pub fn format_p(p: f64) -> String {
    if !p.is_finite() {
        "n/a".to_string()
    } else if p < 1e-4 {
        "< 0.0001".to_string()
    } else {
        format!("{p:.4}")
    }
}

/// Formats a signed number with `decimals` decimals and an explicit sign.
pub fn signed(value: f64, decimals: usize) -> String {
    format!("{value:+.decimals$}")
}
