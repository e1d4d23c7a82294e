//! Load generator for the web app: `load_bench [BASE_URL] [SECONDS_PER_SCENARIO] [CONNECTIONS]`
//! (defaults http://127.0.0.1:8501, 5 s, 32). For each page it runs keep-alive HTTP/1.1 GETs
//! from CONNECTIONS concurrent connections for the given time and prints requests per second and
//! the p50 / p99 latency; then the same with changed controls (a new year range and list length
//! on every request, so results are computed on demand), then reports the startup time the
//! server states in /healthz.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One GET on a keep-alive connection; returns the status code.
async fn get(stream: &mut TcpStream, host: &str, path: &str) -> std::io::Result<u16> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut head = Vec::with_capacity(1024);
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())
                .flatten()
        })
        .ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}

struct Outcome {
    latencies_ms: Vec<f64>,
    errors: usize,
    seconds: f64,
}

async fn scenario(
    address: &str,
    host: &str,
    connections: usize,
    duration: Duration,
    path_of: Arc<dyn Fn(usize) -> String + Send + Sync>,
) -> Outcome {
    let counter = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (address, host) = (address.to_string(), host.to_string());
        let (counter, path_of) = (counter.clone(), path_of.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            let Ok(mut stream) = TcpStream::connect(&address).await else {
                return (latencies, 1);
            };
            while start.elapsed() < duration {
                let path = path_of(counter.fetch_add(1, Ordering::Relaxed));
                let sent = Instant::now();
                match get(&mut stream, &host, &path).await {
                    Ok(200) => latencies.push(sent.elapsed().as_secs_f64() * 1000.0),
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        match TcpStream::connect(&address).await {
                            Ok(s) => stream = s,
                            Err(_) => break,
                        }
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut outcome = Outcome {
        latencies_ms: Vec::new(),
        errors: 0,
        seconds: 0.0,
    };
    for task in tasks {
        if let Ok((latencies, errors)) = task.await {
            outcome.latencies_ms.extend(latencies);
            outcome.errors += errors;
        }
    }
    outcome.seconds = start.elapsed().as_secs_f64();
    outcome
}

fn report(name: &str, mut outcome: Outcome) {
    outcome.latencies_ms.sort_by(f64::total_cmp);
    let n = outcome.latencies_ms.len();
    let at = |q: f64| {
        if n == 0 {
            f64::NAN
        } else {
            outcome.latencies_ms[((q * (n - 1) as f64).round() as usize).min(n - 1)]
        }
    };
    println!(
        "{name:<34} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({n} ok, {} errors)",
        n as f64 / outcome.seconds,
        at(0.5),
        at(0.99),
        outcome.errors
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8501".to_string());
    let seconds: u64 = args.next().map_or(Ok(5), |s| s.parse())?;
    let connections: usize = args.next().map_or(Ok(32), |s| s.parse())?;
    let host = base
        .strip_prefix("http://")
        .ok_or("BASE_URL must start with http://")?
        .trim_end_matches('/')
        .to_string();
    let duration = Duration::from_secs(seconds);
    println!("{connections} connections, {seconds} s per scenario, against {base}");
    for page in ["/", "/trends", "/seasonality", "/weekend", "/ratings"] {
        let path = page.to_string();
        let outcome = scenario(
            &host,
            &host,
            connections,
            duration,
            Arc::new(move |_| path.clone()),
        )
        .await;
        report(&format!("cached {page}"), outcome);
    }
    for (page, extra) in [
        ("/trends", ""),
        ("/seasonality", ""),
        ("/weekend", ""),
        ("/ratings", "&min_monthly=50"),
    ] {
        let name = format!("changed controls {page}");
        let page = page.to_string();
        let extra = extra.to_string();
        let path_of = Arc::new(move |i: usize| {
            // A different (from, to, top) on every request: computed on demand, not cached.
            let from = 1999 + (i % 10) as i32;
            let to = 2011 + ((i / 10) % 8) as i32;
            let top = 3 + (i / 80) % 48;
            if page == "/ratings" {
                format!("{page}?from={from}&to={to}{extra}")
            } else {
                format!("{page}?from={from}&to={to}&top={top}{extra}")
            }
        });
        let outcome = scenario(&host, &host, connections, duration, path_of).await;
        report(&name, outcome);
    }
    let mut stream = TcpStream::connect(&host).await?;
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    println!("healthz: {}", answer.lines().last().unwrap_or_default());
    Ok(())
}
