//! Every route, in process, on the bundled sample: pages in both languages, the data API,
//! health, static assets, and bad parameters (400 with a message, never 500).

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use mangetamain_core::DataSource;
use mangetamain_web::router;
use mangetamain_web::state::Shared;
use tower::ServiceExt;

fn shared() -> Arc<Shared> {
    static SHARED: OnceLock<Arc<Shared>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let shared = Shared::new(DataSource::BundledSample);
            shared.reload().unwrap();
            shared
        })
        .clone()
}

async fn get(uri: &str) -> (StatusCode, String, String) {
    let response = router(shared())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8_lossy(&body).to_string(),
    )
}

#[tokio::test]
async fn every_page_in_both_languages() {
    for (path, en, fr, charts) in [
        ("/", "Cleaning report", "Rapport de nettoyage", 0),
        ("/trends", "Recipe volume", "Volume de recettes", 6),
        ("/seasonality", "Recipe volume", "Volume de recettes", 6),
        ("/weekend", "Recipe volume", "Volume de recettes", 6),
        ("/ratings", "Ratings by season", "Notes par saison", 7),
    ] {
        for (lang, expected) in [("en", en), ("fr", fr)] {
            let (status, content_type, body) = get(&format!("{path}?lang={lang}")).await;
            assert_eq!(status, StatusCode::OK, "{path} {lang}");
            assert!(content_type.starts_with("text/html"));
            assert!(body.contains(expected), "{path} {lang} lacks {expected:?}");
            assert_eq!(body.matches("class=\"chart\"").count(), charts, "{path}");
            assert!(body.contains(&format!("<html lang=\"{lang}\">")));
            // No placeholder or unformatted template left.
            assert!(
                !body.contains("{0}") && !body.contains("[trends."),
                "{path} {lang}"
            );
        }
    }
    // Without ?lang the pages are in English.
    let (_, _, body) = get("/trends").await;
    assert!(body.contains("Preparation time"));
}

#[tokio::test]
async fn controls_change_the_results_and_are_shareable() {
    let (status, _, body) =
        get("/trends?lang=fr&from=2005&to=2010&band=q10&values=off&top=5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Q10-Q90"));
    // The data links carry the same settings.
    assert!(body.contains("/api/trends/volume.json?lang=fr&amp;from=2005&amp;to=2010"));
    let (_, _, json) = get("/api/trends/volume.json?from=2005&to=2010").await;
    let volume: serde_json::Value = serde_json::from_str(&json).unwrap();
    let years: Vec<i64> = volume["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y.as_i64().unwrap())
        .collect();
    assert_eq!(years.first(), Some(&2005));
    assert_eq!(years.last(), Some(&2010));
    // The reference app's population (the train split of the bundled sample).
    let (status, _, body) = get("/ratings?population=train&lang=fr").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("value=\"train\" selected"));
    let (status, _, body) = get("/ratings?min_monthly=5&ingredients=butter,%20Garlic").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("garlic"));
}

#[tokio::test]
async fn data_api_in_json_and_csv() {
    for (page, analyses) in [
        ("overview", &["overview", "cleaning_report"][..]),
        ("trends", &["volume", "yearly", "ingredients", "tags"][..]),
        (
            "seasonality",
            &["volume", "metrics", "ingredients", "tags"][..],
        ),
        ("weekend", &["volume", "metrics", "ingredients", "tags"][..]),
        (
            "ratings",
            &["monthly", "stability", "seasons", "weekdays", "ingredients"][..],
        ),
    ] {
        for analysis in analyses {
            let (status, content_type, body) = get(&format!("/api/{page}/{analysis}.json")).await;
            assert_eq!(status, StatusCode::OK, "{page}/{analysis}");
            assert!(content_type.starts_with("application/json"));
            assert!(serde_json::from_str::<serde_json::Value>(&body).is_ok());
            let (status, content_type, csv) = get(&format!("/api/{page}/{analysis}.csv")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(content_type.starts_with("text/csv"));
            assert!(csv.starts_with("path,value\n") && csv.lines().count() > 2);
        }
    }
    let (_, _, csv) = get("/api/trends/volume.csv").await;
    let (_, _, json) = get("/api/trends/volume.json").await;
    let volume: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(csv.contains(&format!("counts[0],{}", volume["counts"][0])));
}

#[tokio::test]
async fn bad_requests_are_400_with_a_message() {
    for (uri, message) in [
        ("/trends?lang=de", "lang must be en or fr"),
        ("/trends?from=1800", "from must be between"),
        ("/trends?from=2010&to=2005", "must not be after"),
        ("/trends?from=abc", "must be a year"),
        ("/trends?band=q99", "band must be"),
        ("/trends?values=maybe", "values must be on or off"),
        ("/trends?top=1000", "top must be between"),
        ("/trends?foo=1", "unknown parameter \"foo\""),
        ("/trends?top=5&top=6", "given twice"),
        ("/seasonality?band=iqr", "unknown parameter \"band\""),
        ("/ratings?min_monthly=0", "min_monthly must be between"),
        (
            "/ratings?population=test",
            "population must be all or train",
        ),
        ("/ratings?ingredients=garlik", "garlic"),
        ("/?from=2001", "unknown parameter"),
    ] {
        let (status, _, body) = get(uri).await;
        let body = body.replace("&quot;", "\"");
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains(message), "{uri}: {body}");
        assert!(!body.contains("panicked") && !body.contains("stack"));
    }
    let (status, _, body) = get("/api/trends/volume.json?from=1800").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"error\""));
}

#[tokio::test]
async fn not_found_health_and_static_assets() {
    let (status, _, body) = get("/nope?lang=fr").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page introuvable"));
    for uri in [
        "/api/nope/volume.json",
        "/api/trends/nope.json",
        "/api/trends/volume.xml",
    ] {
        assert_eq!(get(uri).await.0, StatusCode::NOT_FOUND, "{uri}");
    }
    let (status, _, body) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("ready"));
    let (status, content_type, js) = get("/static/plotly.min.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/javascript") && js.len() > 1_000_000);
    let (status, content_type, css) = get("/static/style.css").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/css; charset=utf-8")
    );
    assert!(css.contains("@font-face{font-family:Michroma"));
    let (status, content_type, _) = get("/static/fonts/michroma-latin-400-normal.woff2").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "font/woff2")
    );
    let (status, _, _) = get("/static/fonts/other.woff2").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_is_503_until_the_dataset_is_loaded() {
    let fresh = Shared::new(DataSource::BundledSample);
    let response = router(fresh.clone())
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let response = router(fresh)
        .oneshot(Request::get("/trends").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("refresh"));
}
