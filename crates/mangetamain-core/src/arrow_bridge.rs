//! Moving frames between DuckDB and polars through the Arrow C Data Interface: buffers are handed
//! over, not copied row by row.
//!
//! duckdb-rs speaks arrow-rs (`duckdb::arrow`), polars speaks polars-arrow. Both implement the
//! same `#[repr(C)]` structs of the Arrow C Data Interface (`ArrowArray`, `ArrowSchema`), whose
//! release callbacks carry ownership, so an exported struct of one library is a valid imported
//! struct of the other.

use std::sync::Arc;

use duckdb::arrow::array::UInt32Array;
use duckdb::arrow::array::{make_array, Array as _, ArrayRef, StructArray};
use duckdb::arrow::compute::take;
use duckdb::arrow::datatypes::{DataType, Field, Schema};
use duckdb::arrow::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use duckdb::arrow::record_batch::RecordBatch;
use polars::prelude::{CompatLevel, DataFrame};
use polars_arrow::ffi::{
    export_array_to_c, export_field_to_c, import_array_from_c, import_field_from_c, ArrowArray,
    ArrowSchema,
};

use crate::error::{CoreError, FrameContext, Result};

// The two libraries' C structs must have the same size for the hand-over to be sound.
const _: () = assert!(std::mem::size_of::<ArrowArray>() == std::mem::size_of::<FFI_ArrowArray>());
const _: () = assert!(std::mem::size_of::<ArrowSchema>() == std::mem::size_of::<FFI_ArrowSchema>());

fn arrow_error(what: &str, message: impl ToString) -> CoreError {
    CoreError::Arrow {
        what: what.to_string(),
        message: message.to_string(),
    }
}

/// Converts a polars frame into arrow-rs record batches (one per chunk of the frame).
pub fn frame_to_record_batches(frame: &DataFrame, what: &str) -> Result<Vec<RecordBatch>> {
    let mut frame = frame.clone();
    frame.rechunk_mut_par();
    let polars_fields: Vec<_> = frame
        .columns()
        .iter()
        .map(|c| c.field().to_arrow(CompatLevel::newest()))
        .collect();
    let mut batches = Vec::new();
    let mut schema: Option<Arc<Schema>> = None;
    for chunk in frame.iter_chunks(CompatLevel::newest(), false) {
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(polars_fields.len());
        let mut fields: Vec<Field> = Vec::with_capacity(polars_fields.len());
        for (array, field) in chunk.into_arrays().into_iter().zip(&polars_fields) {
            let c_array = export_array_to_c(array);
            let c_schema = export_field_to_c(field);
            // SAFETY: identical #[repr(C)] layouts (checked above); ownership moves with the
            // release callbacks, which the receiving structs call on drop.
            let (ffi_array, ffi_schema): (FFI_ArrowArray, FFI_ArrowSchema) = unsafe {
                (
                    std::mem::transmute::<ArrowArray, FFI_ArrowArray>(c_array),
                    std::mem::transmute::<ArrowSchema, FFI_ArrowSchema>(c_schema),
                )
            };
            let arrow_field = Field::try_from(&ffi_schema).map_err(|e| arrow_error(what, e))?;
            // SAFETY: the array and schema come from polars' exporter, valid by construction.
            let data =
                unsafe { from_ffi(ffi_array, &ffi_schema) }.map_err(|e| arrow_error(what, e))?;
            arrays.push(make_array(data));
            fields.push(arrow_field);
        }
        let schema = schema
            .get_or_insert_with(|| Arc::new(Schema::new(fields)))
            .clone();
        let batch = RecordBatch::try_new(schema, arrays).map_err(|e| arrow_error(what, e))?;
        batches.extend(compact_slices(&batch, what)?);
    }
    Ok(batches)
}

/// Rows per batch handed to DuckDB's appender (its vector size).
const APPEND_ROWS: usize = 2048;

