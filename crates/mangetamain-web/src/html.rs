//! The page frame (sidebar with navigation, language switch and status, footer), styles and
//! small HTML helpers. Server-rendered HTML; the only script is plotly.js, served by the app.

use mangetamain_viz::Lang;

use crate::params::Page;
use crate::text::T;

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// An integer with thousands separators (1,132,367), or with spaces in French (1 132 367).
pub fn thousands(value: u64, lang: Lang) -> String {
    let digits = value.to_string();
    let separator = match lang {
        Lang::En => ',',
        Lang::Fr => '\u{202f}',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// The navigation title of a page.
pub fn page_title(page: Page) -> T {
    match page {
        Page::Overview => T::Overview,
        Page::Trends => T::Trends,
        Page::Seasonality => T::Seasonality,
        Page::Weekend => T::Weekend,
        Page::Ratings => T::Ratings,
    }
}

/// What the sidebar shows about the data.
pub struct Status {
    /// The data source, described (None for the bundled sample, named in the page language).
    pub source: Option<String>,
    /// Cleaned recipes.
    pub recipes: u64,
    /// Rated interactions.
    pub interactions: u64,
    /// Whether the S3 bucket answered (None when the source is not S3).
    pub s3: Option<bool>,
}

/// The CSS of the app ("Back to the Kitchen" dark theme).
pub const STYLE: &str = "
:root{--bg:#1E1E1E;--side:#000;--card:#333;--text:#F0F0F0;--muted:#888;--orange:#FF8C00;--gold:#FFD700}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font-family:Inter,system-ui,sans-serif;display:flex;min-height:100vh}
nav{width:260px;background:var(--side);padding:1.2rem;display:flex;flex-direction:column;gap:.6rem;position:sticky;top:0;height:100vh}
nav .brand{font-family:Michroma,sans-serif;color:var(--orange);font-size:1.05rem;margin-bottom:.8rem}
nav a.page{display:block;padding:.7rem .8rem;border-radius:8px;background:rgba(51,51,51,.5);border:1px solid rgba(240,240,240,.1);color:var(--text);text-decoration:none}
nav a.page:hover{border-color:var(--gold);background:rgba(255,215,0,.1)}
nav a.page.current{background:linear-gradient(90deg,#FF8C00,#FFD700);color:#000;font-weight:700}
nav .caption{text-transform:uppercase;color:var(--muted);font-size:.75rem;letter-spacing:.08em}
nav .status{margin-top:auto;font-size:.8rem;color:var(--muted);line-height:1.5}
.pill{display:inline-block;padding:.15rem .6rem;border-radius:999px;font-size:.75rem}.ok{background:#17A2B8;color:#fff}.bad{background:#DC3545;color:#fff}
main{flex:1;padding:1.5rem 2rem;max-width:1500px}
h1,h2,h3{font-family:Michroma,sans-serif;color:var(--orange)}h1{margin-top:0;font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-top:1px solid #333;padding-top:1.5rem}
a{color:var(--orange)}a:hover{color:var(--gold)}
.kpis{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.kpi{background:var(--card);padding:.9rem 1.1rem;border-radius:8px;min-width:160px}
.kpi span{display:block;text-transform:uppercase;color:var(--muted);font-size:.75rem}.kpi b{font-size:1.4rem}
.findings{background:var(--card);border-left:4px solid var(--orange);padding:.6rem 1rem;border-radius:6px}
.findings li{margin:.3rem 0}.data{font-size:.85rem;color:var(--muted)}
form.controls{background:#2a2a2a;padding:.8rem 1rem;border-radius:8px;display:flex;flex-wrap:wrap;gap:1rem;align-items:end}
form.controls label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);gap:.2rem}
input,select{background:#1E1E1E;color:var(--text);border:1px solid #444;border-radius:4px;padding:.3rem}
button{background:linear-gradient(135deg,#FF8C00,#FFD700);border:0;border-radius:6px;padding:.45rem 1rem;font-weight:700;cursor:pointer}
table{border-collapse:collapse;width:100%;max-width:900px}td,th{border-bottom:1px solid #444;padding:.3rem .5rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{min-height:420px}footer{margin-top:3rem;color:var(--muted);font-size:.8rem}
.error{background:#3a1f1f;border-left:4px solid #DC3545;padding:1rem;border-radius:6px}
";

/// The full page around `body`.
pub fn frame(
    page: Option<Page>,
    lang: Lang,
    query: &str,
    status: Option<&Status>,
    title: &str,
    body: &str,
) -> String {
    let with_lang = |path: &str, lang: Lang| {
        let mut url = format!("{path}?lang={}", lang.code());
        if !query.is_empty() {
            url.push('&');
            url.push_str(query);
        }
        url
    };
    let mut nav = format!(
        "<div class=\"brand\">🍳 Back to the Kitchen</div><div class=\"caption\">{}</div>",
        T::Analyses.get(lang)
    );
    for p in Page::ALL {
        let current = if Some(p) == page { " current" } else { "" };
        nav.push_str(&format!(
            "<a class=\"page{current}\" href=\"{}?lang={}\">{}</a>",
            p.path(),
            lang.code(),
            escape(page_title(p).get(lang))
        ));
    }
    let here = page.map_or("/", |p| p.path());
    nav.push_str(&format!(
        "<div class=\"caption\">{}</div><div><a href=\"{}\">English</a> · <a href=\"{}\">Français</a></div>\
         <div><a href=\"/refresh?lang={}\">↻ {}</a></div>",
        T::Language.get(lang),
        escape(&with_lang(here, Lang::En)),
        escape(&with_lang(here, Lang::Fr)),
        lang.code(),
        T::Refresh.get(lang)
    ));
    let mut side_status = String::new();
    if let Some(status) = status {
        side_status.push_str(&format!(
            "{}: {}<br>{} {}<br>{} {}<br>",
            T::Source.get(lang),
            escape(
                status
                    .source
                    .as_deref()
                    .unwrap_or_else(|| T::BundledSample.get(lang))
            ),
            thousands(status.recipes, lang),
            T::Recipes.get(lang),
            thousands(status.interactions, lang),
            T::Interactions.get(lang)
        ));
        if let Some(ok) = status.s3 {
            side_status.push_str(&if ok {
                format!(
                    "<span class=\"pill ok\">{}</span><br>",
                    T::S3Ready.get(lang)
                )
            } else {
                format!(
                    "<span class=\"pill bad\">{}</span><br>",
                    T::S3Error.get(lang)
                )
            });
        }
    }
    side_status.push_str(&format!(
        "{} {}",
        T::Version.get(lang),
        env!("CARGO_PKG_VERSION")
    ));
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title} · {app}</title><link rel=\"stylesheet\" href=\"/static/style.css\">\
         <script>window.addEventListener('error',function(){{document.documentElement.dataset.jsErrors=(+(document.documentElement.dataset.jsErrors||0)+1)}});</script>\
         <script src=\"/static/plotly.min.js\"></script></head>\
         <body><nav>{nav}<div class=\"status\">{side_status}</div></nav><main>{body}\
         <footer>{app} {version} · <a href=\"/api/overview/cleaning_report.json\">cleaning_report.json</a></footer></main></body></html>",
        lang = lang.code(),
        title = escape(title),
        app = T::AppName.get(lang),
        version = env!("CARGO_PKG_VERSION"),
    )
}
