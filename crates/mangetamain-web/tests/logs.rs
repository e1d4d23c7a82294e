//! The log files: the debug log holds every event, the error log only errors (this test
//! installs the global subscriber, so it lives in a test binary of its own).

use std::path::Path;

/// The text of the one log file whose name starts with `prefix`.
fn log_text(dir: &Path, prefix: &str) -> String {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
        })
        .collect();
    assert_eq!(files.len(), 1, "{prefix} files: {files:?}");
    std::fs::read_to_string(&files[0]).unwrap()
}

#[test]
fn the_debug_log_has_every_event_and_the_error_log_only_errors() {
    let dir = tempfile::tempdir().unwrap();
    let guards = mangetamain_web::logging::init(dir.path()).unwrap();
    tracing::debug!("a debug event");
    tracing::info!("an info event");
    tracing::error!(status = 500, "an error event");
    // Dropping the guards flushes the writers' queues.
    drop(guards);
    let debug = log_text(dir.path(), "mangetamain-debug");
    let error = log_text(dir.path(), "mangetamain-error");
    for event in [
        "a debug event",
        "an info event",
        "an error event status=500",
    ] {
        assert!(
            debug.contains(event),
            "{event:?} missing in the debug log:\n{debug}"
        );
    }
    assert!(error.contains("an error event status=500"), "{error}");
    assert!(
        !error.contains("info event") && !error.contains("debug event"),
        "{error}"
    );
    // Files are plain text: no terminal colour codes.
    assert!(!debug.contains('\u{1b}') && !error.contains('\u{1b}'));
}
