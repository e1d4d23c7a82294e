//! HTML of the pages (server-rendered, no JavaScript needed).

use mangetamain_analyses::overview::Overview;
use mangetamain_core::Dataset;

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Formats an integer with thousands separators (1,132,367).
fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn layout(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} - Mangetamain Analytics</title>\
<style>body{{font-family:Inter,system-ui,sans-serif;background:#1E1E1E;color:#F0F0F0;max-width:980px;margin:2rem auto;padding:0 1rem}}\
h1,h2{{color:#FF8C00}}table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #444;padding:.3rem .5rem;text-align:left}}\
td.n{{text-align:right;font-variant-numeric:tabular-nums}}.kpis{{display:flex;flex-wrap:wrap;gap:1rem}}.kpi{{background:#2a2a2a;padding:.8rem 1rem;border-radius:6px}}\
.kpi b{{display:block;font-size:1.4rem;color:#FFD700}}a{{color:#FF8C00}}</style></head><body>{}\
<footer><p>Mangetamain Analytics {} &middot; <a href=\"/api/overview.json\">overview.json</a> &middot; <a href=\"/api/cleaning-report.json\">cleaning-report.json</a></p></footer></body></html>",
        escape(title),
        body,
        env!("CARGO_PKG_VERSION")
    )
}

/// The Overview page: dataset key figures and the cleaning report.
pub fn overview(dataset: &Dataset, overview: &Overview) -> String {
    let period = |p: &Option<(String, String)>| {
        p.as_ref()
            .map(|(a, b)| format!("{a} &rarr; {b}"))
            .unwrap_or_else(|| "-".to_string())
    };
    let kpis = [
        ("Recipes (cleaned)", thousands(overview.recipes)),
        ("Rated interactions", thousands(overview.rated_interactions)),
        (
            "Reviews without a rating",
            thousands(overview.unrated_reviews),
        ),
        ("Users", thousands(overview.users)),
        ("Mean rating", format!("{:.3}", overview.mean_rating)),
        (
            "Distinct ingredients",
            thousands(overview.distinct_ingredients),
        ),
        ("Distinct tags", thousands(overview.distinct_tags)),
    ];
    let mut body = format!(
        "<h1>Overview</h1><p>Source: {} &middot; recipes {} &middot; interactions {}</p><div class=\"kpis\">",
        escape(&dataset.source().describe()),
        period(&overview.recipe_period),
        period(&overview.interaction_period)
    );
    for (label, value) in kpis {
        body.push_str(&format!(
            "<div class=\"kpi\">{}<b>{value}</b></div>",
            escape(label)
        ));
    }
    body.push_str("</div><h2>Cleaning report</h2>");
    for table in &dataset.cleaning_report().tables {
        body.push_str(&format!(
            "<h3>{} <small>(from {})</small></h3><table><tr><th>Step</th><th>Reason</th><th>Rows</th></tr><tr><td>rows in</td><td></td><td class=\"n\">{}</td></tr>",
            escape(&table.table),
            escape(&table.source_file),
            thousands(table.rows_in)
        ));
        for removal in &table.removals {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"n\">&minus;{}</td></tr>",
                escape(&removal.rule),
                escape(&removal.reason),
                thousands(removal.removed)
            ));
        }
        body.push_str(&format!(
            "<tr><td><b>rows out</b></td><td></td><td class=\"n\"><b>{}</b></td></tr></table>",
            thousands(table.rows_out)
        ));
        for note in &table.notes {
            body.push_str(&format!("<p>{}</p>", escape(note)));
        }
    }
    layout("Overview", &body)
}

/// The 404 page.
pub fn not_found() -> String {
    layout(
        "Not found",
        "<h1>Page not found</h1><p><a href=\"/\">Back to the overview</a></p>",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_thousands_and_escapes() {
        assert_eq!(thousands(1_132_367), "1,132,367");
        assert_eq!(thousands(999), "999");
        assert_eq!(escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
