//! What `tradeline extract` prints: the JSON contract (`{"documents": [...]}`)
//! or a table for people.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
};

use app::format::{format_date, format_value};
use chrono::NaiveDate;
use serde::Serialize;
use tradeline_extract::{extract, model::Document, Options};

/// Reads and extracts each file; the ones that fail come back with the reason.
pub fn extract_files(
    files: &[PathBuf],
    published: Option<NaiveDate>,
) -> (Vec<Document>, Vec<(PathBuf, String)>) {
    let options = Options {
        published,
        ..Options::default()
    };
    let mut documents = Vec::new();
    let mut failures = Vec::new();
    for path in files {
        let result = fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| extract(&display(path), &bytes, &options).map_err(|e| e.to_string()));
        match result {
            Ok(extraction) => documents.push(extraction.document),
            Err(message) => failures.push((path.clone(), message)),
        }
    }
    (documents, failures)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[derive(Serialize)]
struct Output<'a> {
    documents: &'a [Document],
}

pub fn write_json(out: &mut impl Write, documents: &[Document]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Output { documents }).map_err(io::Error::other)?;
    writeln!(out)
}

pub fn write_table(out: &mut impl Write, documents: &[Document]) -> io::Result<()> {
    for doc in documents {
        writeln!(out, "{}", doc.path)?;
        if let Some(title) = &doc.title {
            writeln!(out, "  title      {title}")?;
        }
        writeln!(
            out,
            "  published  {} ({})",
            format_date(doc.published.as_ref()),
            doc.published_basis
        )?;
        for w in &doc.warnings {
            writeln!(out, "  warning    {}", w.message)?;
        }
        if doc.observations.is_empty() {
            writeln!(out, "  no trade figures")?;
        }
        for o in &doc.observations {
            writeln!(
                out,
                "  {:<8} {:<28} {:<16} {:<28} {:>3.0}%  \"{}\"",
                o.pair.slug(),
                o.metric.as_str(),
                o.period.label,
                format_value(o),
                o.provenance.confidence * 100.0,
                o.as_written
            )?;
        }
        for e in &doc.events {
            let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            writeln!(
                out,
                "  event    {:<18} {:<22} {}{}",
                e.kind.label(),
                format_date(e.date_start.as_ref()),
                who.join(", "),
                e.place
                    .as_deref()
                    .map(|p| format!(" @ {p}"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
