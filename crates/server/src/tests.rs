use super::*;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut s = Store::open(&db).unwrap();
    let docs = [
        ("a", "Bridge Closed\n\nMayor Ilse Brandt said the Kellner Bridge over the Varna river was closed after cracks were found."),
        ("b", "Kellner Bridge Shut\n\nThe Kellner Bridge over the Varna river is closed, Mayor Ilse Brandt said, after engineers found cracks."),
    ];
    let batch = docs
        .iter()
        .map(|(id, t)| {
            let mut a = corroborate_ingest::article_from_bytes(id, t.as_bytes());
            a.meta.url = Some(format!("https://example.org/{id}"));
            let a = corroborate_engine::analyze(a);
            (corroborate_store::content_hash(&a.article), a)
        })
        .collect();
    s.add_batch(batch).unwrap();
    (dir, db)
}

async fn call(app: &Router, method: &str, uri: &str, body: &str) -> (StatusCode, String) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn error_code(body: &str) -> String {
    let v: Value = serde_json::from_str(body).unwrap();
    v["error"]["code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn stories_story_article_search() {
    let (_dir, db) = corpus();
    let app = router(db);
    let (st, body) = call(&app, "GET", "/api/stories?outlet=&min_articles=2", "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let id = v["stories"][0]["id"].as_i64().unwrap();
    assert_eq!(v["stories"][0]["articles"], 2);
    let (st, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
    assert_eq!(st, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["comparison"]["articles"].as_array().unwrap().len(), 2);
    let key = v["article_keys"][0].as_i64().unwrap();
    let (st, body) = call(&app, "GET", &format!("/api/articles/{key}"), "").await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("Kellner"));
    let (st, body) = call(&app, "GET", &format!("/articles/{key}/report.html"), "").await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("class=\"content"), "highlighted attribution expected");
    let (st, body) = call(&app, "GET", "/api/search?q=cracks", "").await;
    assert_eq!(st, StatusCode::OK);
    let hits = serde_json::from_str::<Value>(&body).unwrap()["hits"].as_array().unwrap().clone();
    assert_eq!(hits.len(), 2);
    // the matching word between the private-use markers, not brackets
    assert!(hits[0]["snippet"].as_str().unwrap().contains("\u{E000}cracks\u{E001}"), "{}", hits[0]["snippet"]);
    let (st, body) = call(&app, "GET", "/api/openapi.json", "").await;
    assert_eq!(st, StatusCode::OK);
    assert!(serde_json::from_str::<Value>(&body).unwrap()["paths"]["/api/compare"].is_object());
    let (st, body) = call(&app, "GET", "/", "").await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("app.js"));
}

