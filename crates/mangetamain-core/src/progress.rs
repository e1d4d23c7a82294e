//! Progress reporting for long reads: a bar on a terminal, periodic log lines otherwise.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Progress of reading one file, in bytes.
pub struct FileProgress {
    bar: Option<ProgressBar>,
    label: String,
    total: u64,
    started: Instant,
    last_log: Instant,
}

impl FileProgress {
    /// Starts reporting for `path`, whose size is `total` bytes.
    pub fn new(path: &Path, total: u64) -> Self {
        let label = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template(
                "{msg:>24} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(label.clone());
            bar
        });
        FileProgress {
            bar,
            label,
            total,
            started: Instant::now(),
            last_log: Instant::now(),
        }
    }

    /// Reports that `done` bytes have been read.
    pub fn update(&mut self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        } else if self.last_log.elapsed() >= Duration::from_secs(5) {
            self.last_log = Instant::now();
            tracing::info!(file = %self.label, done, total = self.total, "reading");
        }
    }

    /// Ends the report with the row count.
    pub fn finish(self, rows: usize) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        tracing::info!(
            file = %self.label,
            rows,
            bytes = self.total,
            seconds = self.started.elapsed().as_secs_f64(),
            "read"
        );
    }
}
