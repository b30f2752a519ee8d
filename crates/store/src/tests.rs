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
    let report = s.story_report(stories[0].id, &corroborate_sources::Knowledge::builtin()).unwrap().unwrap();
    assert!(report.contains("Kellner"));
    assert_eq!(s.cached_report(stories[0].id).unwrap().as_deref(), Some(report.as_str()));
    // a report cached by a corroborate with another report format is stale too
    s.conn.execute("UPDATE stories SET report = ?1 WHERE id = ?2", rusqlite::params![report, stories[0].id]).unwrap();
    assert_eq!(s.cached_report(stories[0].id).unwrap(), None, "no format line: an older corroborate's");
    assert_eq!(
        s.story_report(stories[0].id, &corroborate_sources::Knowledge::builtin()).unwrap().unwrap(),
        report,
        "made again, the same"
    );
    assert_eq!(s.cached_report(stories[0].id).unwrap().as_deref(), Some(report.as_str()));
    // and so is one cached by another build of corroborate
    let other = format!("{REPORT_FORMAT} by 0.0.9+0123456789ab\n{report}");
    s.conn.execute("UPDATE stories SET report = ?1 WHERE id = ?2", rusqlite::params![other, stories[0].id]).unwrap();
    assert_eq!(s.cached_report(stories[0].id).unwrap(), None, "another build's");
    assert_eq!(s.story_report(stories[0].id, &corroborate_sources::Knowledge::builtin()).unwrap().unwrap(), report);
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
fn search_marks_only_matching_words_whatever_brackets_or_markers_the_text_holds() {
    let mut s = Store::open_memory().unwrap();
    // brackets of a markdown link, and the very characters that mark a match
    let text =
        "The mayor said it was staged to make [headlines in foreign media](#) and \u{E000}more\u{E001} \u{E001}x.";
    s.add_batch(vec![doc("m", text)]).unwrap();
    let hits = s.search("headlines", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].snippet,
        "The mayor said it was staged to make [\u{E000}headlines\u{E001} in foreign media](#) and more x."
    );
}

#[test]
fn search_finds_words_and_survives_odd_queries() {
    let mut s = Store::open_memory().unwrap();
    s.add_batch(corpus()).unwrap();
    let hits = s.search("goat cheese", 10).unwrap();
    let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["c", "e"]);
    assert!(hits[0].snippet.contains('\u{E000}') && hits[0].snippet.contains('\u{E001}'));
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

/// `doc` with a technique and a narrative finding added to its analysis (their detectors are tested
/// in their own crates; here only their bookkeeping matters).
fn tagged(id: &str, text: &str, technique: Option<&str>, narrative: Option<&str>) -> (String, AnalyzedArticle) {
    let (h, mut a) = doc(id, text);
    let span = corroborate_model::Span::new(0, 5);
    if let Some(t) = technique {
        a.analysis.techniques.push(corroborate_model::Technique {
            technique: t.into(),
            span,
            confidence: 0.9,
            explanation: String::new(),
        });
    }
    if let Some(n) = narrative {
        a.analysis.narratives.push(corroborate_model::NarrativeFinding {
            narrative: n.into(),
            name: format!("Narrative {n}"),
            voice: "reports".into(),
            span,
            evidence: vec![span],
            score: 1.0,
            counter_evidence: Vec::new(),
        });
    }
    (h, a)
}

