//! Reading the inputs named on the command line, in order, in bounded batches.
use corroborate_model::Article;
use std::io::Read;

/// Calls `batch` with groups of at most `size` articles, in input order. `-` reads standard input.
pub fn for_each_batch(
    paths: &[String],
    size: usize,
    mut batch: impl FnMut(Vec<Article>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut buf: Vec<Article> = Vec::with_capacity(size);
    let mut err: Option<anyhow::Error> = None;
    for path in paths {
        let mut sink = |a: Article| {
            if err.is_some() {
                return;
            }
            buf.push(a);
            if buf.len() >= size {
                if let Err(e) = batch(std::mem::take(&mut buf)) {
                    err = Some(e);
                }
            }
        };
        if path == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().take(corroborate_ingest::MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
                Ok(_) => sink(corroborate_ingest::article_from_unknown_bytes("-", &bytes)),
                Err(e) => sink(corroborate_ingest::failed("-", format!("cannot read standard input: {e}"))),
            }
        } else {
            corroborate_ingest::read_path(path, &mut sink);
        }
        if let Some(e) = err.take() {
            return Err(e);
        }
    }
    if !buf.is_empty() {
        batch(buf)?;
    }
    Ok(())
}

/// Reads every input (for commands that need them all at once).
pub fn read_all(paths: &[String]) -> Vec<Article> {
    let mut all = Vec::new();
    let _ = for_each_batch(paths, 1024, |b| {
        all.extend(b);
        Ok(())
    });
    all
}

/// Prints each failed input's diagnostics to stderr; true if any input failed.
pub fn report_failures<'a>(articles: impl IntoIterator<Item = &'a Article>) -> bool {
    let mut any = false;
    for a in articles {
        for d in &a.diagnostics {
            match d.level {
                corroborate_model::Level::Error => {
                    any = true;
                    eprintln!("corroborate: {}: {}", a.id, d.message);
                }
                corroborate_model::Level::Warning => eprintln!("corroborate: warning: {}: {}", a.id, d.message),
                corroborate_model::Level::Info => {}
            }
        }
    }
    any
}

/// Writes to `-o FILE` or standard output.
pub fn write_output(output: Option<&std::path::Path>, content: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    use std::io::Write;
    match output {
        Some(p) => std::fs::write(p, content).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(content.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            }
        }
    }
}
