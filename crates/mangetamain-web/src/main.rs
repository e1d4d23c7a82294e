//! The Mangetamain web app (first slice: the Overview page, the cleaning report, health and JSON
//! endpoints). It wires the dataset, the analyses and HTTP together and holds no analysis logic.
//!
//! Usage: `mangetamain-web [--data DIR] [--host 127.0.0.1] [--port 8501]`. Without `--data` it
//! serves the bundled sample.

mod args;
mod pages;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Json, Response};
use axum::routing::get;
use axum::Router;
use mangetamain_analyses::overview::{dataset_overview, Overview};
use mangetamain_core::Dataset;

/// Everything a request needs, computed once at startup.
struct AppState {
    dataset: Dataset,
    overview: Overview,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    if let Err(message) = run().await {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let args = args::Args::parse(std::env::args().skip(1))?;
    if args.help {
        println!("{}", args::USAGE);
        return Ok(());
    }
    match args.command {
        args::Command::Fetch => return fetch(&args).await,
        args::Command::Publish => return publish(&args).await,
        args::Command::Serve => {}
    }
    let source = args.source();
    tracing::info!(source = %source.describe(), "opening dataset");
    let state = tokio::task::spawn_blocking(move || -> Result<AppState, String> {
        let dataset = Dataset::open(source).map_err(|e| e.to_string())?;
        let overview = dataset_overview(&dataset).map_err(|e| e.to_string())?;
        Ok(AppState { dataset, overview })
    })
    .await
    .map_err(|e| format!("loading the dataset stopped: {e}"))??;
    let app = Router::new()
        .route("/", get(overview_page))
        .route("/healthz", get(|| async { "ready" }))
        .route("/api/overview.json", get(overview_json))
        .route("/api/cleaning-report.json", get(cleaning_report_json))
        .fallback(not_found)
        .with_state(Arc::new(state));
    let address: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("invalid address {}:{}: {e}", args.host, args.port))?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    tracing::info!("serving on http://{address}");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("server error: {e}"))
}

/// `fetch`: download the bucket's Kaggle files into the local cache.
async fn fetch(args: &args::Args) -> Result<(), String> {
    let Some(location) = args.s3.clone() else {
        return Err("fetch needs --s3".to_string());
    };
    let config = args.s3_config.clone();
    let report = tokio::task::spawn_blocking(move || {
        mangetamain_core::s3::fetch_dataset(&location, &config, &|_, _, _| {})
    })
    .await
    .map_err(|e| format!("fetch stopped: {e}"))?
    .map_err(|e| e.to_string())?;
    println!(
        "{}: downloaded {:?} ({} bytes), unchanged {:?}, absent {:?}, in {:.1} s",
        report.dir.display(),
        report.downloaded,
        report.bytes,
        report.cached,
        report.absent,
        report.seconds
    );
    Ok(())
}

/// `publish`: open the dataset and upload its DuckDB store.
async fn publish(args: &args::Args) -> Result<(), String> {
    let Some(location) = args.s3.clone() else {
        return Err("publish needs --s3".to_string());
    };
    let config = args.s3_config.clone();
    let source = args.source();
    let keys = tokio::task::spawn_blocking(move || -> Result<Vec<String>, String> {
        let store = {
            let dataset = Dataset::open(source).map_err(|e| e.to_string())?;
            dataset.load_info().store_path.clone()
        };
        mangetamain_core::s3::publish(&location, &config, &[store]).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("publish stopped: {e}"))??;
    println!("published {keys:?}");
    Ok(())
}

async fn overview_page(State(state): State<Arc<AppState>>) -> Html<String> {
    Html(pages::overview(&state.dataset, &state.overview))
}

async fn overview_json(State(state): State<Arc<AppState>>) -> Json<Overview> {
    Json(state.overview.clone())
}

async fn cleaning_report_json(State(state): State<Arc<AppState>>) -> Response {
    Json(state.dataset.cleaning_report().clone()).into_response()
}

async fn not_found() -> (StatusCode, Html<String>) {
    (StatusCode::NOT_FOUND, Html(pages::not_found()))
}