#[test]
fn stories_filter_by_outlet_date_narrative_and_technique() {
    let mut s = Store::open_memory().unwrap();
    let mut docs = corpus();
    docs[0].1.article.meta.published = Some("2031-03-01".into());
    docs[3].1.article.meta.published = Some("2031-03-09".into());
    docs[2].1.article.meta.published = Some("2031-05-20".into());
    docs.push(tagged(
        "g",
        "Mayor Ilse Brandt said the Kellner Bridge over the Varna was sabotaged by foreign agents.",
        Some("Made_Up_A"),
        Some("N-17"),
    ));
    docs.push(tagged(
        "h",
        "The Oldham cheese fair's goat cheese was a disgraceful fraud, judges said.",
        Some("Made_Up_B"),
        None,
    ));
    s.add_batch(docs).unwrap();
    let all = s.stories(&StoryFilter::default()).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    let (bridge, cheese) = (&all[0], &all[1]);
    assert_eq!(bridge.articles, 4);
    assert_eq!(
        (bridge.first_published.as_deref(), bridge.last_published.as_deref()),
        (Some("2031-03-01"), Some("2031-03-09"))
    );
    // made-up labels: the real detector may add techniques of its own to these texts
    assert!(bridge.techniques.iter().any(|t| t == "Made_Up_A") && !bridge.techniques.iter().any(|t| t == "Made_Up_B"));
    assert_eq!(bridge.narratives, ["N-17"]);
    assert!(bridge.label.contains("Brandt") || bridge.label.contains("Kellner"), "{}", bridge.label);
    let ids = |f: StoryFilter| s.stories(&f).unwrap().iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(ids(StoryFilter { technique: Some("Made_Up_A".into()), ..Default::default() }), [bridge.id]);
    assert_eq!(ids(StoryFilter { technique: Some("Made_Up_B".into()), ..Default::default() }), [cheese.id]);
    assert_eq!(ids(StoryFilter { technique: Some("Made_Up_C".into()), ..Default::default() }), Vec::<i64>::new());
    assert_eq!(ids(StoryFilter { narrative: Some("N-17".into()), ..Default::default() }), [bridge.id]);
    assert_eq!(ids(StoryFilter { outlet: Some("D NEWS".into()), ..Default::default() }), [bridge.id]);
    assert_eq!(ids(StoryFilter { from: Some("2031-04-01".into()), ..Default::default() }), [cheese.id]);
    assert_eq!(ids(StoryFilter { to: Some("2031-03-01".into()), ..Default::default() }), [bridge.id]);
    assert_eq!(
        ids(StoryFilter { technique: Some("Made_Up_B".into()), outlet: Some("a news".into()), ..Default::default() }),
        Vec::<i64>::new()
    );
    let f = s.facets().unwrap();
    assert_eq!(f.narratives.len(), 1);
    assert_eq!((f.narratives[0].value.as_str(), f.narratives[0].name.as_deref()), ("N-17", Some("Narrative N-17")));
    let made_up: Vec<_> =
        f.techniques.iter().filter(|t| t.value.starts_with("Made_Up")).map(|t| (t.value.as_str(), t.stories)).collect();
    assert_eq!(made_up, [("Made_Up_A", 1), ("Made_Up_B", 1)]);
    assert_eq!(f.outlets.len(), 7);
}

/// Summaries kept incrementally (counts, dates, facets, merges) equal the ones recomputed from the
/// articles.
#[test]
fn incremental_summaries_match_a_recount() {
    let mut s = Store::open_memory().unwrap();
    let mut docs = corpus();
    for (i, d) in docs.iter_mut().enumerate() {
        d.1.article.meta.published = Some(format!("2031-03-{:02}", 10 - i));
    }
    // one at a time, so that stories are founded, grown and merged across batches
    for d in docs {
        s.add_batch(vec![d]).unwrap();
    }
    for st in s.stories(&StoryFilter::default()).unwrap() {
        let (n, first, last): (i64, Option<String>, Option<String>) = s
            .conn
            .query_row("SELECT count(*), min(published), max(published) FROM articles WHERE story = ?1", [st.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!((st.articles, st.first_published.clone(), st.last_published.clone()), (n, first, last));
        let outlets: Vec<String> = s
            .conn
            .prepare("SELECT DISTINCT outlet FROM articles WHERE story = ?1 ORDER BY outlet")
            .unwrap()
            .query_map([st.id], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(st.outlets, outlets);
    }
}

#[test]
fn an_older_schema_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch("CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT); PRAGMA user_version = 0;").unwrap();
    drop(c);
    let err = Store::open(&db).err().expect("refused").to_string();
    assert!(err.contains("older corroborate"), "{err}");
}

#[test]
fn a_newer_schema_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    drop(Store::open(&db).unwrap());
    let future = SCHEMA_VERSION + 1;
    Connection::open(&db).unwrap().pragma_update(None, "user_version", future).unwrap();
    let err = Store::open(&db).err().expect("refused").to_string();
    assert!(err.contains("newer corroborate"), "{err}");
    let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, future);
}

#[test]
fn schema_3_and_4_corpora_are_grouped_again_when_opened() {
    for old in REGROUPABLE_SCHEMAS {
        regrouped_when_opened(old);
    }
}

