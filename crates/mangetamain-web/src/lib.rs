//! # mangetamain-web
//!
//! The web app: it wires the dataset, the analyses and the charts to HTTP and holds no analysis
//! logic. Pages: Overview (`/`), Trends, Seasonality, Weekday / weekend, Ratings, each with
//! `?lang=en|fr` and its controls as query parameters (shareable URLs); the numbers of every
//! chart under `/api/{page}/{analysis}.json|.csv`; `/healthz` (503 until the dataset is
//! loaded); static assets embedded in the binary (works offline).
//!
//! ```
//! use mangetamain_core::DataSource;
//! use mangetamain_web::{router, state::Shared};
//!
//! let shared = Shared::new(DataSource::BundledSample);
//! let app: axum::Router = router(shared.clone());
//! assert!(shared.current().is_none()); // /healthz answers 503 until `shared.reload()`
//! # let _ = app;
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod args;
pub mod fonts;
pub mod html;
pub mod logging;
pub mod memo;
pub mod pages;
pub mod params;
pub mod state;
pub mod text;
pub mod topics;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use mangetamain_viz::Lang;

use crate::html::frame;
use crate::params::{parse, Page};
use crate::state::{Loaded, Shared};
use crate::text::T;
use crate::topics::ComputeError;

type Pairs = Query<Vec<(String, String)>>;

/// The application's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/",
            get(|s: State<Arc<Shared>>, q: Pairs| page(s, q, Page::Overview)),
        )
        .route(
            "/trends",
            get(|s: State<Arc<Shared>>, q: Pairs| page(s, q, Page::Trends)),
        )
        .route(
            "/seasonality",
            get(|s: State<Arc<Shared>>, q: Pairs| page(s, q, Page::Seasonality)),
        )
        .route(
            "/weekend",
            get(|s: State<Arc<Shared>>, q: Pairs| page(s, q, Page::Weekend)),
        )
        .route(
            "/ratings",
            get(|s: State<Arc<Shared>>, q: Pairs| page(s, q, Page::Ratings)),
        )
        .route("/api/{page}/{file}", get(data))
        .route("/healthz", get(health))
        .route("/refresh", get(refresh))
        .route("/static/plotly.min.js", get(plotly_js))
        .route("/static/style.css", get(style))
        .route("/static/fonts/{file}", get(font))
        .fallback(not_found)
        .layer(middleware::from_fn(log_request))
        .with_state(shared)
}

/// Logs every request: method, path, status, milliseconds (server errors at ERROR).
async fn log_request(request: Request, next: Next) -> Response {
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let start = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if status.is_server_error() {
        tracing::error!(%method, %uri, status = status.as_u16(), ms, "request failed");
    } else {
        tracing::info!(%method, %uri, status = status.as_u16(), ms, "request");
    }
    response
}

/// The language asked for, for error pages (English when absent or invalid).
fn lang_of(pairs: &[(String, String)]) -> Lang {
    pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
        .unwrap_or_default()
}

fn message_page(status: StatusCode, lang: Lang, title: T, message: &str) -> Response {
    let body = format!(
        "<h1>{}</h1><div class=\"error\"><p>{}</p></div><p><a href=\"/?lang={}\">{}</a></p>",
        html::escape(title.get(lang)),
        html::escape(message),
        lang.code(),
        T::BackHome.get(lang)
    );
    (
        status,
        Html(frame(None, lang, "", None, title.get(lang), &body)),
    )
        .into_response()
}

fn not_ready(shared: &Shared, lang: Lang) -> Response {
    let error = shared
        .load_error
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let message = match error {
        Some(error) => error,
        None => T::Loading.get(lang).to_string(),
    };
    let mut response = message_page(StatusCode::SERVICE_UNAVAILABLE, lang, T::NotReady, &message);
    response
        .headers_mut()
        .insert(header::REFRESH, HeaderValue::from_static("3"));
    response
}

fn compute_error(error: ComputeError, lang: Lang) -> Response {
    match error {
        ComputeError::Request(message) => {
            message_page(StatusCode::BAD_REQUEST, lang, T::BadRequest, &message)
        }
        ComputeError::Internal(message) => {
            tracing::error!(error = %message, "analysis failed");
            message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                T::ServerError,
                T::ServerErrorText.get(lang),
            )
        }
    }
}

/// Page computations running at once: one per core. More would only share the cores, and the
/// threads of the computations would starve the analyses' own parallel parts (measured: a p99
/// several times the p50 under 32 connections); waiting requests are served in arrival order.
fn compute_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    })
}

/// Runs blocking work (a page computation) off the async workers, at most one per core.
async fn blocking<R: Send + 'static>(
    work: impl FnOnce() -> Result<R, ComputeError> + Send + 'static,
) -> Result<R, ComputeError> {
    let _slot = compute_slots()
        .acquire()
        .await
        .map_err(|e| ComputeError::Internal(format!("no computation slot: {e}")))?;
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
        Err(ComputeError::Internal(format!(
            "the computation stopped: {e}"
        )))
    })
}

