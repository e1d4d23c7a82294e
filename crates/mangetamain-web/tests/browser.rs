//! Headless Chromium loads every page in both languages from a real server on 127.0.0.1, waits
//! for the charts, and checks that every chart drew its SVG and that no script error happened.
//! Screenshots go to `$CARGO_TARGET_TMPDIR/browser`. Skips (with a message) without Chromium;
//! `.ci/run` installs it.

use std::process::Command;
use std::sync::Arc;

use mangetamain_core::DataSource;
use mangetamain_web::router;
use mangetamain_web::state::Shared;

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false)
        })
        .map(str::to_string)
}

fn headless(browser: &str, extra: &[&str], url: &str) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--virtual-time-budget=10000",
            "--window-size=1500,2400",
        ])
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn every_page_draws_its_charts_without_script_errors() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium on this machine (.ci/run installs the Debian package)");
        return;
    };
    let shared = Shared::new(DataSource::BundledSample);
    shared.reload().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    let app = router(Arc::clone(&shared));
    runtime.spawn(async move { axum::serve(listener, app).await });
    let shots = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&shots).unwrap();
    for path in ["/", "/trends", "/seasonality", "/weekend", "/ratings"] {
        for lang in ["en", "fr"] {
            let url = format!("http://{address}{path}?lang={lang}");
            let dom = headless(&browser, &["--dump-dom"], &url);
            assert!(
                dom.contains(&format!("<html lang=\"{lang}\"")),
                "{url}: no page"
            );
            assert!(!dom.contains("data-js-errors"), "{url}: script errors");
            let charts = dom.matches("class=\"chart\"").count();
            // Plotly draws one main SVG plus two layers per chart.
            let drawn = dom.matches("class=\"main-svg\"").count();
            assert!(
                drawn >= charts,
                "{url}: {drawn} SVG layers for {charts} charts"
            );
            if path != "/" {
                assert!(charts >= 6, "{url}: {charts} charts");
            }
            let name = format!(
                "{}-{lang}.png",
                path.trim_start_matches('/').replace('/', "_")
            );
            let shot = shots.join(if path == "/" {
                format!("overview-{lang}.png")
            } else {
                name
            });
            headless(
                &browser,
                &[&format!("--screenshot={}", shot.display())],
                &url,
            );
            assert!(shot.exists(), "{url}: no screenshot");
        }
    }
    println!("screenshots in {}", shots.display());
}