#[tokio::test]
async fn errors_are_json_with_codes() {
    let (_dir, db) = corpus();
    let app = router(db);
    let (st, body) = call(&app, "GET", "/api/stories/999999", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::NOT_FOUND, "not_found"));
    let (st, body) = call(&app, "GET", "/api/stories/abc", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::BAD_REQUEST, "bad_request"));
    let (st, body) = call(&app, "GET", "/nope", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::NOT_FOUND, "not_found"));
    let (st, body) = call(&app, "GET", "/api/search", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::BAD_REQUEST, "bad_request"));
    let (st, body) = call(&app, "POST", "/api/compare", "{not json").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"));
    let (st, body) = call(&app, "POST", "/api/compare", r#"{"urls":["https://nowhere.example/x"]}"#).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "url_not_in_corpus"));
    let many = serde_json::to_string(&json!({"texts": vec!["x"; MAX_COMPARE_DOCS + 1]})).unwrap();
    let (st, body) = call(&app, "POST", "/api/compare", &many).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "too_many_documents"));
    let huge = format!(r#"{{"texts":["{}"]}}"#, "a".repeat(MAX_BODY_BYTES + 10));
    let (st, _) = call(&app, "POST", "/api/compare", &huge).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn compare_texts_and_corpus_urls() {
    let (_dir, db) = corpus();
    let app = router(db);
    let body = json!({
        "texts": ["Police said the fire at the Osk depot was started deliberately."],
        "urls": ["https://example.org/a"],
    });
    let (st, body) = call(&app, "POST", "/api/compare", &body.to_string()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["comparison"]["articles"].as_array().unwrap().len(), 2);
    assert!(v["html"].as_str().unwrap().contains("class=\"content"));
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test]
async fn story_filters_and_facets() {
    let (_dir, db) = corpus();
    let app = router(db);
    let (st, body) = call(&app, "GET", "/api/facets", "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let facets = json_of(&body);
    assert!(facets["outlets"].is_array() && facets["narratives"].is_array() && facets["techniques"].is_array());
    // every technique facet selects exactly its stories, each of which lists it
    for f in facets["techniques"].as_array().unwrap() {
        let t = f["value"].as_str().unwrap();
        let (st, body) = call(&app, "GET", &format!("/api/stories?technique={t}"), "").await;
        assert_eq!(st, StatusCode::OK);
        let list = json_of(&body)["stories"].as_array().unwrap().clone();
        assert_eq!(list.len() as i64, f["stories"].as_i64().unwrap());
        assert!(list.iter().all(|s| s["techniques"].as_array().unwrap().iter().any(|x| x == t)));
    }
    for (q, n) in [
        ("technique=No_Such_Technique", 0),
        ("narrative=no-such-narrative", 0),
        ("outlet=no-such-outlet", 0),
        ("from=2999-01-01", 0),
        ("", 1),
    ] {
        let (st, body) = call(&app, "GET", &format!("/api/stories?{q}"), "").await;
        assert_eq!(st, StatusCode::OK, "{q}: {body}");
        assert_eq!(json_of(&body)["stories"].as_array().unwrap().len(), n, "{q}");
    }
    let (_, body) = call(&app, "GET", "/api/openapi.json", "").await;
    let names: Vec<String> = json_of(&body)["paths"]["/api/stories"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    for p in ["outlet", "narrative", "technique", "from", "to"] {
        assert!(names.iter().any(|n| n == p), "{p} missing from the OpenAPI document");
    }
}

#[tokio::test]
async fn limits_and_framework_errors_are_json_with_codes() {
    let (_dir, db) = corpus();
    let app = router(db.clone());
    // the body limit (axum's own rejection, rewritten)
    let huge = format!(r#"{{"texts":["{}"]}}"#, "a".repeat(MAX_BODY_BYTES + 10));
    let (st, body) = call(&app, "POST", "/api/compare", &huge).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large"));
    // a query string that does not parse, a wrong method
    let (st, body) = call(&app, "GET", "/api/stories?min_articles=many", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::BAD_REQUEST, "bad_request"));
    assert!(json_of(&body)["error"]["message"].as_str().unwrap().contains("min_articles"), "{body}");
    let (st, body) = call(&app, "DELETE", "/api/stories", "").await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"));
    // the time limit: a compare cannot finish within a millisecond
    let slow = router_with(db, Limits { timeout: Duration::from_millis(1), ..Limits::default() });
    let texts: Vec<String> = (0..20)
        .map(|i| {
            format!("Mayor Ilse Brandt said on day {i} that the Kellner Bridge over the Varna river was closed. ")
                .repeat(20)
        })
        .collect();
    let (st, body) = call(&slow, "POST", "/api/compare", &json!({ "texts": texts }).to_string()).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::REQUEST_TIMEOUT, "timeout"));
    // successes pass through untouched
    let (st, body) = call(&app, "GET", "/api/stories", "").await;
    assert_eq!(st, StatusCode::OK);
    assert!(json_of(&body)["stories"].is_array());
}

#[tokio::test]
async fn every_view_names_the_outlet_and_its_reliability() {
    let (_dir, db) = corpus();
    let app = router(db.clone());
    // a pasted text whose header gives its URL: the outlet is identified and rated
    let pasted = "Title: Osk depot fire\nURL: https://www.reuters.com/world/osk-depot/\n\n\
                  Police said the fire at the Osk depot was started deliberately.";
    let body = json!({ "texts": [pasted], "urls": ["https://example.org/a"] });
    let (st, body) = call(&app, "POST", "/api/compare", &body.to_string()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json_of(&body);
    let arts = v["comparison"]["articles"].as_array().unwrap();
    assert_eq!(arts[0]["source_profile"]["outlet"]["name"], "Reuters", "{}", arts[0]["source_profile"]);
    assert_eq!(arts[0]["source_profile"]["outlet"]["reliability"], "high");
    assert_eq!(arts[1]["source_profile"]["outlet"]["domain"], "example.org");
    assert!(v["html"].as_str().unwrap().contains("reuters.com: reliability high"), "{}", v["html"]);

    let (_, body) = call(&app, "GET", "/api/stories?min_articles=2", "").await;
    let id = json_of(&body)["stories"][0]["id"].as_i64().unwrap();
    let (_, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
    let v = json_of(&body);
    assert_eq!(v["comparison"]["articles"][0]["source_profile"]["outlet"]["reliability"], "unknown");
    let (_, body) = call(&app, "GET", &format!("/stories/{id}/report.html"), "").await;
    assert!(body.contains("example.org: unrated"), "{body}");
    let key = v["article_keys"][0].as_i64().unwrap();
    let (_, body) = call(&app, "GET", &format!("/api/articles/{key}"), "").await;
    assert_eq!(json_of(&body)["source_profile"]["outlet"]["domain"], "example.org");

    // a user's ratings are used, and their report is not cached for the shipped tables' users
    let (kb, diags) = corroborate_sources::Knowledge::builtin().with_user_ratings("example.org,0.9\n", "mine.csv");
    assert!(diags.is_empty(), "{diags:?}");
    let rated = router_full(db, Limits::default(), kb);
    let (_, body) = call(&rated, "GET", &format!("/api/stories/{id}"), "").await;
    assert_eq!(json_of(&body)["comparison"]["articles"][0]["source_profile"]["outlet"]["reliability"], "high");
    let (_, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
    assert_eq!(json_of(&body)["comparison"]["articles"][0]["source_profile"]["outlet"]["reliability"], "unknown");
}

#[tokio::test]
async fn a_story_filter_that_is_no_date_is_a_bad_request() {
    let (_dir, db) = corpus();
    let app = router(db);
    for q in ["from=notadate", "to=2031-3-1", "from=2031-02-30", "limit=-1", "offset=-5"] {
        let (st, body) = call(&app, "GET", &format!("/api/stories?{q}"), "").await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{q}: {body}");
        assert!(body.contains("bad_request"), "{q}: {body}");
    }
    for q in ["from=2031", "from=2031-03", "from=2022-04-06&to=2099-12-31", "from="] {
        let (st, body) = call(&app, "GET", &format!("/api/stories?{q}"), "").await;
        assert_eq!(st, StatusCode::OK, "{q}: {body}");
    }
}

#[tokio::test]
async fn the_story_list_says_how_many_match_and_pages_with_offset() {
    let (_dir, db) = corpus();
    // two more stories, each of one article, besides the bridge story of two
    let mut s = Store::open(&db).unwrap();
    let more = [
        ("c", "Cheese Fair\n\nThe annual cheese fair in Lindau drew record crowds, organiser Marta Feld said on Sunday."),
        ("d", "Comet Seen\n\nAstronomers at the Halden observatory said a new comet would be visible in the southern sky."),
    ];
    let batch = more
        .iter()
        .map(|(id, t)| {
            let a = corroborate_engine::analyze(corroborate_ingest::article_from_bytes(id, t.as_bytes()));
            (corroborate_store::content_hash(&a.article), a)
        })
        .collect();
    s.add_batch(batch).unwrap();
    drop(s);
    let app = router(db);
    let page = |q: String| {
        let app = app.clone();
        async move {
            let (st, body) = call(&app, "GET", &format!("/api/stories?{q}"), "").await;
            assert_eq!(st, StatusCode::OK, "{q}: {body}");
            json_of(&body)
        }
    };
    let all = page("".into()).await;
    assert_eq!((all["total"].as_i64(), all["offset"].as_i64(), all["limit"].as_i64()), (Some(3), Some(0), Some(100)));
    assert_eq!(all["total_is_lower_bound"], false, "a count that did not stop early says so");
    let ids: Vec<i64> = all["stories"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 3);
    // pages of one: each the next story of the whole list, each saying the same total
    for (i, id) in ids.iter().enumerate() {
        let q = format!("limit=1&offset={i}");
        let v = page(q.clone()).await;
        assert_eq!(v["total"], 3, "{q}");
        assert_eq!(v["offset"], i as i64, "{q}");
        assert_eq!(v["stories"].as_array().unwrap().len(), 1, "{q}");
        assert_eq!(v["stories"][0]["id"], *id, "{q}");
    }
    // past the end: no stories, the total still said; the total counts what the filters select
    let past = page("offset=7".into()).await;
    assert_eq!((past["total"].as_i64(), past["stories"].as_array().unwrap().len()), (Some(3), 0));
    let big = page("min_articles=2&limit=0".into()).await;
    assert_eq!((big["total"].as_i64(), big["stories"].as_array().unwrap().len()), (Some(1), 0));
    // the documented maximum limit is taken; beyond it is a bad request, not a silent cut
    assert_eq!(page("limit=10000".into()).await["stories"].as_array().unwrap().len(), 3);
    for q in ["limit=10001", "limit=5000000"] {
        let (st, body) = call(&app, "GET", &format!("/api/stories?{q}"), "").await;
        assert_eq!((st, error_code(&body).as_str()), (StatusCode::BAD_REQUEST, "bad_request"), "{q}");
        assert!(
            body.contains("over the maximum; it takes a whole number from 0 to 10000 (page with offset)"),
            "{q}: {body}"
        );
    }
    // the OpenAPI document describes the total and the paging
    let (_, body) = call(&app, "GET", "/api/openapi.json", "").await;
    let doc = json_of(&body);
    let props =
        &doc["paths"]["/api/stories"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["properties"];
    for field in ["total", "total_is_lower_bound", "offset", "limit", "stories"] {
        assert!(props[field].is_object(), "{field} missing from the OpenAPI document: {props}");
    }
}

#[tokio::test]
async fn a_negative_limit_is_said_alike_by_the_story_list_and_search() {
    let (_dir, db) = corpus();
    let app = router(db);
    for path in ["/api/stories?limit=-1", "/api/search?q=cracks&limit=-1"] {
        let (st, body) = call(&app, "GET", path, "").await;
        assert_eq!((st, error_code(&body).as_str()), (StatusCode::BAD_REQUEST, "bad_request"), "{path}");
        let message = json_of(&body)["error"]["message"].as_str().unwrap().to_string();
        assert!(message.starts_with("limit: -1 is negative; it takes a whole number from 0 to "), "{path}: {message}");
    }
    let (st, body) = call(&app, "GET", "/api/search?q=cracks&limit=0", "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(json_of(&body)["hits"].as_array().unwrap().len(), 0);
}

/// Texts whose comparison takes long: two stories of thousands of like statements each, which the
/// claims' clustering compares pairwise (about a minute in a debug build).
fn slow_texts() -> Vec<String> {
    let said = ["Mayor Ilse Brandt said the Kellner dam broke. ", "Minister Petr Vask said the Osk bridge fell. "];
    (0..50).map(|i| format!("Report {i}\n\n{}", said[i % 2].repeat(120))).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_compare_stops_and_frees_its_job() {
    let (_dir, db) = corpus();
    let limits = Limits {
        timeout: Duration::from_millis(300),
        max_compare_jobs: 1,
        compare_queue_wait: Duration::ZERO,
        ..Limits::default()
    };
    let app = router_with(db, limits);
    let slow = json!({ "texts": slow_texts(), "html": false }).to_string();
    let (st, body) = call(&app, "POST", "/api/compare", &slow).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::REQUEST_TIMEOUT, "timeout"));
    // the one job slot is busy until the timed-out work has stopped, which is soon
    let small = json!({ "texts": ["The mayor said the dam is safe."], "html": false }).to_string();
    let start = std::time::Instant::now();
    loop {
        let req = Request::builder()
            .method("POST")
            .uri("/api/compare")
            .header("content-type", "application/json")
            .body(Body::from(small.clone()))
            .unwrap();
        let resp = app.clone().oneshot(req).await.unwrap();
        if resp.status() == StatusCode::OK {
            break;
        }
        assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(resp.headers()[header::RETRY_AFTER], BUSY_RETRY_AFTER_SECS.to_string().as_str());
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(error_code(&String::from_utf8_lossy(&body)), "busy");
        assert!(start.elapsed() < Duration::from_secs(8), "the timed-out compare still holds its job");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compares_beyond_the_cap_are_busy_until_a_job_ends() {
    let (_dir, db) = corpus();
    let limits = Limits { max_compare_jobs: 1, compare_queue_wait: Duration::from_millis(50), ..Limits::default() };
    let app = router_with(db, limits);
    let slow = json!({ "texts": slow_texts(), "html": false }).to_string();
    let running = {
        let app = app.clone();
        tokio::spawn(async move { call(&app, "POST", "/api/compare", &slow).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let small = json!({ "texts": ["The mayor said the dam is safe."], "html": false }).to_string();
    let (st, body) = call(&app, "POST", "/api/compare", &small).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::SERVICE_UNAVAILABLE, "busy"));
    // the client of the long one goes away: its work stops, and the next request is served
    running.abort();
    let start = std::time::Instant::now();
    loop {
        let (st, body) = call(&app, "POST", "/api/compare", &small).await;
        if st == StatusCode::OK {
            break;
        }
        assert_eq!(error_code(&body), "busy");
        assert!(start.elapsed() < Duration::from_secs(8), "the abandoned compare still holds its job");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn compare_renames_a_repeated_id_as_the_cli_does() {
    let (_dir, db) = corpus();
    let app = router(db);
    let body = json!({
        "texts": [
            {"id": "x", "text": "Hello world. He said it was fine."},
            {"id": "x", "text": "Other text here, she said."},
            "A plain text, the mayor said.",
            {"id": "text-3", "text": "A text that takes the plain one's id, he said."},
        ],
        "urls": ["https://example.org/a", "https://example.org/a"],
        "html": false,
    });
    let (st, body) = call(&app, "POST", "/api/compare", &body.to_string()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json_of(&body);
    let arts = v["comparison"]["articles"].as_array().unwrap();
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "x#2", "text-3", "text-3#2", "a", "a#2"]);
    let warned = |i: usize| arts[i]["diagnostics"].to_string().contains("was given to an earlier input too");
    assert!(!warned(0) && warned(1) && !warned(2) && warned(3) && warned(5), "{}", arts[1]["diagnostics"]);
}

#[tokio::test]
async fn compare_takes_a_texts_url_title_outlet_and_date() {
    let (_dir, db) = corpus();
    let app = router(db);
    let body = json!({
        "texts": [
            {"text": "The mayor said the dam is fine.", "title": "Dam fine", "url": "https://www.rt.com/news/a",
             "outlet": "RT", "published": "April 6, 2022"},
            {"id": "b", "text": "date 2022-04-07 The mayor said the dam broke.", "published": "2022-02-30"},
        ],
        "html": false,
    });
    let (st, body) = call(&app, "POST", "/api/compare", &body.to_string()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json_of(&body);
    let a = &v["comparison"]["articles"][0];
    assert_eq!(a["meta"]["title"], "Dam fine");
    assert_eq!(a["meta"]["url"], "https://www.rt.com/news/a");
    assert_eq!(a["meta"]["domain"], "rt.com");
    assert_eq!(a["meta"]["outlet"], "RT");
    assert_eq!(a["meta"]["published"], "2022-04-06");
    assert_eq!(a["source_profile"]["outlet"]["domain"], "rt.com", "{}", a["source_profile"]);
    // a date that is no date is left unset with a warning; the text's own date line is read
    let b = &v["comparison"]["articles"][1];
    assert_eq!(b["meta"]["published"], "2022-04-07", "{b}");
    assert!(b["diagnostics"].to_string().contains("2022-02-30"), "{}", b["diagnostics"]);
    // any other field of a text is refused, as at the top level
    let bad = json!({ "texts": [{"text": "The mayor said so.", "author": "X"}] });
    let (st, body) = call(&app, "POST", "/api/compare", &bad.to_string()).await;
    assert_eq!((st, error_code(&body).as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"));
}

#[tokio::test]
async fn a_port_in_use_is_said_once() {
    let (_dir, db) = corpus();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let e = serve(db, addr, corroborate_sources::Knowledge::builtin()).await.unwrap_err();
    // the chain as anyhow prints it (`{:#}`): each error, then its sources
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        chain.push_str(&format!(": {s}"));
        source = s.source();
    }
    assert!(chain.contains(&addr.to_string()), "{chain}");
    assert_eq!(chain.matches("(os error").count(), 1, "{chain}");
}

#[tokio::test]
async fn every_count_in_a_query_is_a_whole_number_in_its_range_or_a_400_that_says_which() {
    let (_dir, db) = corpus();
    let app = router(db);
    for (path, name, range) in [
        ("/api/search?q=cracks&limit=", "limit", "a whole number from 0 to 200"),
        ("/api/stories?limit=", "limit", "a whole number from 0 to 10000"),
        ("/api/stories?offset=", "offset", "a whole number, 0 or more"),
        ("/api/stories?min_articles=", "min_articles", "a whole number, 0 or more"),
    ] {
        for bad in ["abc", "1.5", "-3", "99999999999999999999", "12abc"] {
            let (st, body) = call(&app, "GET", &format!("{path}{bad}"), "").await;
            assert_eq!(
                (st, error_code(&body).as_str()),
                (StatusCode::BAD_REQUEST, "bad_request"),
                "{path}{bad}: {body}"
            );
            let message = json_of(&body)["error"]["message"].as_str().unwrap().to_string();
            assert!(message.starts_with(&format!("{name}: ")), "{path}{bad}: {message}");
            assert!(message.ends_with(&format!("it takes {range}")), "{path}{bad}: {message}");
            assert!(!message.contains("invalid digit"), "{path}{bad}: {message}");
        }
        // empty is as if absent; the bounds themselves are taken
        for good in ["", "0", "5"] {
            let (st, body) = call(&app, "GET", &format!("{path}{good}"), "").await;
            assert_eq!(st, StatusCode::OK, "{path}{good}: {body}");
        }
    }
    let (st, body) = call(&app, "GET", "/api/search?q=cracks&limit=abc", "").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(&body)["error"]["message"],
        "limit: \"abc\" is not a whole number; it takes a whole number from 0 to 200"
    );
    // a sign alone is no number, not one out of range
    let (st, body) = call(&app, "GET", "/api/search?q=cracks&limit=-", "").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(&body)["error"]["message"],
        "limit: \"-\" is not a whole number; it takes a whole number from 0 to 200"
    );
    // a search limit over 200 is refused, as the story list's over 10000 is, not cut to 200
    let (st, body) = call(&app, "GET", "/api/search?q=cracks&limit=201", "").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(
        json_of(&body)["error"]["message"],
        "limit: 201 is over the maximum; it takes a whole number from 0 to 200"
    );
    let (st, body) = call(&app, "GET", "/api/search?q=cracks&limit=200", "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    // the OpenAPI document says the same ranges
    let (_, body) = call(&app, "GET", "/api/openapi.json", "").await;
    let doc = json_of(&body);
    let param = |path: &str, name: &str| {
        doc["paths"][path]["get"]["parameters"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone()
    };
    assert_eq!(param("/api/search", "limit")["schema"]["maximum"], 200);
    assert_eq!(param("/api/stories", "limit")["schema"]["maximum"], 10000);
    for (path, name) in [
        ("/api/search", "limit"),
        ("/api/stories", "limit"),
        ("/api/stories", "offset"),
        ("/api/stories", "min_articles"),
    ] {
        assert_eq!(param(path, name)["schema"]["minimum"], 0, "{path} {name}");
        assert!(param(path, name)["description"].as_str().unwrap().contains("400"), "{path} {name}");
    }
}

/// An article whose only date is an ambiguous line (`03/02/2031`: March 2 or February 3) in a story
/// with an article dated 2031-03-01: the story report settles it as 2031-03-02, and so does the
/// article's own view.
#[tokio::test]
async fn an_article_shows_the_date_its_story_report_settles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut s = Store::open(&db).unwrap();
    let docs = [
        (
            "a",
            "2031-03-01",
            "Mayor Ilse Brandt said the Kellner Bridge over the Varna river was closed after cracks were found.",
        ),
        (
            "b",
            "03/02/2031",
            "The Kellner Bridge over the Varna river is closed, Mayor Ilse Brandt said, after engineers found cracks.",
        ),
    ];
    let batch = docs
        .iter()
        .map(|(id, date, t)| {
            let mut a = corroborate_ingest::article_from_bytes(id, t.as_bytes());
            a.meta.published = Some(date.to_string());
            corroborate_ingest::dates::settle_published(&mut a.meta, &mut a.diagnostics);
            let a = corroborate_engine::analyze(a);
            (corroborate_store::content_hash(&a.article), a)
        })
        .collect();
    s.add_batch(batch).unwrap();
    drop(s);
    let app = router(db);
    let (_, body) = call(&app, "GET", "/api/stories?min_articles=2", "").await;
    let id = json_of(&body)["stories"][0]["id"].as_i64().unwrap();
    let (st, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let story = json_of(&body);
    let at = story["comparison"]["articles"].as_array().unwrap().iter().position(|a| a["id"] == "b").unwrap();
    let in_report = &story["comparison"]["articles"][at];
    assert_eq!(in_report["meta"]["published"], "2031-03-02", "{}", in_report["diagnostics"]);
    let key = story["article_keys"][at].as_i64().unwrap();
    let (st, body) = call(&app, "GET", &format!("/api/articles/{key}"), "").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let article = json_of(&body);
    assert_eq!(article["meta"]["published"], in_report["meta"]["published"]);
    // marked as the report marks it: the warning gives way to the note naming the article that settled it
    assert_eq!(article["diagnostics"], in_report["diagnostics"]);
    assert!(
        article["diagnostics"]
            .to_string()
            .contains("read as 2031-03-02 (month/day): a of its story is dated 2031-03-01"),
        "{}",
        article["diagnostics"]
    );
    let (_, html) = call(&app, "GET", &format!("/articles/{key}/report.html"), "").await;
    assert!(html.contains("2031-03-02"), "the article's HTML view shows the settled date");
    // an article dated by its own metadata is as it was stored
    let other = story["article_keys"][1 - at].as_i64().unwrap();
    let (_, body) = call(&app, "GET", &format!("/api/articles/{other}"), "").await;
    assert_eq!(json_of(&body)["meta"]["published"], "2031-03-01");
}

/// The routes of [`router_full`] as its source declares them (`.route("PATH", get(...))`): method and
/// path, method in upper case. The router cannot list its routes, so this reads them where they are written.
fn routes_in_source() -> std::collections::BTreeSet<(String, String)> {
    let source = include_str!("lib.rs");
    source
        .split(".route(")
        .skip(1)
        .map(|part| {
            let path = part.split('"').nth(1).expect("a route's path is a string literal");
            let after = &part[part.find(path).unwrap() + path.len() + 1..];
            let method: String =
                after.trim_start_matches([',', ' ', '\n']).chars().take_while(char::is_ascii_alphabetic).collect();
            (method.to_uppercase(), path.to_string())
        })
        .collect()
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_only_routes() {
    let (_dir, db) = corpus();
    let app = router(db);
    let routed = routes_in_source();
    assert!(routed.len() >= 10 && routed.iter().all(|(m, _)| m == "GET" || m == "POST"), "{routed:?}");
    let (_, body) = call(&app, "GET", "/api/openapi.json", "").await;
    let doc = json_of(&body);
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    assert!(undocumented.is_empty(), "routes missing from the OpenAPI document: {undocumented:?}");
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(unrouted.is_empty(), "paths of the OpenAPI document that are not routed: {unrouted:?}");
    // and the running router answers each documented path with that method (an id of the corpus in
    // place of each path parameter): not the fallback's 404 nor a 405
    let (_, body) = call(&app, "GET", "/api/stories", "").await;
    let id = json_of(&body)["stories"][0]["id"].as_i64().unwrap();
    let (_, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
    let key = json_of(&body)["article_keys"][0].as_i64().unwrap();
    for (method, path) in &documented {
        let uri = path.replace("{id}", &id.to_string()).replace("{key}", &key.to_string());
        let (st, body) = call(&app, method, &uri, "{}").await;
        assert!(st != StatusCode::METHOD_NOT_ALLOWED && !body.contains("no such route"), "{method} {uri}: {st} {body}");
        // each documented path parameter is declared
        let params = doc["paths"][path][method.to_lowercase()]["parameters"].as_array().cloned().unwrap_or_default();
        for name in ["id", "key"] {
            if path.contains(&format!("{{{name}}}")) {
                assert!(params.iter().any(|p| p["name"] == name && p["in"] == "path"), "{path}: {name} undeclared");
            }
        }
    }
    // the HTML reports say they are HTML
    for path in ["/stories/{id}/report.html", "/articles/{key}/report.html"] {
        assert!(doc["paths"][path]["get"]["responses"]["200"]["content"]["text/html"].is_object(), "{path}");
    }
}

/// A story's report names the story by its corpus id everywhere: the story, each article's `story`
/// and the claim ids (`s{id}c{n}`), not by its place in the report (0).
#[tokio::test]
async fn a_story_report_names_the_story_by_its_corpus_id() {
    let (_dir, db) = corpus();
    // a story of its own first, so that the bridge story's id is neither 0 nor 1
    let mut s = Store::open(&db).unwrap();
    let a = corroborate_engine::analyze(corroborate_ingest::article_from_bytes(
        "c",
        b"Cheese Fair\n\nThe annual cheese fair in Lindau drew record crowds, organiser Marta Feld said on Sunday.",
    ));
    s.add_batch(vec![(corroborate_store::content_hash(&a.article), a)]).unwrap();
    drop(s);
    let app = router(db);
    let (_, body) = call(&app, "GET", "/api/stories", "").await;
    let ids: Vec<i64> =
        json_of(&body)["stories"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 2, "{body}");
    for id in ids {
        let (st, body) = call(&app, "GET", &format!("/api/stories/{id}"), "").await;
        assert_eq!(st, StatusCode::OK, "{body}");
        let v = json_of(&body);
        assert_eq!(v["story"]["id"], id);
        let stories = v["comparison"]["stories"].as_array().unwrap();
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0]["id"], id, "the comparison's story");
        for a in v["comparison"]["articles"].as_array().unwrap() {
            assert_eq!(a["story"], id, "article {}", a["id"]);
        }
        let claims = stories[0]["claims"].as_array().unwrap();
        for c in claims {
            assert!(c["id"].as_str().unwrap().starts_with(&format!("s{id}c")), "{}", c["id"]);
            for r in c["relations"].as_array().unwrap() {
                assert!(r["claim"].as_str().unwrap().starts_with(&format!("s{id}c")), "{r}");
            }
        }
        if v["story"]["articles"] == 2 {
            assert!(!claims.is_empty(), "the bridge story has claims to check");
        }
    }
}

/// A compare text with fields is read as the JSON Lines record with the same fields: one reading of
/// them, the ingest crate's (dates, the URL's domain, the text's own header lines filling what the
/// fields leave out).
#[test]
fn a_named_text_reads_as_the_json_lines_record_with_the_same_fields() {
    let texts = [
        json!({"id": "a", "text": "The mayor said the dam is fine.", "title": "Dam fine", "url": "https://www.rt.com/news/a",
               "outlet": "RT", "published": "April 6, 2022"}),
        json!({"id": "b", "text": "date 2022-04-07 The mayor said the dam broke.", "published": "2022-02-30"}),
        json!({"id": "c", "text": "Title: Osk depot fire\nURL: https://www.reuters.com/x/\nDate: 2031-03-14\n\nPolice said it was arson.",
               "outlet": "Wire"}),
        json!({"id": "d", "text": "By Ana Ruiz\n\nThe minister said the 03/04/2031 vote stands.", "published": "03/02/2031"}),
        json!({"id": "e", "text": "Officials said the bridge is closed.", "url": "not a url", "title": ""}),
    ];
    for t in texts {
        let named: NamedText = serde_json::from_value(t.clone()).unwrap();
        let served = named.into_article("text-1".into());
        let read = corroborate_ingest::jsonl::parse_record("texts.jsonl", 1, t.to_string().as_bytes());
        assert_eq!(served, read, "{t}");
    }
}