fn regrouped_when_opened(old: i64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(format!("v{old}.db"));
    let mut docs = corpus();
    for (i, d) in docs.iter_mut().enumerate() {
        d.1.article.meta.published = Some(format!("2031-03-{:02}", 10 - i));
        d.0 = content_hash(&d.1.article);
    }
    let (stories, export_before) = {
        let mut s = Store::open(&db).unwrap();
        for d in docs {
            s.add_batch(vec![d]).unwrap();
        }
        // what an older file grouped by another rule looks like: every article in one story
        let stories = s.stories(&StoryFilter::default()).unwrap();
        assert!(stories.len() >= 2, "{stories:?}");
        let before = export(&s);
        s.conn
            .execute_batch(
                "DELETE FROM stories; DELETE FROM story_facets; DELETE FROM story_entities;
                 UPDATE articles SET story = 1;
                 INSERT INTO stories(id, label, n_articles, outlets, narratives, techniques) VALUES (1, 'all', 5, '[]', '[]', '[]');",
            )
            .unwrap();
        s.conn.pragma_update(None, "user_version", old).unwrap();
        (stories, before)
    };
    let s = Store::open(&db).unwrap();
    let version: i64 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    // the stories and their summaries are those of a corpus grouped by the current rule from the start
    assert_eq!(s.stories(&StoryFilter::default()).unwrap(), stories);
    assert_eq!(export(&s), export_before);
    drop(s);
    // and opening it again changes nothing
    let s = Store::open(&db).unwrap();
    assert_eq!(s.stories(&StoryFilter::default()).unwrap(), stories);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_reads_back_with_every_row_and_column() {
    use arrow_array::{Array, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_memory().unwrap();
    s.add_batch(corpus()).unwrap();
    let path = dir.path().join("corpus.parquet");
    assert_eq!(s.export_parquet(std::fs::File::create(&path).unwrap()).unwrap(), 5);
    let reader =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap().build().unwrap();
    let batches: Vec<_> = reader.collect::<std::result::Result<_, _>>().unwrap();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 5);
    let b = &batches[0];
    let names: Vec<&str> = b.schema_ref().fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, ["key", "id", "hash", "story", "title", "outlet", "published", "text", "analysis"]);
    let col = |name: &str| b.column_by_name(name).unwrap().clone();
    let ids = col("id");
    let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!((0..ids.len()).map(|i| ids.value(i)).collect::<Vec<_>>(), ["a", "b", "c", "d", "e"]);
    let keys = col("key");
    assert_eq!(keys.as_any().downcast_ref::<Int64Array>().unwrap().value(0), 1);
    let outlets = col("outlet");
    assert_eq!(outlets.as_any().downcast_ref::<StringArray>().unwrap().value(2), "c News");
    // the analysis column is the JSON of `export --format jsonl`, row for row
    let analysis = col("analysis");
    let analysis = analysis.as_any().downcast_ref::<StringArray>().unwrap();
    let jsonl = export(&s);
    for (i, line) in jsonl.lines().enumerate() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let got: serde_json::Value = serde_json::from_str(analysis.value(i)).unwrap();
        assert_eq!(got, rec["analysis"]);
        let texts = col("text");
        assert_eq!(texts.as_any().downcast_ref::<StringArray>().unwrap().value(i), rec["text"].as_str().unwrap());
    }
}

#[test]
fn an_article_touching_two_stories_does_not_chain_them() {
    // a and b: the Osk dam (Dana Kovic); b also names Petr Lund in Velkor, whom c, on the Velkor
    // ferry strike, is about; a and c share nothing. Stories of a, b, c one by one.
    let mut s = Store::open_memory().unwrap();
    s.add_batch(vec![doc(
        "a",
        "The dam above Osk burst on Monday night and flooded the lower valley. Dana Kovic, the mayor of Osk, said \
         rescue teams had reached every street of the flooded valley by morning. Engineers inspected the broken \
         dam wall and the flooded houses of Osk.",
    )])
    .unwrap();
    s.add_batch(vec![doc(
        "c",
        "The Velkor ferry strike entered its second week. Petr Lund, who leads the ferry crews, said the strike \
         would go on until the Velkor port authority raised pay. No ferry left Velkor for the islands, and the port \
         of Velkor stood still.",
    )])
    .unwrap();
    s.add_batch(vec![doc(
        "b",
        "Rescue teams worked through the flooded valley below the broken dam of Osk, Dana Kovic said. Engineers \
         said the dam wall above Osk had cracked. In other news, Petr Lund spoke in Velkor about the ferry strike.",
    )])
    .unwrap();
    let story =
        |id: &str| -> i64 { s.conn.query_row("SELECT story FROM articles WHERE id = ?1", [id], |r| r.get(0)).unwrap() };
    assert_eq!(story("a"), story("b"), "b tells the dam story");
    assert_ne!(story("a"), story("c"), "the ferry strike is another story");
}

