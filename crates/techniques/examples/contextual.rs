//! The `sweep` comparison for span models over contextual token vectors from all-MiniLM-L6-v2
//! (feature `contextual`): the encoder's word states of every article are computed once and cached
//! in a binary file, so that settings can be compared quickly.
//!
//! `cargo run --release -p corroborate-techniques --features contextual --example contextual --
//! DATA MODEL_DIR CACHE [SETTING ...]`; settings as in `sweep`, plus `contextual=1`.

mod common;

use corroborate_embed::transformer::MiniLm;
use corroborate_eval::propaganda;
use corroborate_techniques::{Example, WordStates};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

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
    let tr: Vec<Example> = tr.into_iter().map(|a| common::example(a, words.get(&a.id).cloned())).collect();
    let dev: Vec<Example> = dev.into_iter().map(|a| common::example(a, words.get(&a.id).cloned())).collect();
    common::compare_settings(&tr, &dev, args);
}