async fn page(State(shared): State<Arc<Shared>>, Query(pairs): Pairs, page: Page) -> Response {
    let fallback_lang = lang_of(&pairs);
    let Some(loaded) = shared.current() else {
        return not_ready(&shared, fallback_lang);
    };
    let (lang, settings) = match parse(page, &pairs, &loaded.limits) {
        Ok(parsed) => parsed,
        Err(message) => {
            return message_page(
                StatusCode::BAD_REQUEST,
                fallback_lang,
                T::BadRequest,
                &message,
            )
        }
    };
    // Pages already rendered are answered at once, without waiting for a computation slot.
    if let Some(html) = loaded.cached_page(&settings, lang) {
        return Html(html).into_response();
    }
    match blocking(move || loaded.page(&settings, lang)).await {
        Ok(html) => Html(html).into_response(),
        Err(error) => compute_error(error, lang),
    }
}

fn json_error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

async fn data(
    State(shared): State<Arc<Shared>>,
    Path((page_slug, file)): Path<(String, String)>,
    Query(pairs): Pairs,
) -> Response {
    let Some(page) = Page::from_slug(&page_slug) else {
        return json_error(StatusCode::NOT_FOUND, &format!("no page {page_slug:?}"));
    };
    let Some((name, format)) = file.rsplit_once('.') else {
        return json_error(StatusCode::NOT_FOUND, "ask for NAME.json or NAME.csv");
    };
    if format != "json" && format != "csv" {
        return json_error(
            StatusCode::NOT_FOUND,
            &format!("unknown format {format:?}: json or csv"),
        );
    }
    let Some(loaded) = shared.current() else {
        return json_error(StatusCode::SERVICE_UNAVAILABLE, "the dataset is loading");
    };
    let settings = match parse(page, &pairs, &loaded.limits) {
        Ok((_, settings)) => settings,
        Err(message) => return json_error(StatusCode::BAD_REQUEST, &message),
    };
    let loaded_for_work: Arc<Loaded> = loaded.clone();
    let results = match blocking(move || loaded_for_work.results(&settings)).await {
        Ok(results) => results,
        Err(ComputeError::Request(message)) => {
            return json_error(StatusCode::BAD_REQUEST, &message)
        }
        Err(ComputeError::Internal(message)) => {
            tracing::error!(error = %message, "analysis failed");
            return json_error(StatusCode::INTERNAL_SERVER_ERROR, "the analysis failed");
        }
    };
    let Some(value) = results.analysis(name) else {
        return json_error(
            StatusCode::NOT_FOUND,
            &format!("no analysis {name:?} on page {page_slug:?}"),
        );
    };
    if format == "json" {
        axum::Json(value).into_response()
    } else {
        (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            api::to_csv(&value),
        )
            .into_response()
    }
}

async fn health(State(shared): State<Arc<Shared>>) -> Response {
    match shared.current() {
        Some(loaded) => format!("ready ({:.2} s to load)", loaded.load_seconds).into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, "loading").into_response(),
    }
}

async fn refresh(State(shared): State<Arc<Shared>>, Query(pairs): Pairs) -> Response {
    let lang = lang_of(&pairs);
    let worker = shared.clone();
    match tokio::task::spawn_blocking(move || worker.reload()).await {
        Ok(Ok(seconds)) => {
            tracing::info!(seconds, "dataset reloaded");
            Redirect::to(&format!("/?lang={}", lang.code())).into_response()
        }
        Ok(Err(error)) => {
            tracing::error!(%error, "reload failed");
            message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                T::ServerError,
                &error,
            )
        }
        Err(error) => {
            tracing::error!(%error, "reload stopped");
            message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                T::ServerError,
                T::ServerErrorText.get(lang),
            )
        }
    }
}

async fn plotly_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        mangetamain_viz::plotly_js(),
    )
        .into_response()
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        [fonts::FONT_FACES, html::STYLE].concat(),
    )
        .into_response()
}

async fn font(Path(file): Path<String>) -> Response {
    match fonts::by_file(&file) {
        Some(font) => (
            [
                (header::CONTENT_TYPE, "font/woff2"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            font.bytes,
        )
            .into_response(),
        None => message_page(
            StatusCode::NOT_FOUND,
            Lang::default(),
            T::NotFound,
            T::NotFoundText.get(Lang::default()),
        ),
    }
}

async fn not_found(Query(pairs): Query<Vec<(String, String)>>) -> Response {
    let lang = lang_of(&pairs);
    message_page(
        StatusCode::NOT_FOUND,
        lang,
        T::NotFound,
        T::NotFoundText.get(lang),
    )
}
