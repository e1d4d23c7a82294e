//! Writes a synthetic dataset in the exact Kaggle format.
//!
//! `cargo run -p mangetamain-core --example generate -- OUT_DIR [SCALE] [SEED]`
//! (scale 1.0 = 231,637 recipes and 1,132,367 interactions; default seed 42).

/// mimalloc, as the web binary uses (glibc's malloc spent ~40 % of the CSV parse in malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use mangetamain_core::synthetic::{generate, GeneratorParams};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: generate OUT_DIR [SCALE] [SEED]");
        std::process::exit(2);
    };
    let parse = |index: usize, default: f64| -> f64 {
        args.get(index)
            .map_or(Ok(default), |v| v.parse())
            .unwrap_or_else(|_| {
                eprintln!("argument {} is not a number", index + 1);
                std::process::exit(2);
            })
    };
    let params = GeneratorParams {
        scale: parse(1, 1.0),
        seed: parse(2, 42.0) as u64,
        splits: true,
    };
    match generate(dir.as_ref(), &params) {
        Ok(written) => println!(
            "wrote {} recipes, {} interactions ({} users), splits {:?} to {} in {:.1} s",
            written.recipes,
            written.interactions,
            written.users,
            written.split_rows,
            written.dir.display(),
            written.seconds
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
