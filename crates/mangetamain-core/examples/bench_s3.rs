//! S3 transfer benchmark: uploads FILE as `RAW_recipes.csv` (multipart when large) with a tiny
//! `RAW_interactions.csv` to s3://BUCKET/bench on ENDPOINT, then downloads them into a fresh cache
//! and prints throughput and the process's peak RSS (which must not grow with the object size).
//!
//! `cargo run -p mangetamain-core --example bench_s3 -- ENDPOINT BUCKET CREDENTIALS_FILE PROFILE FILE`

use std::path::PathBuf;
use std::time::Instant;

use mangetamain_core::s3::{fetch_dataset, publish, S3Config, S3Location};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 5 {
        eprintln!("usage: bench_s3 ENDPOINT BUCKET CREDENTIALS_FILE PROFILE FILE");
        std::process::exit(2);
    }
    let work = std::env::temp_dir().join(format!("bench-s3-{}", std::process::id()));
    let upload = work.join("upload");
    if let Err(e) = std::fs::create_dir_all(&upload) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let recipes = upload.join("RAW_recipes.csv");
    let interactions = upload.join("RAW_interactions.csv");
    let prepared = std::fs::hard_link(&args[4], &recipes)
        .or_else(|_| std::fs::copy(&args[4], &recipes).map(|_| ()))
        .and_then(|_| std::fs::write(&interactions, b"user_id,recipe_id,date,rating,review\r\n"));
    if let Err(e) = prepared {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let size = std::fs::metadata(&recipes).map(|m| m.len()).unwrap_or(0);
    let config = S3Config {
        endpoint: Some(args[0].clone()),
        path_style: true,
        credentials_file: Some(PathBuf::from(&args[2])),
        profile: Some(args[3].clone()),
        cache_dir: Some(work.join("cache")),
        timeout_seconds: 60.0,
        ..S3Config::default()
    };
    let location = S3Location {
        bucket: args[1].clone(),
        prefix: "bench".to_string(),
    };
    let start = Instant::now();
    if let Err(e) = publish(&location, &config, &[recipes.clone(), interactions]) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let up = start.elapsed().as_secs_f64();
    println!(
        "upload {:.1} MiB: {:.2} s, {:.0} MiB/s, peak RSS so far {:.0} MiB",
        size as f64 / 1048576.0,
        up,
        size as f64 / 1048576.0 / up,
        peak_rss_mib()
    );
    let start = Instant::now();
    match fetch_dataset(&location, &config, &|_, _, _| {}) {
        Ok(report) => {
            let down = start.elapsed().as_secs_f64();
            println!(
                "download {:.1} MiB: {:.2} s, {:.0} MiB/s, peak RSS {:.0} MiB ({} files)",
                report.bytes as f64 / 1048576.0,
                down,
                report.bytes as f64 / 1048576.0 / down,
                peak_rss_mib(),
                report.downloaded.len()
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    let _ = std::fs::remove_dir_all(&work);
}
