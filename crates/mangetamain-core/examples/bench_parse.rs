//! Parsing benchmark: each RAW file read alone, first as decoded rows only (CSV splitting and
//! field decoding), then into its raw frame, to see where a cold ingest's parse phase goes.
//!
//! `bench_parse DIR` (DIR holds RAW_recipes.csv and RAW_interactions.csv).

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;

use mangetamain_core::format::{read_chunks, KaggleFile, RawInteraction, RawRecipe};
use mangetamain_core::raw::{read_raw_interactions, read_raw_recipes};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_parse DIR");
        std::process::exit(2);
    };
    let recipes = dir.join(KaggleFile::RawRecipes.file_name());
    let interactions = dir.join(KaggleFile::RawInteractions.file_name());
    let time = |label: &str, run: &dyn Fn() -> usize| {
        let start = Instant::now();
        let rows = run();
        println!(
            "{label}: {:.3} s ({rows} rows)",
            start.elapsed().as_secs_f64()
        );
    };
    time("recipes, decoded rows", &|| {
        read_chunks::<RawRecipe>(&recipes, KaggleFile::RawRecipes)
            .map(|reader| reader.map(|chunk| chunk.map_or(0, |c| c.len())).sum())
            .unwrap_or(0)
    });
    time("recipes, raw frame", &|| {
        read_raw_recipes(&recipes).map_or(0, |raw| raw.frame.height())
    });
    time("interactions, decoded rows", &|| {
        read_chunks::<RawInteraction>(&interactions, KaggleFile::RawInteractions)
            .map(|reader| reader.map(|chunk| chunk.map_or(0, |c| c.len())).sum())
            .unwrap_or(0)
    });
    time("interactions, raw frame", &|| {
        read_raw_interactions(&interactions).map_or(0, |frame| frame.height())
    });
}
