//! Workspace-level integration tests live in this folder's test targets (see `Cargo.toml`);
//! this library is empty on purpose.
