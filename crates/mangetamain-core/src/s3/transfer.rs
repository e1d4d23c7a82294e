//! Downloads into the cache (ETag + size, temp file then rename), uploads (multipart for large
//! files), and the status probe.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use serde::{Deserialize, Serialize};

use super::client::{build_client, classify, S3Config, S3Location};
use super::error::S3Error;
use crate::progress::FileProgress;
use mangetamain_format::KaggleFile;

/// Files above this size are uploaded in parts.
pub const MULTIPART_THRESHOLD: u64 = 16 * 1024 * 1024;
/// Size of each uploaded part (bounded memory: one part in memory at a time).
pub const PART_SIZE: usize = 8 * 1024 * 1024;

/// What a fetch did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FetchReport {
    /// The local folder holding the files.
    pub dir: PathBuf,
    /// Files downloaded now.
    pub downloaded: Vec<String>,
    /// Files already in the cache with the same ETag and size.
    pub cached: Vec<String>,
    /// Optional Kaggle files absent from the bucket.
    pub absent: Vec<String>,
    /// Bytes downloaded.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// The cache entry written next to a downloaded file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CacheEntry {
    etag: String,
    size: u64,
}

fn runtime() -> Result<tokio::runtime::Runtime, S3Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| S3Error::Io {
            action: "start the S3 runtime for",
            path: PathBuf::from("."),
            source,
        })
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> S3Error + 'a {
    move |source| S3Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// The default cache folder of a location.
pub(crate) fn default_cache_dir(location: &S3Location) -> PathBuf {
    let prefix = if location.prefix.is_empty() {
        "_root".to_string()
    } else {
        location.prefix.replace('/', "_")
    };
    crate::source::cache_root()
        .join("s3")
        .join(&location.bucket)
        .join(prefix)
}

/// Downloads the Kaggle files of `location` into the cache (RAW_recipes.csv and
/// RAW_interactions.csv are required; the other Kaggle files are fetched when present).
/// `on_progress(file, received, total)` is called as bytes arrive.
pub fn fetch_dataset(
    location: &S3Location,
    config: &S3Config,
    on_progress: &(dyn Fn(&str, u64, u64) + Sync),
) -> Result<FetchReport, S3Error> {
    let started = Instant::now();
    let dir = config
        .cache_dir
        .clone()
        .unwrap_or_else(|| default_cache_dir(location));
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    let runtime = runtime()?;
    runtime.block_on(async {
        let client = build_client(config).await;
        let mut report = FetchReport {
            dir: dir.clone(),
            downloaded: Vec::new(),
            cached: Vec::new(),
            absent: Vec::new(),
            bytes: 0,
            seconds: 0.0,
        };
        for file in KaggleFile::ALL {
            let name = file.file_name();
            let required = matches!(file, KaggleFile::RawRecipes | KaggleFile::RawInteractions);
            match download(
                &client,
                config,
                location,
                name,
                &dir.join(name),
                on_progress,
            )
            .await
            {
                Ok(Some(bytes)) => {
                    report.downloaded.push(name.to_string());
                    report.bytes += bytes;
                }
                Ok(None) => report.cached.push(name.to_string()),
                Err(S3Error::NoSuchKey { .. }) if !required => report.absent.push(name.to_string()),
                Err(error) => return Err(error),
            }
        }
        report.seconds = started.elapsed().as_secs_f64();
        tracing::info!(
            location = %location,
            downloaded = report.downloaded.len(),
            cached = report.cached.len(),
            bytes = report.bytes,
            seconds = report.seconds,
            "fetched dataset from S3"
        );
        Ok(report)
    })
}

