//! Parameter sweep for story clustering on the shared evaluation sets (development aid):
//! `cargo run --release -p corroborate-cluster --example tune -- ../shared/eval [threshold...]`.
use corroborate_cluster::Clusterer;
use corroborate_embed::StaticEmbeddings;
use corroborate_eval::clustering::{bcubed, load_fnc_stories, load_uci};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().cloned().unwrap_or_else(|| "../shared/eval".into()));
    let thresholds: Vec<f32> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let verbose = std::env::var("VERBOSE").is_ok();
    let table = Arc::new(StaticEmbeddings::bundled().expect("table"));
    let sets = [
        ("fnc", load_fnc_stories(&data.join("stance")).expect("fnc")),
        ("uci", load_uci(&data.join("clustering/uci-news-aggregator.csv")).expect("uci")),
    ];
    let half: Option<usize> = std::env::var("HALF").ok().and_then(|h| h.parse().ok());
    let sets: Vec<(&str, Vec<_>)> = sets
        .into_iter()
        .map(|(n, v)| {
            (n, v.into_iter().enumerate().filter(|(i, _)| half.is_none_or(|h| i % 2 == h)).map(|x| x.1).collect())
        })
        .collect();
    for t in if thresholds.is_empty() { vec![0.25] } else { thresholds } {
        for (name, items) in &sets {
            let merge = std::env::var("MERGE").ok().and_then(|m| m.parse().ok());
            let env = |k: &str| std::env::var(k).ok().and_then(|m| m.parse::<f32>().ok());
            let mut b = Clusterer::builder().threshold(t).merge(merge);
            if env("ST").is_some() {
                b = b.short(env("ST"), env("SM"));
            }
            if let (Some(a), Some(e)) = (env("WT"), env("WE")) {
                b = b.weights(a, e);
            }
            if let Some(n) = env("NB") {
                b = b.name_boost(n);
            }
            if let Some(n) = env("SHORT_TERMS") {
                b = b.short_terms(n);
            }
            let mut c = b.build(Some(table.clone()));
            let mut order: Vec<usize> = (0..items.len()).collect();
            if let Some(seed) = std::env::var("SHUFFLE").ok().and_then(|s| s.parse::<u64>().ok()) {
                let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
                for i in (1..order.len()).rev() {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    order.swap(i, (x % (i as u64 + 1)) as usize);
                }
            }
            let mut ids = vec![corroborate_cluster::StoryId(0); items.len()];
            let observe = std::env::var("OBSERVE").is_ok();
            if observe {
                for &i in &order {
                    c.observe(&items[i].text, &[]);
                }
            }
            for &i in &order {
                ids[i] = if observe {
                    c.assign_observed(&items[i].text, &[], None).story
                } else {
                    c.add(&items[i].text, None)
                };
            }
            if std::env::var("CONSOLIDATE").is_ok() {
                c.consolidate();
            }
            let pred: Vec<u32> = c.resolve_all(&ids).into_iter().map(|s| s.0).collect();
            let gold: Vec<&str> = items.iter().map(|it| it.story.as_str()).collect();
            let b = bcubed(&pred, &gold);
            if let Ok(path) = std::env::var("DUMP") {
                let lines: Vec<String> = pred
                    .iter()
                    .zip(items.iter())
                    .map(|(p, it)| format!("{p}\t{}\t{}", it.story, it.text.replace(['\t', '\n'], " ")))
                    .collect();
                std::fs::write(format!("{path}.{name}"), lines.join("\n")).expect("dump");
            }
            let n = pred.iter().collect::<std::collections::HashSet<_>>().len();
            println!("{name} t={t:.2} P={:.3} R={:.3} F1={:.3} clusters={n}", b.precision, b.recall, b.f1);
            if std::env::var("PAIRS").is_ok() && *name == "uci" {
                let mut sizes: HashMap<u32, usize> = HashMap::new();
                let mut major: HashMap<u32, HashMap<&str, usize>> = HashMap::new();
                for (p, g) in pred.iter().zip(&gold) {
                    *sizes.entry(*p).or_default() += 1;
                    *major.entry(*p).or_default().entry(&g[..5]).or_default() += 1;
                }
                let label = |p: u32| {
                    let m = &major[&p];
                    let (g, k) = m.iter().max_by_key(|x| (x.1, x.0)).unwrap();
                    format!("{p}[{g} {k}/{}]", sizes[&p])
                };
                let mut ps: Vec<u32> = sizes.keys().copied().collect();
                ps.sort();
                let mut out = Vec::new();
                for (i, &a) in ps.iter().enumerate() {
                    for &b in &ps[i + 1..] {
                        if let Some((sc, m)) =
                            c.story_pair_score(corroborate_cluster::StoryId(a), corroborate_cluster::StoryId(b))
                        {
                            if sc > 0.08 {
                                out.push((sc, m, a, b));
                            }
                        }
                    }
                }
                out.sort_by(|x, y| y.0.total_cmp(&x.0));
                for (sc, m, a, b) in out.iter().take(40) {
                    println!("  pair {:.3} (m {:.3}) {} ~ {}", sc, m, label(*a), label(*b));
                }
            }
            if verbose && *name == "uci" {
                let mut by_gold: HashMap<&str, HashMap<u32, usize>> = HashMap::new();
                for (p, g) in pred.iter().zip(&gold) {
                    *by_gold.entry(g).or_default().entry(*p).or_default() += 1;
                }
                let mut gs: Vec<_> = by_gold.into_iter().collect();
                gs.sort_by_key(|g| std::cmp::Reverse(g.1.values().sum::<usize>()));
                for (g, m) in gs {
                    let mut v: Vec<_> = m.into_iter().collect();
                    v.sort_by_key(|x| std::cmp::Reverse(x.1));
                    let s: Vec<String> = v.iter().take(8).map(|(p, k)| format!("{p}:{k}")).collect();
                    println!("  {} n={} -> {}", &g[..5], v.iter().map(|x| x.1).sum::<usize>(), s.join(" "));
                }
            }
        }
    }
}
