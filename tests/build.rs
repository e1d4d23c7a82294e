//! Turns every notebook of `notebooks/` into a test function: the code cells, in order, become
//! the body of one function (evcxr commands such as `:dep` are dropped), so that a change of the
//! crates' API that breaks a notebook breaks `cargo test` at once, without Jupyter.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The manifest folder of this run (not `env!`, fixed when the script was compiled: cargo
    // reuses a build script compiled in another checkout of the same sources).
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_string());
    let dir = Path::new(&manifest_dir).join("../notebooks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ipynb"))
            .collect(),
        Err(e) => panic!("cannot list the notebooks in {}: {e}", dir.display()),
    };
    if names.is_empty() {
        panic!("no notebook found in {}", dir.display());
    }
    names.sort();
    let mut out = String::new();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let notebook: serde_json::Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => panic!("{} is not valid notebook JSON: {e}", path.display()),
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("notebook");
        let _ = writeln!(
            out,
            "#[test]\nfn notebook_{}() -> Result<(), Box<dyn std::error::Error>> {{",
            stem.replace('-', "_")
        );
        for cell in notebook["cells"].as_array().into_iter().flatten() {
            if cell["cell_type"] != "code" {
                continue;
            }
            let source: String = match &cell["source"] {
                serde_json::Value::Array(lines) => {
                    lines.iter().filter_map(|l| l.as_str()).collect()
                }
                serde_json::Value::String(s) => s.clone(),
                _ => String::new(),
            };
            // The kernel keeps a cell's variables for the next cells only when they own their
            // values: a top-level `let x = &...;` is an error there (wrap it in a block or
            // clone), although it compiles here.
            for line in source.lines() {
                let binding = line
                    .strip_prefix("let ")
                    .and_then(|rest| rest.split_once('='));
                if let Some((_, value)) = binding {
                    if value.trim_start().starts_with('&') {
                        panic!(
                            "{}: `{line}` borrows at the top level of a cell, which the evcxr kernel cannot keep",
                            path.display()
                        );
                    }
                }
            }
            // Cells share one scope, as in the kernel: a cell's bindings are visible below.
            let _ = writeln!(out, "    // cell");
            for line in source.lines().filter(|l| !l.trim_start().starts_with(':')) {
                let _ = writeln!(out, "    {line}");
            }
        }
        let _ = writeln!(out, "    Ok(())\n}}\n");
    }
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("notebooks.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