/// Downloads one object unless the cache holds it with the same ETag and size. Returns the bytes
/// downloaded, or `None` on a cache hit.
async fn download(
    client: &aws_sdk_s3::Client,
    config: &S3Config,
    location: &S3Location,
    name: &str,
    destination: &Path,
    on_progress: &(dyn Fn(&str, u64, u64) + Sync),
) -> Result<Option<u64>, S3Error> {
    let bucket = location.bucket.as_str();
    let key = location.key(name);
    let head = match client.head_object().bucket(bucket).key(&key).send().await {
        Ok(head) => head,
        Err(error) => {
            // A HEAD answer has no body, so a 403 or 404 carries no error code: ask again with a
            // one-byte GET to tell bad credentials from missing permissions, and a missing bucket
            // from a missing object.
            let first = classify(error, config, bucket, &key);
            if matches!(
                first,
                S3Error::AccessDenied { .. } | S3Error::NoSuchKey { .. }
            ) {
                if let Err(error) = client
                    .get_object()
                    .bucket(bucket)
                    .key(&key)
                    .range("bytes=0-0")
                    .send()
                    .await
                {
                    return Err(classify(error, config, bucket, &key));
                }
            }
            return Err(first);
        }
    };
    let etag = head.e_tag().unwrap_or_default().to_string();
    let size = head.content_length().unwrap_or(0).max(0) as u64;
    let sidecar = sidecar_path(destination);
    if let (Ok(text), Ok(metadata)) = (
        std::fs::read_to_string(&sidecar),
        std::fs::metadata(destination),
    ) {
        if let Ok(entry) = serde_json::from_str::<CacheEntry>(&text) {
            if entry.etag == etag && entry.size == size && metadata.len() == size {
                tracing::debug!(key = %key, "cache hit");
                return Ok(None);
            }
        }
    }
    // The old entry stops being valid before anything changes on disk.
    let _ = std::fs::remove_file(&sidecar);
    let partial = destination.with_extension("part");
    let result = stream_to_file(
        client,
        config,
        bucket,
        &key,
        &etag,
        size,
        &partial,
        name,
        on_progress,
    )
    .await;
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
        return result.map(Some);
    }
    std::fs::rename(&partial, destination).map_err(io("rename", destination))?;
    let entry = serde_json::to_string(&CacheEntry { etag, size }).unwrap_or_default();
    let temporary = sidecar.with_extension("tmp");
    std::fs::write(&temporary, entry).map_err(io("write", &temporary))?;
    std::fs::rename(&temporary, &sidecar).map_err(io("rename", &sidecar))?;
    Ok(Some(size))
}

#[allow(clippy::too_many_arguments)]
async fn stream_to_file(
    client: &aws_sdk_s3::Client,
    config: &S3Config,
    bucket: &str,
    key: &str,
    etag: &str,
    size: u64,
    partial: &Path,
    name: &str,
    on_progress: &(dyn Fn(&str, u64, u64) + Sync),
) -> Result<u64, S3Error> {
    let mut request = client.get_object().bucket(bucket).key(key);
    if !etag.is_empty() {
        request = request.if_match(etag);
    }
    let object = request
        .send()
        .await
        .map_err(|e| classify(e, config, bucket, key))?;
    let mut body = object.body;
    let file = std::fs::File::create(partial).map_err(io("create", partial))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut progress = FileProgress::new(Path::new(name), size);
    let mut received: u64 = 0;
    let interrupted = |received| S3Error::Interrupted {
        bucket: bucket.to_string(),
        key: key.to_string(),
        received,
        expected: size,
    };
    loop {
        match body.try_next().await {
            Ok(Some(bytes)) => {
                writer.write_all(&bytes).map_err(io("write", partial))?;
                received += bytes.len() as u64;
                progress.update(received);
                on_progress(name, received, size);
            }
            Ok(None) => break,
            Err(error) => {
                tracing::warn!(key, received, expected = size, %error, "download interrupted");
                return Err(interrupted(received));
            }
        }
    }
    writer.flush().map_err(io("write", partial))?;
    let file = writer.into_inner().map_err(|e| S3Error::Io {
        action: "write",
        path: partial.to_path_buf(),
        source: e.into_error(),
    })?;
    file.sync_all().map_err(io("sync", partial))?;
    if received != size {
        return Err(interrupted(received));
    }
    progress.finish(0);
    Ok(received)
}

fn sidecar_path(destination: &Path) -> PathBuf {
    let mut name = destination.as_os_str().to_owned();
    name.push(".s3-cache.json");
    PathBuf::from(name)
}

/// Uploads local files to `location` (key = prefix/file name), in parts above
/// [`MULTIPART_THRESHOLD`]. Returns the keys written.
pub fn publish(
    location: &S3Location,
    config: &S3Config,
    files: &[PathBuf],
) -> Result<Vec<String>, S3Error> {
    let runtime = runtime()?;
    runtime.block_on(async {
        let client = build_client(config).await;
        let mut keys = Vec::new();
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let key = location.key(&name);
            let size = std::fs::metadata(path).map_err(io("read", path))?.len();
            if size > MULTIPART_THRESHOLD {
                upload_multipart(&client, config, &location.bucket, &key, path).await?;
            } else {
                let body = ByteStream::from_path(path).await.map_err(|e| S3Error::Io {
                    action: "read",
                    path: path.clone(),
                    source: std::io::Error::other(e.to_string()),
                })?;
                client
                    .put_object()
                    .bucket(&location.bucket)
                    .key(&key)
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| classify(e, config, &location.bucket, &key))?;
            }
            tracing::info!(key = %key, bytes = size, "published");
            keys.push(key);
        }
        Ok(keys)
    })
}

