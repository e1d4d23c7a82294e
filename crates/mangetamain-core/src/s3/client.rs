//! Where the bucket is and how to reach it; building the SDK client; classifying SDK errors.

use std::path::PathBuf;
use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_runtime::env_config::file::{EnvConfigFileKind, EnvConfigFiles};
use aws_sdk_s3::config::http::HttpResponse;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use serde::{Deserialize, Serialize};

use super::error::S3Error;

/// A bucket and a key prefix: `s3://bucket/prefix`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct S3Location {
    /// Bucket name.
    pub bucket: String,
    /// Key prefix without leading or trailing slash (may be empty).
    pub prefix: String,
}

impl S3Location {
    /// Parses `s3://bucket` or `s3://bucket/some/prefix`.
    ///
    /// ```
    /// use mangetamain_core::s3::S3Location;
    /// let location = S3Location::parse("s3://mangetamain/kaggle/")?;
    /// assert_eq!((location.bucket.as_str(), location.prefix.as_str()), ("mangetamain", "kaggle"));
    /// assert_eq!(location.key("RAW_recipes.csv"), "kaggle/RAW_recipes.csv");
    /// # Ok::<(), mangetamain_core::s3::S3Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<S3Location, S3Error> {
        let invalid = || S3Error::InvalidLocation {
            text: text.to_string(),
        };
        let rest = text.strip_prefix("s3://").ok_or_else(invalid)?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(invalid());
        }
        Ok(S3Location {
            bucket: bucket.to_string(),
            prefix: prefix.trim_matches('/').to_string(),
        })
    }

    /// The full key of a file name under the prefix.
    pub fn key(&self, name: &str) -> String {
        if self.prefix.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", self.prefix)
        }
    }
}

impl std::fmt::Display for S3Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s3://{}/{}", self.bucket, self.prefix)
    }
}

/// How to reach an S3-compatible server. Everything is optional: the defaults are AWS's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct S3Config {
    /// Endpoint URL for non-AWS servers, e.g. `http://s3fast.lafrance.io` or `http://127.0.0.1:9000`.
    pub endpoint: Option<String>,
    /// Region name (custom servers use their own, e.g. `garage-fast`); default `us-east-1`.
    pub region: Option<String>,
    /// Path-style URLs (`endpoint/bucket/key`), needed by most self-hosted servers.
    pub path_style: bool,
    /// Named profile of the credentials file (e.g. `s3fast`); default: `AWS_PROFILE` or `default`.
    pub profile: Option<String>,
    /// An explicit credentials file (INI, AWS format) instead of `~/.aws/credentials`.
    pub credentials_file: Option<PathBuf>,
    /// Local cache folder of downloaded objects; default `<cache>/s3/<bucket>/<prefix>`.
    pub cache_dir: Option<PathBuf>,
    /// Timeout of each operation attempt, seconds (connect and read).
    pub timeout_seconds: f64,
    /// Attempts per request, with exponential backoff between them (transient failures only).
    pub max_attempts: u32,
}

impl Default for S3Config {
    fn default() -> Self {
        S3Config {
            endpoint: None,
            region: None,
            path_style: false,
            profile: None,
            credentials_file: None,
            cache_dir: None,
            timeout_seconds: 30.0,
            max_attempts: 3,
        }
    }
}

impl S3Config {
    /// The endpoint as shown in messages (never with credentials).
    pub fn endpoint_label(&self) -> String {
        self.endpoint
            .clone()
            .unwrap_or_else(|| "AWS default endpoint".to_string())
    }
}

/// Builds an SDK client for the configuration.
pub(crate) async fn build_client(config: &S3Config) -> aws_sdk_s3::Client {
    let timeout = Duration::from_secs_f64(config.timeout_seconds.max(0.1));
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(
            config
                .region
                .clone()
                .unwrap_or_else(|| "us-east-1".to_string()),
        ))
        .retry_config(RetryConfig::standard().with_max_attempts(config.max_attempts.max(1)))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(timeout)
                .read_timeout(timeout)
                .operation_attempt_timeout(timeout * 4)
                .build(),
        );
    if let Some(endpoint) = &config.endpoint {
        loader = loader.endpoint_url(endpoint);
    }
    if let Some(profile) = &config.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(file) = &config.credentials_file {
        let files = EnvConfigFiles::builder()
            .with_file(EnvConfigFileKind::Credentials, file)
            .build();
        let provider = aws_config::profile::ProfileFileCredentialsProvider::builder()
            .profile_files(files)
            .profile_name(
                config
                    .profile
                    .clone()
                    .unwrap_or_else(|| "default".to_string()),
            )
            .build();
        loader = loader.credentials_provider(provider);
    }
    let shared = loader.load().await;
    let s3_config = aws_sdk_s3::config::Builder::from(&shared)
        .force_path_style(config.path_style)
        .build();
    aws_sdk_s3::Client::from_conf(s3_config)
}

/// Turns an SDK error into the [`S3Error`] a user can act on.
pub(crate) fn classify<E>(
    error: SdkError<E, HttpResponse>,
    config: &S3Config,
    bucket: &str,
    key: &str,
) -> S3Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let http_status = error.raw_response().map(|r| r.status().as_u16());
    match error {
        SdkError::TimeoutError(_) => S3Error::Timeout {
            bucket: bucket.to_string(),
            seconds: config.timeout_seconds,
        },
        SdkError::DispatchFailure(failure) => {
            if failure.is_timeout() {
                S3Error::Timeout {
                    bucket: bucket.to_string(),
                    seconds: config.timeout_seconds,
                }
            } else if let Some(connector) = failure.as_connector_error() {
                let text = format!("{connector}");
                if text.contains("credentials") {
                    S3Error::NoCredentials
                } else {
                    S3Error::Unreachable {
                        endpoint: config.endpoint_label(),
                        detail: connector_detail(connector),
                    }
                }
            } else {
                S3Error::Unreachable {
                    endpoint: config.endpoint_label(),
                    detail: "the request could not be sent".to_string(),
                }
            }
        }
        SdkError::ServiceError(context) => {
            let service = context.err();
            let code = service.code().unwrap_or("").to_string();
            match code.as_str() {
                "NoSuchBucket" => S3Error::NoSuchBucket {
                    bucket: bucket.to_string(),
                },
                "NoSuchKey" | "NotFound" => S3Error::NoSuchKey {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                },
                "AccessDenied" => S3Error::AccessDenied {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                },
                "InvalidAccessKeyId"
                | "SignatureDoesNotMatch"
                | "InvalidToken"
                | "ExpiredToken" => S3Error::BadCredentials {
                    bucket: bucket.to_string(),
                    code,
                },
                _ if http_status == Some(404) => S3Error::NoSuchKey {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                },
                _ if http_status == Some(403) => S3Error::AccessDenied {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                },
                _ => S3Error::Service {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                    detail: format!("{code} {}", service.message().unwrap_or(""))
                        .trim()
                        .to_string(),
                },
            }
        }
        other => {
            let text = format!("{other}");
            if text.contains("credentials") || text.contains("Credentials") {
                S3Error::NoCredentials
            } else {
                S3Error::Service {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                    detail: text,
                }
            }
        }
    }
}

/// The innermost cause of a connection error (e.g. "Connection refused").
fn connector_detail(error: &dyn std::error::Error) -> String {
    let mut current: &dyn std::error::Error = error;
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}
