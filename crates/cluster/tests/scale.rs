//! Scale: 100,000 generated articles through the clusterer in under five minutes. Ignored by
//! default (minutes of CPU); run it with
//! `cargo test --release -p corroborate-cluster --test scale -- --ignored --nocapture`.
//! (`corroborate eval clustering-scale` does the same on the BBC bulk corpus with variations.)
use corroborate_cluster::Clusterer;
use std::sync::Arc;
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const SYLLABLES: &[&str] =
    &["ar", "vi", "osk", "bel", "mar", "ko", "ta", "len", "dru", "pa", "sen", "ith", "gor", "ua"];
const COMMON: &[&str] = &[
    "the",
    "officials",
    "said",
    "on",
    "Monday",
    "after",
    "a",
    "report",
    "by",
    "local",
    "media",
    "was",
    "in",
    "and",
    "council",
    "police",
    "government",
    "residents",
    "market",
    "week",
    "people",
    "city",
    "village",
    "statement",
];
const TOPIC: &[&str] = &[
    "flood", "dam", "election", "strike", "fire", "merger", "bank", "rates", "storm", "court", "trial", "vote",
    "bridge", "harvest", "outbreak", "ferry", "protest", "budget", "tax", "mine", "port", "rail", "drought", "fair",
];

fn name(rng: &mut Rng) -> String {
    let mut s: String = (0..2 + rng.below(2)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
    s[..1].make_ascii_uppercase();
    s
}

/// An article of event `e`: its names and topic words among common words, about 250 words.
fn article(event: &(Vec<String>, Vec<&str>), rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..250 {
        let w = match rng.below(6) {
            0 => event.0[rng.below(event.0.len())].as_str(),
            1 | 2 => event.1[rng.below(event.1.len())],
            _ => COMMON[rng.below(COMMON.len())],
        };
        out.push_str(w);
        out.push(if i % 17 == 16 { '.' } else { ' ' });
        out.push(' ');
    }
    out
}

#[test]
#[ignore = "minutes of CPU: run with --release -- --ignored"]
fn hundred_thousand_articles_cluster_in_under_five_minutes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let events: Vec<(Vec<String>, Vec<&str>)> = (0..5_000)
        .map(|_| {
            let names = (0..3).map(|_| name(&mut rng)).collect();
            let topic = (0..4).map(|_| TOPIC[rng.below(TOPIC.len())]).collect();
            (names, topic)
        })
        .collect();
    let table = Arc::new(corroborate_embed::StaticEmbeddings::bundled().unwrap());
    let mut c = Clusterer::builder().build(Some(table));
    let start = Instant::now();
    for i in 0..100_000usize {
        // 5,000 events of 20 articles each, in order; fifty events a day
        let e = i / 20;
        let text = article(&events[e % events.len()], &mut rng);
        c.add(&text, Some((e / 50) as i32));
    }
    let secs = start.elapsed().as_secs_f64();
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string));
    println!("100000 articles, {} stories, {secs:.1} s, peak {rss:?}", c.stories());
    assert!(secs < 300.0, "took {secs:.1} s");
    assert!(c.stories() >= 1_000, "{} stories for 5,000 events", c.stories());
}
