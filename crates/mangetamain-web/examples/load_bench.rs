//! Load generator for the web app: `load_bench [BASE_URL] [SECONDS_PER_SCENARIO] [CONNECTIONS]`
//! (defaults http://127.0.0.1:8501, 5 s, 32). Keep-alive HTTP/1.1 GETs from CONNECTIONS
//! concurrent connections; for each scenario it prints requests per second and the p50 / p99
//! latency:
//! - `cached PAGE`: the default page, again and again, for the given time (served from memory);
//! - `new year range PAGE`: each year range of 1999-2018 other than the default, once (209
//!   ranges; 189 on the trends page, which needs two years): every analysis of the page computed
//!   on demand; run it on a freshly started server;
//! - `changed list PAGE`: for the given time, each request a combination not asked before of a
//!   year range already computed and a list length (`top`; on the ratings page the minimum
//!   monthly volume): the list analyses computed on demand, the others from the memo.
//!
//! Then it prints the startup time the server states in /healthz.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One GET on a keep-alive connection; returns the status code.
async fn get(stream: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n");
    stream.get_mut().write_all(request.as_bytes()).await?;
    let mut status = 0;
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if header.starts_with("HTTP/") {
            status = header
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        } else if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
    let length: usize = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}

/// A keep-alive connection with a read buffer (the response head is read line by line).
async fn connect(address: &str) -> std::io::Result<BufReader<TcpStream>> {
    Ok(BufReader::with_capacity(
        64 * 1024,
        TcpStream::connect(address).await?,
    ))
}

/// The years of the Food.com data (the web app's default year range).
const FIRST_YEAR: i32 = 1999;
const LAST_YEAR: i32 = 2018;
/// Upper bound on the time of a scenario bounded by its number of requests.
const RANGE_SCENARIO_CAP: Duration = Duration::from_secs(120);

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
    path_of: Arc<dyn Fn(usize) -> Option<String> + Send + Sync>,
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
            let Ok(mut stream) = connect(&address).await else {
                return (latencies, 1);
            };
            while start.elapsed() < duration {
                let Some(path) = path_of(counter.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let sent = Instant::now();
                match get(&mut stream, &host, &path).await {
                    Ok(200) => latencies.push(sent.elapsed().as_secs_f64() * 1000.0),
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        match connect(&address).await {
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

/// The year ranges a page accepts other than the default (the whole span), in a scrambled
/// order: every range of 1999-2018, and on the trends page only those of two years or more.
fn year_ranges(page: &str) -> Vec<(i32, i32)> {
    let shortest = if page == "/trends" { 1 } else { 0 };
    let all: Vec<(i32, i32)> = (FIRST_YEAR..=LAST_YEAR)
        .flat_map(|from| (from + shortest..=LAST_YEAR).map(move |to| (from, to)))
        .filter(|range| *range != (FIRST_YEAR, LAST_YEAR))
        .collect();
    // 97 is a prime that divides neither 209 nor 189: i -> 97 i mod n visits every range once.
    (0..all.len()).map(|i| all[(97 * i) % all.len()]).collect()
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
            Arc::new(move |_| Some(path.clone())),
        )
        .await;
        report(&format!("cached {page}"), outcome);
    }
    for page in ["/trends", "/seasonality", "/weekend", "/ratings"] {
        // Each request a year range no request asked for before: every analysis of the page is
        // computed on demand (bounded by the number of ranges, not by time).
        let (page_path, ranges_of) = (page.to_string(), year_ranges(page));
        let path_of = Arc::new(move |i: usize| {
            let (from, to) = ranges_of.get(i)?;
            Some(format!("{page_path}?from={from}&to={to}"))
        });
        let outcome = scenario(&host, &host, connections, RANGE_SCENARIO_CAP, path_of).await;
        report(&format!("new year range {page}"), outcome);
    }
    for page in ["/trends", "/seasonality", "/weekend", "/ratings"] {
        // Each request a combination no request asked for before, on a year range already
        // computed: a new list length (`top`), or a new minimum monthly volume on the ratings
        // page. The analyses that depend on the year range only come from the memo.
        let (page_path, ranges_of) = (page.to_string(), year_ranges(page));
        let path_of = Arc::new(move |i: usize| {
            let (from, to) = ranges_of[i % ranges_of.len()];
            let round = i / ranges_of.len();
            Some(if page_path == "/ratings" {
                format!("{page_path}?from={from}&to={to}&min_monthly={}", 1 + round)
            } else {
                format!("{page_path}?from={from}&to={to}&top={}", 3 + round % 48)
            })
        });
        let outcome = scenario(&host, &host, connections, duration, path_of).await;
        report(&format!("changed list {page}"), outcome);
    }
    let mut stream = TcpStream::connect(&host).await?;
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    println!("healthz: {}", answer.lines().last().unwrap_or_default());
    Ok(())
}
