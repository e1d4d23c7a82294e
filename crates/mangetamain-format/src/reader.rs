//! Chunked, parallel reading of a Kaggle CSV file.
//!
//! A background thread splits the file into CSV records (real CSV semantics through the `csv`
//! crate: quoted commas, embedded LF and CR LF, CR LF line ends, empty fields) and hands chunks of
//! records to the caller's thread, which decodes each chunk in parallel with rayon. The caller sees
//! an iterator of decoded chunks, so it can turn them into columns without ever holding the whole
//! file as rows.

use std::fs::File;
use std::io::{BufReader, Read};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;

use csv::{ByteRecord, ReaderBuilder};
use rayon::prelude::*;

use crate::error::{FieldError, FormatError};
use crate::kaggle_file::KaggleFile;
use crate::records::KaggleRecord;

/// Records per chunk handed to the decoder.
pub const DEFAULT_CHUNK_ROWS: usize = 16_384;

/// A chunk of raw CSV records, each with the line it starts on.
pub type RecordChunk = Vec<(u64, ByteRecord)>;

/// Iterator over chunks of undecoded CSV records of one Kaggle file, split by a background
/// thread; see [`read_record_chunks`]. The first error ends the iteration.
pub struct RecordChunks {
    path: PathBuf,
    receiver: Receiver<Result<RecordChunk, FormatError>>,
    worker: Option<JoinHandle<()>>,
    bytes_read: Arc<AtomicU64>,
    failed: bool,
}

impl RecordChunks {
    /// Bytes of the file consumed so far (for progress bars).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// The file being read.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Iterator for RecordChunks {
    type Item = Result<RecordChunk, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let Ok(chunk) = self.receiver.recv() else {
            if let Some(worker) = self.worker.take() {
                // The splitter only ends by closing the channel; a panic there is a bug we report.
                if worker.join().is_err() {
                    self.failed = true;
                    return Some(Err(FormatError::Csv {
                        path: self.path.clone(),
                        line: 0,
                        message: "the CSV splitting thread stopped unexpectedly".to_string(),
                    }));
                }
            }
            return None;
        };
        if chunk.is_err() {
            self.failed = true;
        }
        Some(chunk)
    }
}

/// Iterator over decoded chunks of one Kaggle file; see [`read_chunks`].
pub struct ChunkReader<T> {
    records: RecordChunks,
    failed: bool,
    _rows: PhantomData<T>,
}

impl<T> ChunkReader<T> {
    /// Bytes of the file consumed so far (for progress bars).
    pub fn bytes_read(&self) -> u64 {
        self.records.bytes_read()
    }

    /// The file being read.
    pub fn path(&self) -> &Path {
        self.records.path()
    }
}

/// Opens `path` as the Kaggle file `file`, checks its header, and returns an iterator of decoded
/// chunks of rows of type `T`. The first error ends the iteration.
///
/// ```no_run
/// use mangetamain_format::{read_chunks, KaggleFile, RawInteraction};
/// let mut rows = 0;
/// for chunk in read_chunks::<RawInteraction>("data/sample/RAW_interactions.csv".as_ref(), KaggleFile::RawInteractions).unwrap() {
///     rows += chunk.unwrap().len();
/// }
/// ```
pub fn read_chunks<T: KaggleRecord>(
    path: &Path,
    file: KaggleFile,
) -> Result<ChunkReader<T>, FormatError> {
    read_chunks_sized(path, file, DEFAULT_CHUNK_ROWS)
}

/// Like [`read_chunks`] with a chosen number of rows per chunk.
pub fn read_chunks_sized<T: KaggleRecord>(
    path: &Path,
    file: KaggleFile,
    chunk_rows: usize,
) -> Result<ChunkReader<T>, FormatError> {
    if T::FILE.columns() != file.columns() {
        return Err(FormatError::Header {
            path: path.to_path_buf(),
            expected: file.columns().join(","),
            found: T::FILE.columns().join(","),
        });
    }
    Ok(ChunkReader {
        records: read_record_chunks(path, file, chunk_rows)?,
        failed: false,
        _rows: PhantomData,
    })
}

/// Opens `path` as the Kaggle file `file`, checks its header, and returns an iterator of chunks
/// of `chunk_rows` undecoded CSV records, each with its line (for callers that decode records
/// straight into columns; [`read_chunks`] decodes them into typed rows).
pub fn read_record_chunks(
    path: &Path,
    file: KaggleFile,
    chunk_rows: usize,
) -> Result<RecordChunks, FormatError> {
    let path_buf = path.to_path_buf();
    let io_error = |source| FormatError::Io {
        path: path_buf.clone(),
        source,
    };
    let handle = File::open(path).map_err(io_error)?;
    let bytes_read = Arc::new(AtomicU64::new(0));
    let counting = CountingReader {
        inner: handle,
        count: Arc::clone(&bytes_read),
    };
    let mut csv_reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .buffer_capacity(1 << 20)
        .from_reader(BufReader::with_capacity(1 << 20, counting));
    check_header(&mut csv_reader, path, file)?;
    let (sender, receiver) = sync_channel(4);
    let thread_path = path_buf.clone();
    let chunk_rows = chunk_rows.max(1);
    let worker = std::thread::Builder::new()
        .name("csv-split".to_string())
        .spawn(move || split_records(csv_reader, &thread_path, chunk_rows, sender))
        .map_err(io_error)?;
    Ok(RecordChunks {
        path: path_buf,
        receiver,
        worker: Some(worker),
        bytes_read,
        failed: false,
    })
}

