//! The S3 source against a real S3-protocol server on 127.0.0.1: `s3s-fs` (installed by
//! `.ci/run`; these tests print SKIPPED and check nothing when it is absent). It verifies SigV4
//! signatures, so wrong credentials are really refused.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mangetamain_core::s3::{fetch_dataset, probe, publish, S3Config, S3Error, S3Location};
use mangetamain_core::synthetic::{generate, GeneratorParams};
use mangetamain_core::{DataSource, Dataset, OpenOptions};

const ACCESS_KEY: &str = "MANGETAMAINTESTKEY";
const SECRET_KEY: &str = "mangetamain-test-secret";

fn s3s_fs_binary() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("S3S_FS").map(PathBuf::from),
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/s3s-fs")),
        Some(PathBuf::from("/usr/local/bin/s3s-fs")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        eprintln!("SKIPPED: s3s-fs not found (cargo install --locked s3s-fs@0.14.1 --features binary; .ci/run installs it)");
    }
    found
}

/// A running s3s-fs server on a free port of 127.0.0.1, killed on drop.
struct Server {
    child: Mutex<Option<Child>>,
    port: u16,
    root: PathBuf,
}

impl Server {
    fn start(binary: &Path, root: &Path) -> Server {
        std::fs::create_dir_all(root).unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(binary)
            .args([
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--access-key",
                ACCESS_KEY,
                "--secret-key",
                SECRET_KEY,
            ])
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "s3s-fs did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        Server {
            child: Mutex::new(Some(child)),
            port,
            root: root.to_path_buf(),
        }
    }

    fn stop(&self) {
        if let Some(mut child) = self.child.lock().unwrap().take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn bucket(&self, name: &str) {
        std::fs::create_dir_all(self.root.join(name)).unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn credentials(dir: &Path, secret: &str) -> PathBuf {
    let path = dir.join("credentials");
    std::fs::write(
        &path,
        format!("[test]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {secret}\n"),
    )
    .unwrap();
    path
}

fn config(server: &Server, dir: &Path, cache: &str) -> S3Config {
    S3Config {
        endpoint: Some(format!("http://127.0.0.1:{}", server.port)),
        region: Some("garage-fast".to_string()),
        path_style: true,
        profile: Some("test".to_string()),
        credentials_file: Some(credentials(dir, SECRET_KEY)),
        cache_dir: Some(dir.join(cache)),
        timeout_seconds: 5.0,
        max_attempts: 2,
    }
}

fn kaggle_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    files
}

#[test]
fn a_dataset_opens_from_a_bucket_like_from_its_folder_and_is_cached() {
    let Some(binary) = s3s_fs_binary() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&binary, &dir.path().join("server"));
    server.bucket("mangetamain");
    let local = dir.path().join("local");
    generate(
        &local,
        &GeneratorParams {
            scale: 0.002,
            seed: 5,
            splits: true,
        },
    )
    .unwrap();
    let location = S3Location::parse("s3://mangetamain/kaggle").unwrap();
    let config = config(&server, dir.path(), "cache");
    let keys = publish(&location, &config, &kaggle_files(&local)).unwrap();
    assert_eq!(keys.len(), 5);
    assert!(keys.contains(&"kaggle/RAW_recipes.csv".to_string()));

    let status = probe(&location, &config, Duration::from_secs(2));
    assert!(status.reachable && status.authenticated, "{status:?}");
    assert_eq!(status.objects_present.len(), 5);

    let from_bucket = Dataset::open_with(
        DataSource::S3 {
            location: location.clone(),
            config: config.clone(),
        },
        &OpenOptions {
            store_path: Some(dir.path().join("bucket.duckdb")),
            ..OpenOptions::default()
        },
    )
    .unwrap();
    let from_folder = Dataset::open_with(
        DataSource::LocalDir(local.clone()),
        &OpenOptions {
            store_path: Some(dir.path().join("local.duckdb")),
            ..OpenOptions::default()
        },
    )
    .unwrap();
    assert_eq!(
        from_bucket.recipes().height(),
        from_folder.recipes().height()
    );
    assert_eq!(
        from_bucket.interactions().height(),
        from_folder.interactions().height()
    );
    assert_eq!(
        from_bucket.cleaning_report().tables.len(),
        from_folder.cleaning_report().tables.len()
    );
    for (a, b) in from_bucket
        .cleaning_report()
        .tables
        .iter()
        .zip(&from_folder.cleaning_report().tables)
    {
        assert_eq!(
            (a.rows_in, a.rows_out, &a.removals),
            (b.rows_in, b.rows_out, &b.removals)
        );
    }
    // Every downloaded file equals its source byte for byte.
    for file in kaggle_files(&local) {
        let name = file.file_name().unwrap();
        assert_eq!(
            std::fs::read(&file).unwrap(),
            std::fs::read(dir.path().join("cache").join(name)).unwrap()
        );
    }

    // Second fetch: a cache hit for every file, nothing downloaded, files untouched.
    let modified = std::fs::metadata(dir.path().join("cache/RAW_recipes.csv"))
        .unwrap()
        .modified()
        .unwrap();
    let again = fetch_dataset(&location, &config, &|_, _, _| {}).unwrap();
    assert!(again.downloaded.is_empty(), "{again:?}");
    assert_eq!(again.cached.len(), 5);
    assert_eq!(again.bytes, 0);
    assert_eq!(
        std::fs::metadata(dir.path().join("cache/RAW_recipes.csv"))
            .unwrap()
            .modified()
            .unwrap(),
        modified
    );
}

