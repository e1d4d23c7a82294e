//! A chart and its outputs: standalone HTML (plotly.js embedded, works offline), an embeddable
//! fragment for the web app (which serves [`plotly_js`] itself), the figure JSON, and display in
//! evcxr notebooks.

use std::sync::OnceLock;

use plotly::Plot;

/// A finished chart.
#[derive(Clone)]
pub struct Chart {
    plot: Plot,
}

impl std::fmt::Debug for Chart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chart")
            .field("traces", &self.plot.data().len())
            .finish()
    }
}

impl Chart {
    /// Wraps a plot.
    pub fn new(plot: Plot) -> Chart {
        Chart { plot }
    }

    /// The plotly.rs plot.
    pub fn plot(&self) -> &Plot {
        &self.plot
    }

    /// The figure JSON (`{"data": [...], "layout": {...}}`).
    pub fn to_json(&self) -> String {
        self.plot.to_json()
    }

    /// A standalone HTML page with plotly.js embedded (no network needed).
    pub fn to_html(&self) -> String {
        format!(
            "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\" />\n\
             <script type=\"text/javascript\">{}</script>\n</head>\n<body>\n{}\n</body>\n</html>\n",
            plotly_js(),
            self.to_fragment("plotly-chart")
        )
    }

    /// A `<div>` and a `<script>` drawing the chart into it; the page must load plotly.js once
    /// (the web app serves [`plotly_js`]). `div_id` must be unique in the page.
    pub fn to_fragment(&self, div_id: &str) -> String {
        self.plot.to_inline_html(Some(div_id))
    }

    /// Displays the chart in an evcxr (Rust Jupyter) notebook as HTML; run
    /// [`notebook_setup`] once per notebook first so that plotly.js is on the page.
    pub fn evcxr_display(&self) {
        println!("{}", self.evcxr_content());
    }

    /// What [`Chart::evcxr_display`] prints: an evcxr HTML content block with the fragment.
    pub fn evcxr_content(&self) -> String {
        let id = format!("chart-{}", fragment_counter());
        format!(
            "EVCXR_BEGIN_CONTENT text/html\n{}\nEVCXR_END_CONTENT",
            self.to_fragment(&id)
        )
    }
}

fn fragment_counter() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Puts plotly.js (embedded, offline) on an evcxr notebook page; call once per notebook.
pub fn notebook_setup() {
    println!(
        "EVCXR_BEGIN_CONTENT text/html\n<script type=\"text/javascript\">{}</script>\nEVCXR_END_CONTENT",
        plotly_js()
    );
}

/// The plotly.js library embedded in the binary (the copy shipped by plotly.rs), for the web app
/// to serve as a static asset.
pub fn plotly_js() -> &'static str {
    static JS: OnceLock<String> = OnceLock::new();
    JS.get_or_init(|| {
        let sources = Plot::offline_js_sources();
        let open = "<script type=\"text/javascript\">";
        let start = sources.find(open).map_or(0, |i| i + open.len());
        let end = sources[start..]
            .find("</script>")
            .map_or(sources.len(), |i| start + i);
        sources[start..end].to_string()
    })
}