#[test]
fn a_story_settles_an_ambiguous_date_and_the_key_ignores_it() {
    let mut docs = corpus();
    docs[0].1.article.meta.published = Some("2031-03-01".into());
    let amb = corroborate_model::AmbiguousDate {
        text: "03/02/2031".into(),
        month_day: "2031-03-02".into(),
        day_month: "2031-02-03".into(),
    };
    let before = content_hash(&docs[1].1.article);
    docs[1].1.article.diagnostics.push(corroborate_model::Diagnostic::warning(amb.unset_message()));
    docs[1].1.article.meta.ambiguous_date = Some(amb);
    assert_eq!(content_hash(&docs[1].1.article), before, "read from the text, it adds nothing to the key");
    let mut s = Store::open_memory().unwrap();
    s.add_batch(docs).unwrap();
    let bridge = s.stories(&StoryFilter::default()).unwrap()[0].id;
    let detail = s.story(bridge).unwrap().unwrap();
    let b = &detail.comparison.articles[1].article;
    assert_eq!((b.id.as_str(), b.meta.published.as_deref()), ("b", Some("2031-03-02")));
    assert!(b.diagnostics.iter().all(|d| d.level == corroborate_model::Level::Info), "{:?}", b.diagnostics);
    // the article on its own, as the report shows it: the same date and note; as stored: undated
    let alone = s.article_as_reported(detail.keys[1]).unwrap().unwrap().article.article;
    assert_eq!((&alone.meta.published, &alone.diagnostics), (&b.meta.published, &b.diagnostics));
    assert_eq!(s.article(detail.keys[1]).unwrap().unwrap().article.article.meta.published, None);
}

#[test]
fn a_story_summary_settles_an_ambiguous_date_by_the_dates_before_it() {
    let mut s = Store::open_memory().unwrap();
    let mut docs = corpus();
    docs[0].1.article.meta.published = Some("2031-03-01".into());
    docs[1].1.article.meta.ambiguous_date = Some(corroborate_model::AmbiguousDate {
        text: "03/04/2031".into(),
        month_day: "2031-03-04".into(),
        day_month: "2031-04-03".into(),
    });
    s.add_batch(docs).unwrap();
    let bridge = s.stories(&StoryFilter::default()).unwrap().into_iter().find(|x| x.articles == 3).unwrap();
    assert_eq!(
        (bridge.first_published.as_deref(), bridge.last_published.as_deref()),
        (Some("2031-03-01"), Some("2031-03-04"))
    );
}

/// The content hash of schema 5 and before, which hashed the language as well.
fn schema_5_hash(a: &Article) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(a.text.as_bytes());
    h.update([0u8]);
    let meta = corroborate_model::Meta { ambiguous_date: None, ..a.meta.clone() };
    h.update(serde_json::to_string(&meta).unwrap().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_schema_5_corpus_gets_hashes_without_the_language_and_re_ingesting_its_inputs_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v5.db");
    // as the reader gave them to a schema-5 ingest: text files with the guessed language
    let read: Vec<Article> = corpus()
        .into_iter()
        .map(|(_, a)| Article {
            meta: corroborate_model::Meta { language: Some("en".into()), ..a.article.meta },
            ..a.article
        })
        .collect();
    {
        let mut s = Store::open(&db).unwrap();
        let batch: Vec<(String, AnalyzedArticle)> =
            read.iter().map(|a| (schema_5_hash(a), corroborate_engine::analyze(a.clone()))).collect();
        assert_eq!(s.add_batch(batch).unwrap().added, 5);
        s.conn.pragma_update(None, "user_version", 5).unwrap();
    }
    let mut s = Store::open(&db).unwrap();
    let version: i64 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    // the same inputs as this version's reader gives them (no language guessed) are all stored already
    for a in &read {
        let now = Article { meta: corroborate_model::Meta { language: None, ..a.meta.clone() }, ..a.clone() };
        assert!(s.contains(&now.id, &content_hash(&now)).unwrap(), "{} would be stored twice", now.id);
    }
    let again: Vec<(String, AnalyzedArticle)> = read
        .iter()
        .map(|a| {
            let now = Article { meta: corroborate_model::Meta { language: None, ..a.meta.clone() }, ..a.clone() };
            (content_hash(&now), corroborate_engine::analyze(now))
        })
        .collect();
    let st = s.add_batch(again).unwrap();
    assert_eq!((st.added, st.skipped), (0, 5));
    assert_eq!(s.len().unwrap(), 5);
}

