//! Every PolNeAR dev article analyses without a panic, and every span the engine returns lies on
//! character boundaries of its text. Skips (with a message) where ../shared/eval is absent.
use corroborate_model::{Article, Span};
use std::path::PathBuf;

fn dev_texts() -> Option<PathBuf> {
    // ../shared beside the repository, or CORROBORATE_SHARED (for worktrees elsewhere)
    let shared = std::env::var_os("CORROBORATE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("eval/attribution/dev/text");
    dir.is_dir().then_some(dir)
}

#[test]
fn all_dev_articles_analyse() {
    let Some(dir) = dev_texts() else {
        eprintln!("skipped: ../shared/eval/attribution/dev/text not found beside the repository");
        return;
    };
    let mut n = 0;
    let mut attributions = 0;
    for entry in std::fs::read_dir(&dir).expect("readable dev folder") {
        let path = entry.expect("dir entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let a = corroborate_engine::analyze(Article::new(path.display().to_string(), text));
        let text = &a.article.text;
        let ok = |s: &Span| s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
        for x in &a.analysis.attributions {
            assert!(ok(&x.cue) && ok(&x.content) && x.source.as_ref().is_none_or(ok), "{}: bad span", a.article.id);
        }
        attributions += a.analysis.attributions.len();
        n += 1;
    }
    assert!(n >= 80, "expected the 84 dev articles, read {n}");
    assert!(attributions > 10 * n, "only {attributions} attributions in {n} articles");
}