/// Reads the whole file into rows (convenient for small files and tests).
pub fn read_all<T: KaggleRecord>(path: &Path, file: KaggleFile) -> Result<Vec<T>, FormatError> {
    let mut rows = Vec::new();
    for chunk in read_chunks::<T>(path, file)? {
        rows.extend(chunk?);
    }
    Ok(rows)
}

impl<T: KaggleRecord> Iterator for ChunkReader<T> {
    type Item = Result<Vec<T>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let path = self.records.path().to_path_buf();
        let decoded = self.records.next()?.and_then(|chunk| {
            // Decode in parallel, then report the first bad line of the chunk (a parallel
            // short-circuit would report an arbitrary one).
            let results: Vec<Result<T, FormatError>> = chunk
                .par_iter()
                .map(|(line, record)| T::decode(record).map_err(|e| field_error(&path, *line, e)))
                .collect();
            results.into_iter().collect::<Result<Vec<T>, FormatError>>()
        });
        if decoded.is_err() {
            self.failed = true;
        }
        Some(decoded)
    }
}

/// The error of a field of a record of `path` that failed to decode, with the record's `line`.
pub fn field_error(path: &Path, line: u64, error: FieldError) -> FormatError {
    FormatError::Field {
        path: path.to_path_buf(),
        line,
        column: error.column,
        value: error.value,
        message: error.message,
    }
}

fn check_header<R: Read>(
    reader: &mut csv::Reader<R>,
    path: &Path,
    file: KaggleFile,
) -> Result<(), FormatError> {
    let mut header = ByteRecord::new();
    let read = reader
        .read_byte_record(&mut header)
        .map_err(|e| csv_error(path, e, Some(1)))?;
    let found: Vec<String> = if read {
        header
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let field = if i == 0 {
                    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
                } else {
                    field
                };
                String::from_utf8_lossy(field).into_owned()
            })
            .collect()
    } else {
        Vec::new()
    };
    let expected = file.columns();
    if found != expected {
        return Err(FormatError::Header {
            path: path.to_path_buf(),
            expected: expected.join(","),
            found: found.join(","),
        });
    }
    Ok(())
}

/// Converts a CSV error; `line` is the line where the failing record starts, when known.
fn csv_error(path: &Path, error: csv::Error, line: Option<u64>) -> FormatError {
    if let csv::ErrorKind::Io(_) = error.kind() {
        if let csv::ErrorKind::Io(source) = error.into_kind() {
            return FormatError::Io {
                path: path.to_path_buf(),
                source,
            };
        }
        unreachable!("kind checked above");
    }
    let line = line.or(error.position().map(|p| p.line())).unwrap_or(0);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields, found {len}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
        _ => error.to_string(),
    };
    FormatError::Csv {
        path: path.to_path_buf(),
        line,
        message,
    }
}

fn split_records<R: Read>(
    mut reader: csv::Reader<R>,
    path: &Path,
    chunk_rows: usize,
    sender: std::sync::mpsc::SyncSender<Result<RecordChunk, FormatError>>,
) {
    // Lines are counted here rather than taken from the csv crate's positions, which lag by one
    // line after some records: a record starts on the line after the previous record ended, and
    // spans one line plus one per newline inside its quoted fields. (Blank lines, which the csv
    // crate skips, do not occur in Kaggle files.)
    let mut next_line: u64 = 2;
    // Records are read into one buffer that keeps its size, then copied at their exact size
    // (a fresh record would grow its buffers by doubling, reallocating several times per row;
    // a clone would copy the whole buffer, which has the size of the longest record so far).
    let mut record = ByteRecord::new();
    loop {
        let mut chunk = Vec::with_capacity(chunk_rows);
        for _ in 0..chunk_rows {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {
                    let line = next_line;
                    let embedded = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
                    next_line += 1 + embedded;
                    let mut copy = ByteRecord::with_capacity(record.as_slice().len(), record.len());
                    copy.extend(record.iter());
                    chunk.push((line, copy));
                }
                Ok(false) => break,
                Err(error) => {
                    let _ = sender.send(Err(csv_error(path, error, Some(next_line))));
                    return;
                }
            }
        }
        let last = chunk.len() < chunk_rows;
        if !chunk.is_empty() && sender.send(Ok(chunk)).is_err() {
            return; // the consumer stopped early
        }
        if last {
            return;
        }
    }
}

/// A reader that counts the bytes it hands out.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
