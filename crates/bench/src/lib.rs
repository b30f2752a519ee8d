//! Benchmark inputs for corroborate's stages: the texts to measure on, and each stage's upstream
//! results computed once so that a benchmark times only its own stage.
//!
//! Texts come from our own `examples/` (always present) and, when it exists beside the repository,
//! from real articles in `../shared/eval` (read at run time, never copied into the repository). The
//! Criterion harness is `benches/stages.rs`; the end-to-end comparison with the peers is `bench/run.sh`.
//!
//! **Invariant:** loading never panics; a missing or unreadable directory gives an empty set.

use corroborate_model::{Article, Entity, Span};
use corroborate_nlp::Token;
use std::path::{Path, PathBuf};

/// Metadata kinds whose text is not prose (kept identical to the engine's list).
/// One article with the results of every stage before attribution, computed once.
pub struct Doc {
    pub article: Article,
    /// Link and emphasis markup spans, sorted (input of the tokenizer).
    pub markup: Vec<Span>,
    /// Metadata spans left out of sentences.
    pub skip: Vec<Span>,
    pub title: Option<Span>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
}

impl Doc {
    /// Runs the stages up to entities on `article`, the way the engine does.
    pub fn new(article: Article) -> Doc {
        let corroborate_engine::Regions { skip, markup, title } = corroborate_engine::regions(&article);
        let text = article.text.as_str();
        let tokens = corroborate_nlp::tokenize(text, &markup);
        let sentences = corroborate_nlp::sentences(text, &tokens, &skip);
        let entities = corroborate_nlp::entities(text, &tokens, &sentences);
        Doc { article, markup, skip, title, tokens, sentences, entities }
    }

    /// Runs attribution on the precomputed tokens, sentences and entities.
    pub fn attributions(&self) -> corroborate_attribution::Found {
        corroborate_attribution::find(self.text(), &self.tokens, &self.sentences, &self.entities, self.title)
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }
}

/// A named set of articles to benchmark on.
pub struct Corpus {
    pub name: &'static str,
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Total bytes of text (Criterion's throughput unit).
    pub fn bytes(&self) -> u64 {
        self.articles.iter().map(|a| a.text.len() as u64).sum()
    }
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The evaluation data directory: `$CORROBORATE_EVAL`, else `../shared/eval` beside the repository.
pub fn eval_dir() -> PathBuf {
    std::env::var_os("CORROBORATE_EVAL").map(PathBuf::from).unwrap_or_else(|| repo_root().join("../shared/eval"))
}

/// Reads every `*.txt` file of `dir` (sorted, at most `limit`) as articles, through the same ingest
/// as the command line. Absent directory: no articles.
pub fn read_dir(dir: &Path, limit: usize) -> Vec<Article> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.truncate(limit);
    let mut out = Vec::new();
    for p in paths {
        corroborate_ingest::read_path(&p.to_string_lossy(), &mut |a: Article| {
            if !a.failed() {
                out.push(a)
            }
        });
    }
    out
}

/// Our own example articles (`examples/*.txt`).
pub fn examples() -> Corpus {
    Corpus { name: "examples", articles: read_dir(&repo_root().join("examples"), usize::MAX) }
}

/// Real news text from the evaluation data, if present: the PolNeAR dev articles (at most `limit`).
pub fn real(limit: usize) -> Option<Corpus> {
    let articles = read_dir(&eval_dir().join("attribution/dev/text"), limit);
    (!articles.is_empty()).then_some(Corpus { name: "polnear-dev", articles })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_load_and_run_every_stage() {
        let c = examples();
        assert!(c.articles.len() >= 4, "examples/ has at least four articles");
        assert!(c.bytes() > 1000);
        let docs: Vec<Doc> = c.articles.iter().cloned().map(Doc::new).collect();
        assert!(docs.iter().all(|d| !d.tokens.is_empty() && !d.sentences.is_empty()));
        assert!(docs.iter().any(|d| !d.attributions().attributions.is_empty()));
    }

    #[test]
    fn absent_directory_is_empty_not_an_error() {
        assert!(read_dir(Path::new("/nonexistent/corroborate-bench"), 10).is_empty());
    }
}
