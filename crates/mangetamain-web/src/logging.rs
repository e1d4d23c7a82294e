//! Logging: requests and events to stdout (coloured on a terminal only), a debug log file and a
//! separate error log file (ERROR and above), both rotated daily with 7 files kept.

use std::io::IsTerminal;
use std::path::Path;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Days of logs kept.
pub const KEPT_DAYS: usize = 7;

/// Installs the subscriber; keep the guards alive for the life of the program (they flush the
/// files on drop).
pub fn init(dir: &Path) -> Result<Vec<WorkerGuard>, String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the log folder {}: {e}", dir.display()))?;
    let appender = |prefix: &str| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix(prefix)
            .filename_suffix("log")
            .max_log_files(KEPT_DAYS)
            .build(dir)
            .map_err(|e| format!("cannot open the {prefix} log in {}: {e}", dir.display()))
    };
    // Each output is written by a thread of its own (request threads only queue the line); when
    // a queue is full, the thread logging waits for room instead of the line being dropped.
    let writer = || NonBlockingBuilder::default().lossy(false);
    let (debug_writer, debug_guard) = writer().finish(appender("mangetamain-debug")?);
    let (error_writer, error_guard) = writer().finish(appender("mangetamain-error")?);
    let (console_writer, console_guard) = writer().finish(std::io::stdout());
    let console = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(std::io::stdout().is_terminal())
                .with_writer(console_writer)
                .with_filter(console),
        )
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(debug_writer)
                .with_filter(EnvFilter::new("debug,hyper=info,h2=info,aws=info")),
        )
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(error_writer)
                .with_filter(LevelFilter::ERROR),
        )
        .try_init()
        .map_err(|e| format!("cannot install the logger: {e}"))?;
    Ok(vec![debug_guard, error_guard, console_guard])
}