#[test]
fn a_batch_waits_for_another_connections_write_instead_of_failing() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.db");
    let mut s = Store::open(&path).unwrap();
    s.add_batch(vec![doc("a", "Mayor Ilse Brandt said the Kellner Bridge was closed.")]).unwrap();
    // another process (here a thread with its own connection) writes for a second
    let (holding, held) = std::sync::mpsc::channel();
    let other = std::thread::spawn({
        let path = path.clone();
        move || {
            let mut c = rusqlite::Connection::open(&path).unwrap();
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
            tx.execute("INSERT INTO builds(build) VALUES ('another process')", []).unwrap();
            holding.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(1000));
            tx.commit().unwrap();
        }
    });
    held.recv().unwrap();
    let started = Instant::now();
    let st = s.add_batch(vec![doc("b", "The county cheese fair in Oldham awarded its first prize.")]);
    other.join().unwrap();
    assert_eq!(st.expect("waits for the other write, then commits").added, 1);
    assert!(started.elapsed() >= Duration::from_millis(500), "{:?}", started.elapsed());
    assert_eq!(s.len().unwrap(), 2);
    assert_eq!(s.builds().unwrap(), ["another process"]);
}

#[test]
fn a_corpus_open_anywhere_cannot_be_replaced_and_one_being_replaced_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.db");
    let new = dir.path().join("corpus.db.reanalysis");
    let backup = dir.path().join("corpus.db.before-reanalysis");
    let mut s = Store::open(&path).unwrap();
    s.add_batch(vec![doc("a", "Mayor Ilse Brandt said the Kellner Bridge was closed.")]).unwrap();
    // open, even idle with its log folded in: the exclusive lock is refused, saying why
    s.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    let refused = CorpusLock::exclusive(&path).unwrap_err().to_string();
    assert!(refused.contains("open in another corroborate process"), "{refused}");
    let reader = Store::open_read_only(&path).unwrap();
    drop(s);
    assert!(CorpusLock::exclusive(&path).is_err(), "a reader holds it too");
    drop(reader);
    // closed everywhere: the lock is had, and while it is held, opening is refused
    let lock = CorpusLock::exclusive(&path).unwrap();
    for opened in [Store::open(&path).err(), Store::open_read_only(&path).err()] {
        let refused = opened.expect("refused").to_string();
        assert!(refused.contains("being analysed again and replaced by `corroborate reanalyze`"), "{refused}");
    }
    // its holder opens the corpus and a new file under it and puts the new one in place
    let mut fresh = Store::open_exclusive(&new, &lock).unwrap();
    fresh.add_batch(vec![doc("b", "The county cheese fair in Oldham awarded its first prize.")]).unwrap();
    fresh.close().unwrap();
    assert!(replace_file(&path, &new, &backup, &CorpusLock::shared(&dir.path().join("x.db")).unwrap()).is_err());
    replace_file(&path, &new, &backup, &lock).unwrap();
    drop(lock);
    let s = Store::open(&path).unwrap();
    assert_eq!(s.len().unwrap(), 1);
    assert!(s.contains("b", &doc("b", "The county cheese fair in Oldham awarded its first prize.").0).unwrap());
}

/// The story list's total is counted only a little past its page (`STORY_COUNT_AHEAD`, 1,000
/// stories), not through every story the filters select: beyond that it is a lower bound and says so.
#[test]
fn a_story_page_counts_its_total_only_a_little_past_the_page() {
    let s = Store::open_memory().unwrap();
    // 5,000 stories written directly: the list reads only the stories table
    s.conn
        .execute_batch(
            "INSERT INTO stories(id, label, n_articles, outlets, narratives, techniques)
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
             SELECT i, 'story ' || i, 1 + i % 50, '[]', '[]', '[]' FROM n",
        )
        .unwrap();
    let page = |f: StoryFilter| serde_json::to_value(s.stories_page(&f).unwrap()).unwrap();
    let p = page(StoryFilter { limit: Some(10), offset: Some(20), ..Default::default() });
    assert_eq!((p["total"].as_i64(), p["total_is_lower_bound"].as_bool()), (Some(20 + 10 + 1000), Some(true)), "{p}");
    assert_eq!(p["stories"].as_array().unwrap().len(), 10);
    // fewer than that selected: the count is exact, and said to be
    let p = page(StoryFilter { min_articles: Some(50), ..Default::default() });
    assert_eq!((p["total"].as_i64(), p["total_is_lower_bound"].as_bool()), (Some(100), Some(false)), "{p}");
    // past the end: what is left is counted exactly
    let p = page(StoryFilter { offset: Some(4500), ..Default::default() });
    assert_eq!((p["total"].as_i64(), p["total_is_lower_bound"].as_bool()), (Some(5000), Some(false)), "{p}");
    // the whole count when asked for (the CLI)
    let p = serde_json::to_value(s.stories_page_exact(&StoryFilter { limit: Some(10), ..Default::default() }).unwrap())
        .unwrap();
    assert_eq!((p["total"].as_i64(), p["total_is_lower_bound"].as_bool()), (Some(5000), Some(false)), "{p}");
}