/// Splits a batch into DuckDB-vector-sized batches whose list columns are compacted.
///
/// duckdb-rs' appender converts a list column by copying its whole child array for every
/// 2048-row slice; on a sliced list the child is the full original one, so appending a large
/// batch with list columns costs O(rows²) (84 s for the full RAW_recipes). Compacting each slice
/// (a copy of just its rows) keeps the append linear.
fn compact_slices(batch: &RecordBatch, what: &str) -> Result<Vec<RecordBatch>> {
    let has_lists = batch
        .schema()
        .fields()
        .iter()
        .any(|f| matches!(f.data_type(), DataType::List(_) | DataType::LargeList(_)));
    if !has_lists || batch.num_rows() <= APPEND_ROWS {
        return Ok(vec![batch.clone()]);
    }
    let mut out = Vec::with_capacity(batch.num_rows() / APPEND_ROWS + 1);
    let all_rows = UInt32Array::from_iter_values(0..APPEND_ROWS as u32);
    let mut offset = 0;
    while offset < batch.num_rows() {
        let length = APPEND_ROWS.min(batch.num_rows() - offset);
        let slice = batch.slice(offset, length);
        let columns = slice
            .columns()
            .iter()
            .map(|column| match column.data_type() {
                DataType::List(_) | DataType::LargeList(_) => {
                    // `take` rebuilds the list with only this slice's child values.
                    take(column.as_ref(), &all_rows.slice(0, length), None)
                        .map_err(|e| arrow_error(what, e))
                }
                _ => Ok(column.clone()),
            })
            .collect::<Result<Vec<ArrayRef>>>()?;
        out.push(RecordBatch::try_new(slice.schema(), columns).map_err(|e| arrow_error(what, e))?);
        offset += length;
    }
    Ok(out)
}

/// Converts arrow-rs record batches (from `Statement::query_arrow`) into one polars frame.
pub fn record_batches_to_frame(
    batches: impl IntoIterator<Item = RecordBatch>,
    what: &str,
) -> Result<DataFrame> {
    let mut frames = Vec::new();
    for batch in batches {
        frames.push(record_batch_to_frame(batch, what)?);
    }
    let mut iter = frames.into_iter();
    let Some(mut frame) = iter.next() else {
        return Ok(DataFrame::empty());
    };
    for next in iter {
        frame
            .vstack_mut_owned(next)
            .frame_context(|| format!("stacking batches of {what}"))?;
    }
    frame.rechunk_mut_par();
    Ok(frame)
}

fn record_batch_to_frame(batch: RecordBatch, what: &str) -> Result<DataFrame> {
    let struct_array = StructArray::from(batch);
    let (ffi_array, ffi_schema) =
        to_ffi(&struct_array.to_data()).map_err(|e| arrow_error(what, e))?;
    // SAFETY: see `frame_to_record_batches`.
    let (c_array, c_schema): (ArrowArray, ArrowSchema) = unsafe {
        (
            std::mem::transmute::<FFI_ArrowArray, ArrowArray>(ffi_array),
            std::mem::transmute::<FFI_ArrowSchema, ArrowSchema>(ffi_schema),
        )
    };
    // SAFETY: produced by arrow-rs' exporter just above.
    let field = unsafe { import_field_from_c(&c_schema) }.map_err(|e| arrow_error(what, e))?;
    let array = unsafe { import_array_from_c(c_array, field.dtype().clone()) }
        .map_err(|e| arrow_error(what, e))?;
    let struct_array = array
        .as_any()
        .downcast_ref::<polars_arrow::array::StructArray>()
        .ok_or_else(|| arrow_error(what, "DuckDB did not return a struct of columns"))?
        .clone();
    DataFrame::try_from(struct_array).frame_context(|| format!("importing {what}"))
}

/// The DuckDB column type of a polars dtype (the types this project stores).
pub fn duckdb_type(dtype: &polars::prelude::DataType) -> Option<String> {
    use polars::prelude::DataType;
    Some(match dtype {
        DataType::Boolean => "BOOLEAN".to_string(),
        DataType::Int32 => "INTEGER".to_string(),
        DataType::Int64 => "BIGINT".to_string(),
        DataType::Float64 => "DOUBLE".to_string(),
        DataType::String => "VARCHAR".to_string(),
        DataType::Date => "DATE".to_string(),
        DataType::List(inner) => format!("{}[]", duckdb_type(inner)?),
        _ => return None,
    })
}
