//! The `sweep` comparison for span models over contextual token vectors from all-MiniLM-L6-v2
//! (feature `contextual`): the encoder's word states of every article are computed once and cached
//! in a binary file, so that settings can be compared quickly.
//!
//! `cargo run --release -p corroborate-techniques --features contextual --example contextual --
//! DATA MODEL_DIR CACHE [SETTING ...]`; settings as in `sweep`, plus `contextual=1`.

use corroborate_embed::transformer::MiniLm;
use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_model::Span;
use corroborate_techniques::{technique_index, train, Detector, Example, TrainOptions, WordStates, TECHNIQUES};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

fn example(a: &PtcArticle, words: &HashMap<String, WordStates>) -> Example {
    Example {
        id: a.id.clone(),
        text: a.text.clone(),
        spans: a.si.clone(),
        labelled: a.tc.iter().filter_map(|(l, s)| technique_index(l).map(|i| (i, *s))).collect(),
        words: words.get(&a.id).cloned(),
    }
}

fn si(pairs: &[(Vec<Span>, Vec<Span>)], texts: &[&str]) -> f64 {
    let rows: Vec<(&str, &[Span], &[Span])> =
        pairs.iter().zip(texts).map(|((p, g), t)| (*t, p.as_slice(), g.as_slice())).collect();
    propaganda::si_score(&rows).f1
}

fn score(d: &Detector, test: &[Example]) -> (f64, f64) {
    let pairs: Vec<(Vec<Span>, Vec<Span>)> = test
        .iter()
        .map(|e| {
            let found = match &e.words {
                Some(w) => d.detect_contextual(&e.text, w),
                None => d.detect(&e.text),
            };
            (found.into_iter().map(|t| t.span).collect(), e.spans.clone())
        })
        .collect();
    let texts: Vec<&str> = test.iter().map(|e| e.text.as_str()).collect();
    let gold: Vec<(usize, Span, String)> = test
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.labelled.iter().map(move |(l, s)| (i, *s, TECHNIQUES[*l].to_string())))
        .collect();
    let tc = propaganda::tc_score(&gold, &|a, span| {
        let p = d.classify(&test[a].text, &[span]).remove(0);
        let mut order: Vec<usize> = (0..TECHNIQUES.len()).collect();
        order.sort_by(|&x, &y| p[y].total_cmp(&p[x]));
        order.into_iter().map(|k| TECHNIQUES[k].to_string()).collect()
    });
    (si(&pairs, &texts), tc.micro_f1)
}

fn parse(setting: &str) -> TrainOptions {
    let mut o = TrainOptions::default();
    for kv in setting.split(',').filter(|kv| kv.contains('=')) {
        let (k, v) = kv.split_once('=').unwrap_or_default();
        match k {
            "si_bits" => o.si_bits = v.parse().expect("si_bits"),
            "si_epochs" => o.si_epochs = v.parse().expect("si_epochs"),
            "si_rate" => o.si_rate = v.parse().expect("si_rate"),
            "positive_weight" => o.positive_weight = v.parse().expect("positive_weight"),
            "flags" => o.flags = v.parse().expect("flags"),
            "hidden" => o.hidden = v.parse().expect("hidden"),
            "hidden_rate" => o.hidden_rate = v.parse().expect("hidden_rate"),
            "tune_folds" => o.tune_folds = v.parse().expect("tune_folds"),
            "tc_models" => o.tc_models = v.parse().expect("tc_models"),
            "tc_epochs" => o.tc_epochs = v.parse().expect("tc_epochs"),
            "contextual" => o.contextual = v == "1",
            _ => panic!("unknown setting {k}"),
        }
    }
    o
}

fn write_cache(path: &Path, words: &[(String, WordStates)]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"CTXWORD1")?;
    out.write_all(&(words.len() as u32).to_le_bytes())?;
    for (id, (ranges, v)) in words {
        out.write_all(&(id.len() as u32).to_le_bytes())?;
        out.write_all(id.as_bytes())?;
        out.write_all(&(ranges.len() as u32).to_le_bytes())?;
        out.write_all(&(v.len() as u32).to_le_bytes())?;
        for &(a, b) in ranges {
            out.write_all(&(a as u32).to_le_bytes())?;
            out.write_all(&(b as u32).to_le_bytes())?;
        }
        for x in v {
            out.write_all(&x.to_le_bytes())?;
        }
    }
    out.flush()
}

fn read_cache(path: &Path) -> std::io::Result<HashMap<String, WordStates>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.read_to_end(&mut bytes)?;
    let mut pos = 8;
    let u32_at = |pos: &mut usize| {
        let v = u32::from_le_bytes(bytes[*pos..*pos + 4].try_into().expect("4 bytes"));
        *pos += 4;
        v
    };
    assert_eq!(&bytes[..8], b"CTXWORD1", "not a word-state cache");
    let n = u32_at(&mut pos);
    let mut map = HashMap::new();
    for _ in 0..n {
        let l = u32_at(&mut pos) as usize;
        let id = String::from_utf8(bytes[pos..pos + l].to_vec()).expect("utf-8 id");
        pos += l;
        let nw = u32_at(&mut pos) as usize;
        let nv = u32_at(&mut pos) as usize;
        let ranges: Vec<(usize, usize)> =
            (0..nw).map(|_| (u32_at(&mut pos) as usize, u32_at(&mut pos) as usize)).collect();
        let v: Vec<f32> = (0..nv).map(|_| f32::from_bits(u32_at(&mut pos))).collect();
        map.insert(id, (ranges, v));
    }
    Ok(map)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args.next().expect("DATA");
    let model = args.next().expect("MODEL_DIR");
    let cache = args.next().expect("CACHE");
    let (articles, _) = propaganda::load(Path::new(&data)).expect("corpus");
    let cache = Path::new(&cache);
    let words = match read_cache(cache) {
        Ok(m) => m,
        Err(_) => {
            let lm = MiniLm::load(Path::new(&model)).expect("MiniLM");
            let t = Instant::now();
            let mut all = Vec::new();
            for (k, a) in articles.iter().enumerate() {
                all.push((a.id.clone(), lm.word_states(&a.text).expect("encoder")));
                if k % 25 == 24 {
                    eprintln!("{} articles, {:.2}/s", k + 1, (k + 1) as f64 / t.elapsed().as_secs_f64());
                }
            }
            eprintln!("encoded {} articles in {:.1} s", all.len(), t.elapsed().as_secs_f64());
            write_cache(cache, &all).expect("writing the cache");
            all.into_iter().collect()
        }
    };
    let (tr, dev): (Vec<_>, Vec<_>) = articles.iter().partition(|a| !propaganda::is_dev(&a.id));
    let tr: Vec<Example> = tr.into_iter().map(|a| example(a, &words)).collect();
    let dev: Vec<Example> = dev.into_iter().map(|a| example(a, &words)).collect();
    let fit: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 != 2).map(|x| x.1.clone()).collect();
    let held: Vec<Example> = tr.iter().enumerate().filter(|(i, _)| i % 5 == 2).map(|x| x.1.clone()).collect();
    println!("{:<48} {:>8} {:>8} {:>8} {:>8}", "setting", "held SI", "held TC", "dev SI", "dev TC");
    for s in args {
        let o = parse(&s);
        let t = Instant::now();
        let (hs, ht) = score(&train(&fit, o, &si), &held);
        let (ds, dt) = score(&train(&tr, o, &si), &dev);
        println!("{s:<48} {hs:>8.4} {ht:>8.4} {ds:>8.4} {dt:>8.4}  ({:.0} s)", t.elapsed().as_secs_f64());
    }
}