async fn upload_multipart(
    client: &aws_sdk_s3::Client,
    config: &S3Config,
    bucket: &str,
    key: &str,
    path: &Path,
) -> Result<(), S3Error> {
    use std::io::Read;
    let created = client
        .create_multipart_upload()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| classify(e, config, bucket, key))?;
    let upload_id = created.upload_id().unwrap_or_default().to_string();
    let mut file = std::fs::File::open(path).map_err(io("read", path))?;
    let mut parts = Vec::new();
    let mut number = 1;
    let result: Result<(), S3Error> = async {
        loop {
            let mut buffer = vec![0u8; PART_SIZE];
            let mut filled = 0;
            while filled < PART_SIZE {
                let n = file.read(&mut buffer[filled..]).map_err(io("read", path))?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            if filled == 0 {
                break;
            }
            buffer.truncate(filled);
            let part = client
                .upload_part()
                .bucket(bucket)
                .key(key)
                .upload_id(&upload_id)
                .part_number(number)
                .body(ByteStream::from(buffer))
                .send()
                .await
                .map_err(|e| classify(e, config, bucket, key))?;
            parts.push(
                CompletedPart::builder()
                    .e_tag(part.e_tag().unwrap_or_default())
                    .part_number(number)
                    .build(),
            );
            number += 1;
            if filled < PART_SIZE {
                break;
            }
        }
        client
            .complete_multipart_upload()
            .bucket(bucket)
            .key(key)
            .upload_id(&upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(parts))
                    .build(),
            )
            .send()
            .await
            .map_err(|e| classify(e, config, bucket, key))?;
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = client
            .abort_multipart_upload()
            .bucket(bucket)
            .key(key)
            .upload_id(&upload_id)
            .send()
            .await;
    }
    result
}

/// What the status probe found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct S3Status {
    /// A server answered.
    pub reachable: bool,
    /// It accepted the credentials.
    pub authenticated: bool,
    /// The Kaggle files found under the prefix.
    pub objects_present: Vec<String>,
    /// The error, when not everything is fine.
    pub error: Option<String>,
    /// How long the probe took, seconds.
    pub seconds: f64,
}

/// Checks, within `timeout`, that the server answers, accepts the credentials and holds the
/// required files. Never blocks longer than `timeout` (plus runtime start-up).
pub fn probe(location: &S3Location, config: &S3Config, timeout: Duration) -> S3Status {
    let started = Instant::now();
    let mut status = S3Status {
        reachable: false,
        authenticated: false,
        objects_present: Vec::new(),
        error: None,
        seconds: 0.0,
    };
    let mut quick = config.clone();
    quick.timeout_seconds = timeout.as_secs_f64();
    quick.max_attempts = 1;
    let outcome = runtime().and_then(|runtime| {
        runtime.block_on(async {
            let client = build_client(&quick).await;
            let listing = client
                .list_objects_v2()
                .bucket(&location.bucket)
                .prefix(location.key(""))
                .send();
            match tokio::time::timeout(timeout, listing).await {
                Err(_) => Err(S3Error::Timeout {
                    bucket: location.bucket.clone(),
                    seconds: timeout.as_secs_f64(),
                }),
                Ok(result) => result.map_err(|e| classify(e, &quick, &location.bucket, "")),
            }
        })
    });
    match outcome {
        Ok(listing) => {
            status.reachable = true;
            status.authenticated = true;
            let keys: Vec<&str> = listing.contents().iter().filter_map(|o| o.key()).collect();
            for file in KaggleFile::ALL {
                if keys.contains(&location.key(file.file_name()).as_str()) {
                    status.objects_present.push(file.file_name().to_string());
                }
            }
        }
        Err(error) => {
            status.reachable = !matches!(
                error,
                S3Error::Unreachable { .. } | S3Error::Timeout { .. } | S3Error::Io { .. }
            );
            status.authenticated = status.reachable
                && !matches!(
                    error,
                    S3Error::BadCredentials { .. } | S3Error::NoCredentials
                );
            status.error = Some(error.to_string());
        }
    }
    status.seconds = started.elapsed().as_secs_f64();
    status
}
