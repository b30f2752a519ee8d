//! Parquet export (feature `parquet`): one row per article, the analysis as a JSON string column,
//! for pandas, polars and DuckDB.
use crate::{export_record, Result, Store};
use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::ArrayRef;
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use std::sync::Arc;

const ROWS_PER_GROUP: usize = 4096;

struct Columns {
    key: Int64Builder,
    id: StringBuilder,
    hash: StringBuilder,
    story: Int64Builder,
    title: StringBuilder,
    outlet: StringBuilder,
    published: StringBuilder,
    text: StringBuilder,
    analysis: StringBuilder,
    rows: usize,
}

impl Columns {
    fn new() -> Self {
        Columns {
            key: Int64Builder::new(),
            id: StringBuilder::new(),
            hash: StringBuilder::new(),
            story: Int64Builder::new(),
            title: StringBuilder::new(),
            outlet: StringBuilder::new(),
            published: StringBuilder::new(),
            text: StringBuilder::new(),
            analysis: StringBuilder::new(),
            rows: 0,
        }
    }
    fn finish(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch> {
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.key.finish()),
            Arc::new(self.id.finish()),
            Arc::new(self.hash.finish()),
            Arc::new(self.story.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.outlet.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.analysis.finish()),
        ];
        self.rows = 0;
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| crate::Error::Invalid(format!("arrow: {e}")))
    }
}

pub(crate) fn write(store: &Store, out: std::fs::File) -> Result<usize> {
    let schema = Arc::new(Schema::new(vec![
        Field::new("key", DataType::Int64, false),
        Field::new("id", DataType::Utf8, false),
        Field::new("hash", DataType::Utf8, false),
        Field::new("story", DataType::Int64, true),
        Field::new("title", DataType::Utf8, true),
        Field::new("outlet", DataType::Utf8, true),
        Field::new("published", DataType::Utf8, true),
        Field::new("text", DataType::Utf8, false),
        Field::new("analysis", DataType::Utf8, false),
    ]));
    let pq = |e: parquet::errors::ParquetError| crate::Error::Invalid(format!("parquet: {e}"));
    let mut writer = ArrowWriter::try_new(out, schema.clone(), None).map_err(pq)?;
    let mut c = Columns::new();
    let mut n = 0;
    store.for_each_article(|a| {
        let m = &a.article.article.meta;
        c.key.append_value(a.key);
        c.id.append_value(&a.article.article.id);
        c.hash.append_value(&a.hash);
        c.story.append_option(a.story);
        c.title.append_option(m.title.as_deref());
        c.outlet.append_option(m.outlet.as_deref().or(m.domain.as_deref()));
        c.published.append_option(m.published.as_deref());
        c.text.append_value(&a.article.article.text);
        c.analysis.append_value(export_record(&a)["analysis"].to_string());
        c.rows += 1;
        n += 1;
        if c.rows >= ROWS_PER_GROUP {
            let batch = c.finish(&schema)?;
            writer.write(&batch).map_err(pq)?;
        }
        Ok(())
    })?;
    if c.rows > 0 {
        let batch = c.finish(&schema)?;
        writer.write(&batch).map_err(pq)?;
    }
    writer.close().map_err(pq)?;
    Ok(n)
}