#[test]
fn errors_name_the_problem() {
    let Some(binary) = s3s_fs_binary() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&binary, &dir.path().join("server"));
    server.bucket("mangetamain");
    let good = config(&server, dir.path(), "cache");

    let mut wrong = good.clone();
    let wrong_dir = dir.path().join("wrong");
    std::fs::create_dir_all(&wrong_dir).unwrap();
    wrong.credentials_file = Some(credentials(&wrong_dir, "not-the-secret"));
    let location = S3Location::parse("s3://mangetamain/kaggle").unwrap();
    let err = fetch_dataset(&location, &wrong, &|_, _, _| {}).unwrap_err();
    assert!(matches!(err, S3Error::BadCredentials { .. }), "{err}");
    assert!(
        !err.to_string().contains("not-the-secret"),
        "secret leaked: {err}"
    );
    let status = probe(&location, &wrong, Duration::from_secs(2));
    assert!(status.reachable && !status.authenticated, "{status:?}");

    let err = fetch_dataset(&location, &good, &|_, _, _| {}).unwrap_err();
    assert!(
        matches!(&err, S3Error::NoSuchKey { key, .. } if key == "kaggle/RAW_recipes.csv"),
        "{err}"
    );
    assert!(err
        .to_string()
        .contains("s3://mangetamain/kaggle/RAW_recipes.csv"));

    let missing_bucket = S3Location::parse("s3://no-such-bucket/kaggle").unwrap();
    let err = fetch_dataset(&missing_bucket, &good, &|_, _, _| {}).unwrap_err();
    assert!(
        matches!(
            err,
            S3Error::NoSuchBucket { .. } | S3Error::NoSuchKey { .. }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("no-such-bucket"));

    let mut unreachable = good.clone();
    unreachable.endpoint = Some(format!(
        "http://127.0.0.1:{}",
        TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    ));
    let started = Instant::now();
    let status = probe(&location, &unreachable, Duration::from_millis(800));
    assert!(!status.reachable, "{status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "probe took {:?}",
        started.elapsed()
    );
    let err = fetch_dataset(&location, &unreachable, &|_, _, _| {}).unwrap_err();
    assert!(
        matches!(err, S3Error::Unreachable { .. } | S3Error::Timeout { .. }),
        "{err}"
    );
}

#[test]
fn large_objects_go_up_in_parts_and_a_broken_download_leaves_nothing() {
    let Some(binary) = s3s_fs_binary() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&binary, &dir.path().join("server"));
    server.bucket("big");
    // 40 MiB of pseudo-random bytes (above the multipart threshold), and a small second file.
    let upload = dir.path().join("upload");
    std::fs::create_dir_all(&upload).unwrap();
    let mut state: u64 = 1;
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(upload.join("RAW_recipes.csv")).unwrap());
    for _ in 0..(40 * 1024 * 1024 / 8) {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        file.write_all(&state.to_le_bytes()).unwrap();
    }
    drop(file);
    std::fs::write(
        upload.join("RAW_interactions.csv"),
        b"user_id,recipe_id,date,rating,review\r\n",
    )
    .unwrap();
    let location = S3Location::parse("s3://big/data").unwrap();
    let cfg = config(&server, dir.path(), "cache");
    publish(&location, &cfg, &kaggle_files(&upload)).unwrap();

    let report = fetch_dataset(&location, &cfg, &|_, _, _| {}).unwrap();
    assert_eq!(report.downloaded.len(), 2);
    assert_eq!(
        std::fs::read(upload.join("RAW_recipes.csv")).unwrap(),
        std::fs::read(dir.path().join("cache/RAW_recipes.csv")).unwrap()
    );

    // A fresh cache, and the server dies as soon as the first bytes arrive.
    let mut broken = cfg.clone();
    broken.cache_dir = Some(dir.path().join("broken-cache"));
    let err = fetch_dataset(&location, &broken, &|name, received, _| {
        if name == "RAW_recipes.csv" && received > 0 {
            server.stop();
        }
    })
    .unwrap_err();
    assert!(
        matches!(
            err,
            S3Error::Interrupted { .. } | S3Error::Unreachable { .. } | S3Error::Timeout { .. }
        ),
        "{err}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("broken-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        leftovers.is_empty(),
        "files left after a broken download: {leftovers:?}"
    );
}
