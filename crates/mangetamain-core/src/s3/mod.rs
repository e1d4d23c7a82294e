//! S3 data source: read the Kaggle files from any S3-compatible store (AWS S3, MinIO, Garage,
//! Ceph, R2) into a local cache keyed by ETag and size, publish derived artefacts back, and probe
//! a bucket's status for the web app.
//!
//! Credentials never come from code: the standard AWS chain (environment variables
//! `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, `~/.aws/credentials` with `AWS_PROFILE` or
//! [`S3Config::profile`]) or an explicit credentials file ([`S3Config::credentials_file`]).
//! Secrets never appear in logs or errors.

mod client;
mod error;
mod transfer;

pub use client::{S3Config, S3Location};
pub use error::S3Error;
pub(crate) use transfer::default_cache_dir;
pub use transfer::{
    fetch_dataset, probe, publish, FetchReport, S3Status, MULTIPART_THRESHOLD, PART_SIZE,
};
