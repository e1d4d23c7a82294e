//! The Mangetamain web app binary: `mangetamain-web [serve|fetch|publish] [options]`; without
//! options it serves the bundled sample on http://127.0.0.1:8501.

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::net::SocketAddr;

use mangetamain_core::Dataset;
use mangetamain_web::args::{self, Args, Command};
use mangetamain_web::state::Shared;

#[tokio::main]
async fn main() {
    if let Err(message) = run().await {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let args = Args::parse(std::env::args().skip(1))?;
    if args.help {
        println!("{}", args::USAGE);
        return Ok(());
    }
    let _guards = mangetamain_web::logging::init(&args.log_dir)?;
    match args.command {
        Command::Fetch => return fetch(&args).await,
        Command::Publish => return publish(&args).await,
        Command::Serve => {}
    }
    let source = args.source();
    let shared = Shared::new(source.clone());
    let address: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("invalid address {}:{}: {e}", args.host, args.port))?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    tracing::info!(source = %source.describe(), logs = %args.log_dir.display(), "serving on http://{address} (loading the dataset)");
    let loader = shared.clone();
    tokio::task::spawn_blocking(move || match loader.reload() {
        Ok(seconds) => tracing::info!(
            seconds,
            "dataset loaded, every default page precomputed: ready"
        ),
        Err(error) => tracing::error!(%error, "the dataset could not be loaded"),
    });
    axum::serve(listener, mangetamain_web::router(shared))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("server error: {e}"))
}

/// `fetch`: download the bucket's Kaggle files into the local cache.
async fn fetch(args: &Args) -> Result<(), String> {
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
async fn publish(args: &Args) -> Result<(), String> {
    let Some(location) = args.s3.clone() else {
        return Err("publish needs --s3".to_string());
    };
    let config = args.s3_config.clone();
    let source = args.source();
    let keys = tokio::task::spawn_blocking(move || -> Result<Vec<String>, String> {
        let store = {
            let dataset = Dataset::open(source).map_err(|e| e.to_string())?;
            dataset
                .load_info()
                .store_path
                .clone()
                .ok_or_else(|| "this build has no DuckDB store to publish".to_string())?
        };
        mangetamain_core::s3::publish(&location, &config, &[store]).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("publish stopped: {e}"))??;
    println!("published {keys:?}");
    Ok(())
}
