use super::*;
use corroborate_model::Article;

fn doc(id: &str, text: &str) -> (String, AnalyzedArticle) {
    let mut art = Article::new(id, text);
    art.meta.outlet = Some(format!("{id} News"));
    let a = corroborate_engine::analyze(art);
    (content_hash(&a.article), a)
}

fn corpus() -> Vec<(String, AnalyzedArticle)> {
    vec![
        doc("a", "Mayor Ilse Brandt said the Kellner Bridge over the Varna river was closed after cracks were found."),
        doc(
            "b",
            "The Kellner Bridge over the Varna river is closed, Mayor Ilse Brandt said, after engineers found cracks.",
        ),
        doc("c", "The county cheese fair in Oldham awarded its first prize to a goat cheese from a family farm."),
        doc("d", "Engineers say the cracks in the Kellner Bridge on the Varna will take weeks to repair, Brandt said."),
        doc("e", "Judges at the Oldham cheese fair praised the goat cheese, the fair's organisers said."),
    ]
}

fn export(s: &Store) -> String {
    let mut out = Vec::new();
    s.export_jsonl(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn adding_twice_adds_nothing() {
    let mut s = Store::open_memory().unwrap();
    let st = s.add_batch(corpus()).unwrap();
    assert_eq!(st.added, 5);
    let before = export(&s);
    let st = s.add_batch(corpus()).unwrap();
    assert_eq!((st.added, st.skipped), (0, 5));
    assert_eq!(s.len().unwrap(), 5);
    assert_eq!(export(&s), before);
}

#[test]
fn same_id_new_content_is_a_new_version() {
    let mut s = Store::open_memory().unwrap();
    s.add_batch(vec![doc("a", "First text about the bridge.")]).unwrap();
    s.add_batch(vec![doc("a", "Second text about the bridge.")]).unwrap();
    assert_eq!(s.len().unwrap(), 2);
}

#[test]
fn stories_group_incrementally() {
    let mut s = Store::open_memory().unwrap();
    s.add_batch(corpus()).unwrap();
    let stories = s.stories(&StoryFilter::default()).unwrap();
    assert_eq!(stories.len(), 2, "{stories:?}");
    assert_eq!(stories[0].articles, 3);
    assert_eq!(stories[1].articles, 2);
    let bridge = s.story(stories[0].id).unwrap().unwrap();
    let ids: Vec<&str> = bridge.comparison.articles.iter().map(|a| a.article.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "d"]);
    let filtered = s.stories(&StoryFilter { outlet: Some("e news".into()), ..Default::default() }).unwrap();
    assert_eq!(filtered.len(), 1);
    assert_eq!(filtered[0].id, stories[1].id);
    let report = s.story_report(stories[0].id).unwrap().unwrap();
    assert!(report.contains("Kellner"));
    assert_eq!(s.cached_report(stories[0].id).unwrap().as_deref(), Some(report.as_str()));
    // a new article makes the cached report stale
    s.add_batch(vec![doc("f", "Brandt said the Kellner Bridge over the Varna may reopen in May.")]).unwrap();
    assert_eq!(s.cached_report(stories[0].id).unwrap(), None);
}

#[test]
fn batch_boundaries_and_reopening_do_not_change_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.db");
    let two = dir.path().join("two.db");
    Store::open(&one).unwrap().add_batch(corpus()).unwrap();
    let docs = corpus();
    let (first, rest) = docs.split_at(2);
    Store::open(&two).unwrap().add_batch(first.to_vec()).unwrap();
    // a restart: the index is rebuilt from the file, one article already there again
    let mut s = Store::open(&two).unwrap();
    s.add_batch(docs[1..3].to_vec()).unwrap();
    s.add_batch(rest[1..].to_vec()).unwrap();
    assert_eq!(export(&Store::open(&one).unwrap()), export(&Store::open(&two).unwrap()));
}

#[test]
fn search_finds_words_and_survives_odd_queries() {
    let mut s = Store::open_memory().unwrap();
    s.add_batch(corpus()).unwrap();
    let hits = s.search("goat cheese", 10).unwrap();
    let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["c", "e"]);
    assert!(hits[0].snippet.contains('['));
    for q in ["\"", "AND OR NOT", "a*", "(", "", "NEAR(x y", "bridge\" OR \"cheese"] {
        assert!(s.search(q, 10).is_ok(), "{q}");
    }
    assert!(s.search("zzzz", 10).unwrap().is_empty());
}

#[test]
fn failed_articles_are_not_stored() {
    let mut s = Store::open_memory().unwrap();
    let mut a = Article::new("bad", "");
    a.diagnostics.push(corroborate_model::Diagnostic::error("no such file"));
    let a = corroborate_engine::analyze(a);
    let st = s.add_batch(vec![(content_hash(&a.article), a)]).unwrap();
    assert_eq!(st.added, 0);
    assert!(s.is_empty().unwrap());
}
