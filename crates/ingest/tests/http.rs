//! URL inputs against a server on loopback that each test starts (std `TcpListener` in a thread):
//! pages, feeds, redirects, the size cap, timeouts, content types and the user agent. No other
//! network is touched.
use corroborate_ingest::http::{fetch, Config, FetchError, USER_AGENT};
use corroborate_ingest::{read_input, Doc, ReadOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PAGE: &str = "<!doctype html><html><head><title>Bridge reopens</title></head><body><article>\
    <h1>Bridge reopens</h1><p>The old river bridge reopened to traffic on Monday after a month of repairs, \
    the county council said.</p><p>Cyclists will have their own lane from next week, a spokesperson added.</p>\
    </article></body></html>";

/// What the server answers for a path: status line and headers, body, and a delay before answering.
type Route = (String, Vec<u8>, Duration);

/// Serves `routes` on 127.0.0.1 for `requests` connections; returns the base URL and the request
/// heads it saw.
fn serve(routes: Vec<(&'static str, Route)>, requests: usize) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let (routes, log) = (routes.clone(), log.clone());
            // one thread per connection, so a slow answer does not hold up the next request
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut head = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(&line);
                }
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                log.lock().unwrap().push(head);
                let (status, body, delay) = routes
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, r)| r.clone())
                    .unwrap_or(("404 Not Found\r\nContent-Type: text/html".into(), b"nope".to_vec(), Duration::ZERO));
                std::thread::sleep(delay);
                let _ =
                    write!(stream, "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                let _ = stream.write_all(&body);
            });
        }
    });
    (base, seen)
}

fn html(body: &str) -> Route {
    ("200 OK\r\nContent-Type: text/html; charset=utf-8".into(), body.as_bytes().to_vec(), Duration::ZERO)
}

fn quick() -> Config {
    Config {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(5),
        ..Config::default()
    }
}

#[test]
fn a_page_is_fetched_with_our_user_agent() {
    let (base, seen) = serve(vec![("/bridge", html(PAGE))], 1);
    let url = format!("{base}/bridge");
    let mut docs = Vec::new();
    read_input(&url, &ReadOptions { http: quick(), ..Default::default() }, &mut |d| docs.push(d), &mut |_| {});
    assert_eq!(docs.len(), 1);
    let a = docs.pop().unwrap().into_article();
    assert!(!a.failed(), "{:?}", a.diagnostics);
    assert_eq!(a.id, url);
    assert!(a.text.contains("reopened to traffic on Monday"));
    assert_eq!(a.meta.url.as_deref(), Some(url.as_str()));
    let head = seen.lock().unwrap()[0].to_ascii_lowercase();
    assert!(head.contains(&format!("user-agent: {}", USER_AGENT.to_ascii_lowercase())), "{head}");
    assert!(USER_AGENT.starts_with("corroborate/0.") && USER_AGENT.contains("(+https://"));
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let redirect = |to: &str| (format!("301 Moved\r\nLocation: {to}"), Vec::new(), Duration::ZERO);
    let (base, _) = serve(vec![("/a", redirect("/b")), ("/b", redirect("/c")), ("/c", html(PAGE))], 3);
    let page = fetch(&format!("{base}/a"), &quick()).unwrap();
    assert!(page.final_url.ends_with("/c"), "{}", page.final_url);
    let (base, _) = serve(vec![("/a", redirect("/b")), ("/b", redirect("/c")), ("/c", html(PAGE))], 3);
    let err = fetch(&format!("{base}/a"), &Config { max_redirects: 1, ..quick() }).unwrap_err();
    assert!(matches!(err, FetchError::TooManyRedirects(1)), "{err:?}");
}

#[test]
fn limits_and_refusals_are_clear_errors() {
    let big = "x".repeat(4096);
    let (base, _) = serve(
        vec![
            ("/big", html(&big)),
            ("/img", ("200 OK\r\nContent-Type: image/png".into(), b"\x89PNG".to_vec(), Duration::ZERO)),
            ("/slow", ("200 OK\r\nContent-Type: text/html".into(), PAGE.as_bytes().to_vec(), Duration::from_secs(3))),
            ("/gone", ("410 Gone\r\nContent-Type: text/html".into(), b"gone".to_vec(), Duration::ZERO)),
        ],
        5,
    );
    let small = Config { max_bytes: 1000, ..quick() };
    assert!(matches!(fetch(&format!("{base}/big"), &small), Err(FetchError::TooLarge(1000))));
    match fetch(&format!("{base}/img"), &quick()) {
        Err(FetchError::ContentType(ct)) => assert_eq!(ct, "image/png"),
        other => panic!("{other:?}"),
    }
    let started = std::time::Instant::now();
    assert!(matches!(fetch(&format!("{base}/slow"), &quick()), Err(FetchError::Timeout(_))));
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(matches!(fetch(&format!("{base}/gone"), &quick()), Err(FetchError::Status(410))));
    // as an input: a failed article with the reason, not a stop
    let mut docs = Vec::new();
    read_input(&format!("{base}/nothing-here"), &ReadOptions::default(), &mut |d| docs.push(d), &mut |_| {});
    let a = docs.pop().unwrap().into_article();
    assert!(a.failed() && a.diagnostics[0].message.contains("cannot fetch"), "{:?}", a.diagnostics);
}

#[test]
fn a_feed_url_gives_its_items_and_links_are_fetched_only_when_asked() {
    let rss_naming = |base: &str| {
        format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>County News</title>
<item><title>Bridge reopens</title><link>{base}/bridge</link><pubDate>Mon, 02 Mar 2026 07:00:00 GMT</pubDate>
<description>Short: the bridge reopened.</description></item></channel></rss>"#
        )
    };
    // the page on one server, the feed naming it on another
    let (page_base, page_seen) = serve(vec![("/bridge", html(PAGE))], 1);
    let rss = rss_naming(&page_base);
    let (feed_base, _) = serve(
        vec![("/feed", ("200 OK\r\nContent-Type: application/rss+xml".into(), rss.into_bytes(), Duration::ZERO))],
        2,
    );
    // without fetch_links: the item's description as text, and no request for the page
    let mut docs = Vec::new();
    read_input(
        &format!("{feed_base}/feed"),
        &ReadOptions { http: quick(), ..Default::default() },
        &mut |d| docs.push(d),
        &mut |_| {},
    );
    assert_eq!(docs.len(), 1);
    let a = docs.pop().unwrap().into_article();
    assert_eq!(a.text, "Short: the bridge reopened.");
    assert_eq!(a.meta.outlet.as_deref(), Some("County News"));
    assert!(page_seen.lock().unwrap().is_empty(), "no link fetched unless asked");
    // with fetch_links: the page's text, the item's metadata
    let opts = ReadOptions { http: quick(), fetch_links: true, ..Default::default() };
    read_input(&format!("{feed_base}/feed"), &opts, &mut |d| docs.push(d), &mut |_| {});
    assert!(matches!(docs[0], Doc::Html { .. }));
    let a = docs.pop().unwrap().into_article();
    assert!(a.text.contains("reopened to traffic on Monday"), "{}", a.text);
    assert_eq!(a.meta.title.as_deref(), Some("Bridge reopens"));
    assert_eq!(a.meta.published.as_deref(), Some("2026-03-02"));
    assert_eq!(a.meta.outlet.as_deref(), Some("County News"));
    assert_eq!(page_seen.lock().unwrap().len(), 1);
}
