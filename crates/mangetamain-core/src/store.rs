//! The persistent DuckDB store: raw and cleaned tables in one database file that the `duckdb`
//! CLI can open, plus a `_meta` table holding the fingerprint of the sources it was built from
//! and the cleaning report.

use std::path::{Path, PathBuf};

use duckdb::{params, Connection};
use polars::prelude::DataFrame;

use crate::arrow_bridge::{duckdb_type, frame_to_record_batches, record_batches_to_frame};
use crate::error::{CoreError, Result};

/// An open DuckDB database file.
pub struct Store {
    path: PathBuf,
    connection: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database file, creating its folder if needed.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| CoreError::Io {
                action: "create",
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let connection = Connection::open(path).map_err(|source| CoreError::Store {
            path: path.to_path_buf(),
            context: "opening the database".to_string(),
            source,
        })?;
        let store = Store {
            path: path.to_path_buf(),
            connection,
        };
        store.execute(
            "CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
            "creating _meta",
        )?;
        Ok(store)
    }

    /// Opens an existing database file read-only (several processes may then read it at once);
    /// `None` when the file does not exist or cannot be opened read-only.
    pub fn open_read_only(path: &Path) -> Option<Store> {
        if !path.is_file() {
            return None;
        }
        let config = duckdb::Config::default()
            .access_mode(duckdb::AccessMode::ReadOnly)
            .ok()?;
        let connection = Connection::open_with_flags(path, config).ok()?;
        Some(Store {
            path: path.to_path_buf(),
            connection,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn store_error(
        &self,
        context: impl Into<String>,
    ) -> impl FnOnce(duckdb::Error) -> CoreError + '_ {
        let context = context.into();
        move |source| CoreError::Store {
            path: self.path.clone(),
            context,
            source,
        }
    }

    fn execute(&self, sql: &str, context: &str) -> Result<()> {
        self.connection
            .execute_batch(sql)
            .map_err(self.store_error(context))
    }

    /// A value of the `_meta` table (`None` when absent, or when the table does not exist).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        if !self.has_table("_meta")? {
            return Ok(None);
        }
        let mut statement = self
            .connection
            .prepare("SELECT value FROM _meta WHERE key = ?")
            .map_err(self.store_error("reading _meta"))?;
        let mut rows = statement
            .query(params![key])
            .map_err(self.store_error("reading _meta"))?;
        match rows.next().map_err(self.store_error("reading _meta"))? {
            Some(row) => Ok(Some(row.get(0).map_err(self.store_error("reading _meta"))?)),
            None => Ok(None),
        }
    }

