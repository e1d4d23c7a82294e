//! Foundation benchmark: generation, cold ingest (CSV -> cleaned frames, "ready"; then the store
//! written in the background, "store complete"), warm open (store -> frames), and the peak RSS of
//! each, each phase in its own process so peaks do not mix.
//!
//! `cargo run -p mangetamain-core --example bench_foundation -- DIR [SCALE]`
//! generates DIR at SCALE (default 1.0) if it holds no RAW_recipes.csv, then measures.

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mangetamain_core::synthetic::{generate, GeneratorParams};
use mangetamain_core::{DataSource, Dataset, OpenOptions};

/// Peak resident set size of this process, from /proc (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn open(dir: &Path, store: &Path, reingest: bool) {
    let options = OpenOptions {
        store_path: Some(store.to_path_buf()),
        reingest,
        ..OpenOptions::default()
    };
    let start = Instant::now();
    let dataset = match Dataset::open_with(DataSource::LocalDir(dir.to_path_buf()), &options) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    // After a cold ingest the raw tables, the checkpoint and the frame copy finish in the
    // background: time until the store is complete too.
    if let Err(e) = dataset.wait_for_store() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let complete = start.elapsed().as_secs_f64();
    let phases: Vec<String> = dataset
        .load_info()
        .phases
        .iter()
        .map(|(name, s)| format!("{name} {s:.2} s"))
        .collect();
    println!(
        "{}: ready in {:.3} s ({}), store complete in {:.3} s, recipes {}, interactions {}, peak RSS {:.0} MiB",
        if reingest { "cold ingest" } else { "warm open" },
        seconds,
        phases.join(", "),
        complete,
        dataset.recipes().height(),
        dataset.interactions().height(),
        peak_rss_mib().unwrap_or(f64::NAN)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: bench_foundation DIR [SCALE]");
        std::process::exit(2);
    };
    let store = dir.join("bench-store.duckdb");
    match args.get(1).map(String::as_str) {
        Some("--cold") => return open(&dir, &store, true),
        Some("--warm") => return open(&dir, &store, false),
        _ => {}
    }
    let scale: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    if !dir.join("RAW_recipes.csv").exists() {
        let start = Instant::now();
        match generate(&dir, &GeneratorParams { scale, ..GeneratorParams::default() }) {
            Ok(w) => println!(
                "generation at scale {scale}: {:.2} s ({} recipes, {} interactions), peak RSS {:.0} MiB",
                start.elapsed().as_secs_f64(),
                w.recipes,
                w.interactions,
                peak_rss_mib().unwrap_or(f64::NAN)
            ),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("bench_foundation"));
    for phase in ["--cold", "--warm", "--warm"] {
        let status = Command::new(&exe).arg(&dir).arg(phase).status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("phase {phase} failed");
            std::process::exit(1);
        }
    }
}
