//! S3 errors: one variant per situation the user must handle differently, each naming the
//! bucket / key and saying what to do. No variant carries a secret.

use std::path::PathBuf;

/// Why an S3 operation failed.
#[derive(Debug, thiserror::Error)]
pub enum S3Error {
    /// The location text is not `s3://bucket[/prefix]`.
    #[error("'{text}' is not an S3 location: expected s3://bucket/prefix")]
    InvalidLocation {
        /// The text given.
        text: String,
    },
    /// No server answered at the endpoint.
    #[error("cannot reach the S3 endpoint {endpoint}: {detail}; check the endpoint URL, the network and that the server runs")]
    Unreachable {
        /// The endpoint (or "AWS default").
        endpoint: String,
        /// What the connection attempt reported.
        detail: String,
    },
    /// The operation took longer than the configured timeout.
    #[error("S3 request to bucket '{bucket}' timed out after {seconds} s; the server is slow or unreachable")]
    Timeout {
        /// The bucket.
        bucket: String,
        /// The timeout.
        seconds: f64,
    },
    /// The server rejected the credentials (unknown key or wrong secret).
    #[error("the S3 server rejected the credentials for bucket '{bucket}' ({code}); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the credentials file and profile")]
    BadCredentials {
        /// The bucket.
        bucket: String,
        /// The server's error code (InvalidAccessKeyId, SignatureDoesNotMatch...).
        code: String,
    },
    /// No credentials were found at all.
    #[error("no S3 credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials, or pass a credentials file")]
    NoCredentials,
    /// The bucket does not exist.
    #[error("bucket '{bucket}' does not exist on this S3 server")]
    NoSuchBucket {
        /// The bucket.
        bucket: String,
    },
    /// The object does not exist.
    #[error("object s3://{bucket}/{key} does not exist")]
    NoSuchKey {
        /// The bucket.
        bucket: String,
        /// The key.
        key: String,
    },
    /// The credentials are valid but not allowed to do this.
    #[error("access denied to s3://{bucket}/{key}; the credentials lack permission for it")]
    AccessDenied {
        /// The bucket.
        bucket: String,
        /// The key (empty for bucket-level operations).
        key: String,
    },
    /// The transfer stopped before the whole object arrived; nothing was kept.
    #[error("download of s3://{bucket}/{key} stopped after {received} of {expected} bytes; the partial file was removed, run again to retry")]
    Interrupted {
        /// The bucket.
        bucket: String,
        /// The key.
        key: String,
        /// Bytes received.
        received: u64,
        /// Bytes expected.
        expected: u64,
    },
    /// Any other answer of the server.
    #[error("S3 request on s3://{bucket}/{key} failed: {detail}")]
    Service {
        /// The bucket.
        bucket: String,
        /// The key.
        key: String,
        /// The server's code and message.
        detail: String,
    },
    /// A local file operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The local path.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
}