    /// Sets a value of the `_meta` table.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.connection
            .execute(
                "INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)",
                params![key, value],
            )
            .map(|_| ())
            .map_err(self.store_error("writing _meta"))
    }

    /// Starts a transaction: a load interrupted half-way leaves the previous fingerprint, so the
    /// next open ingests again.
    pub fn begin(&self) -> Result<()> {
        self.execute("BEGIN TRANSACTION", "starting a transaction")
    }

    /// Commits the transaction started by [`Store::begin`].
    pub fn commit(&self) -> Result<()> {
        self.execute("COMMIT", "committing")
    }

    /// Removes a table or view if it exists.
    pub fn drop_table(&self, name: &str) -> Result<()> {
        let mut statement = self
            .connection
            .prepare("SELECT table_type FROM information_schema.tables WHERE table_name = ?")
            .map_err(self.store_error(format!("looking up {name}")))?;
        let kind: Option<String> = statement.query_row(params![name], |row| row.get(0)).ok();
        let sql = match kind.as_deref() {
            None => return Ok(()),
            Some("VIEW") => format!("DROP VIEW \"{name}\""),
            Some(_) => format!("DROP TABLE \"{name}\""),
        };
        self.execute(&sql, &format!("dropping {name}"))
    }

    /// A second connection to the same database (for work on another thread).
    pub fn try_clone(&self) -> Result<Store> {
        let connection = self
            .connection
            .try_clone()
            .map_err(self.store_error("opening a second connection"))?;
        Ok(Store {
            path: self.path.clone(),
            connection,
        })
    }

    /// Creates or replaces view `name` defined by the query `select`.
    pub fn create_view(&self, name: &str, select: &str) -> Result<()> {
        self.execute(
            &format!("CREATE OR REPLACE VIEW \"{name}\" AS {select}"),
            &format!("creating view {name}"),
        )
    }

    /// Loads the Kaggle file `file` at `path` into table `name` with DuckDB's CSV reader (see
    /// [`crate::raw_import`]) and returns its row count.
    pub fn import_csv(
        &self,
        name: &str,
        file: mangetamain_format::KaggleFile,
        path: &Path,
    ) -> Result<u64> {
        let context = format!("loading {} into {name}", path.display());
        self.execute(
            &crate::raw_import::create_statement(name, file, path),
            &context,
        )?;
        let mut statement = self
            .connection
            .prepare(&format!("SELECT count(*) FROM \"{name}\""))
            .map_err(self.store_error(context.clone()))?;
        let rows: i64 = statement
            .query_row([], |row| row.get(0))
            .map_err(self.store_error(context))?;
        Ok(rows.max(0) as u64)
    }

    /// Writes the write-ahead log into the database file.
    pub fn checkpoint(&self) -> Result<()> {
        self.execute("CHECKPOINT", "checkpointing")
    }

    /// Replaces table `name` with the content of `frame`, moved through Arrow.
    pub fn write_table(&self, name: &str, frame: &DataFrame) -> Result<()> {
        let mut columns = Vec::new();
        for column in frame.columns() {
            let sql_type = duckdb_type(column.dtype()).ok_or_else(|| CoreError::Arrow {
                what: format!("{name}.{}", column.name()),
                message: format!("no DuckDB type for {}", column.dtype()),
            })?;
            columns.push(format!("\"{}\" {sql_type}", column.name()));
        }
        self.execute(
            &format!(
                "CREATE OR REPLACE TABLE \"{name}\" ({})",
                columns.join(", ")
            ),
            &format!("creating table {name}"),
        )?;
        let started = std::time::Instant::now();
        let mut appender = self
            .connection
            .appender(name)
            .map_err(self.store_error(format!("appending to {name}")))?;
        for batch in frame_to_record_batches(frame, name)? {
            appender
                .append_record_batch(batch)
                .map_err(self.store_error(format!("appending to {name}")))?;
        }
        appender
            .flush()
            .map_err(self.store_error(format!("flushing {name}")))?;
        tracing::debug!(
            table = name,
            rows = frame.height(),
            seconds = started.elapsed().as_secs_f64(),
            "stored"
        );
        Ok(())
    }

    /// Whether a table exists.
    pub fn has_table(&self, name: &str) -> Result<bool> {
        let mut statement = self
            .connection
            .prepare("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")
            .map_err(self.store_error("listing tables"))?;
        let count: i64 = statement
            .query_row(params![name], |row| row.get(0))
            .map_err(self.store_error("listing tables"))?;
        Ok(count > 0)
    }

    /// Reads a whole table into a polars frame.
    pub fn read_table(&self, name: &str) -> Result<DataFrame> {
        let mut statement = self
            .connection
            .prepare(&format!("SELECT * FROM \"{name}\""))
            .map_err(self.store_error(format!("reading {name}")))?;
        let batches = statement
            .query_arrow([])
            .map_err(self.store_error(format!("reading {name}")))?;
        record_batches_to_frame(batches, name)
    }

    /// Reads several tables at once, each in its own connection to the same database (DuckDB
    /// connections are independent; the scans run on separate threads).
    pub fn read_tables_parallel(&self, names: &[&str]) -> Result<Vec<DataFrame>> {
        let queries: Vec<String> = names
            .iter()
            .map(|name| format!("SELECT * FROM \"{name}\""))
            .collect();
        let labelled: Vec<(&str, &str)> = names
            .iter()
            .zip(&queries)
            .map(|(name, query)| (*name, query.as_str()))
            .collect();
        self.read_queries_parallel(&labelled)
    }

    /// Runs several queries at once, each in its own connection, as `(label, sql)` pairs (the
    /// label names the query in errors). Scans keep the insertion order of the tables
    /// (DuckDB's default `preserve_insertion_order`), so column subsets of one table line up.
    pub fn read_queries_parallel(&self, queries: &[(&str, &str)]) -> Result<Vec<DataFrame>> {
        let connections = queries
            .iter()
            .map(|(name, _)| {
                self.connection
                    .try_clone()
                    .map_err(self.store_error(format!("opening a connection to read {name}")))
            })
            .collect::<Result<Vec<Connection>>>()?;
        let path = &self.path;
        std::thread::scope(|scope| {
            let handles: Vec<_> = queries
                .iter()
                .zip(connections)
                .map(|((name, sql), connection)| {
                    scope.spawn(move || -> Result<DataFrame> {
                        let error = |source| CoreError::Store {
                            path: path.clone(),
                            context: format!("reading {name}"),
                            source,
                        };
                        let mut statement = connection.prepare(sql).map_err(error)?;
                        let batches = statement.query_arrow([]).map_err(error)?;
                        record_batches_to_frame(batches, name)
                    })
                })
                .collect();
            handles
                .into_iter()
                .zip(queries)
                .map(|(handle, (name, _))| {
                    handle.join().map_err(|_| CoreError::InvalidParameter {
                        name: "store",
                        message: format!("the thread reading {name} panicked"),
                    })?
                })
                .collect()
        })
    }

    /// Runs any SQL query and returns its result as a polars frame.
    pub fn query(&self, sql: &str) -> Result<DataFrame> {
        let sql_error = |source| CoreError::Sql {
            query: sql.to_string(),
            source,
        };
        let mut statement = self.connection.prepare(sql).map_err(sql_error)?;
        let batches = statement.query_arrow([]).map_err(sql_error)?;
        record_batches_to_frame(batches, "query result")
    }
}
