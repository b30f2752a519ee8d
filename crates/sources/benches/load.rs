//! Load time of the shipped ratings table and cost of a profile lookup, without a bench framework:
//! `cargo bench -p corroborate-sources --bench load`.
use corroborate_sources::{profile::OutletHints, ratings, Knowledge};
use std::time::{Duration, Instant};

fn time<F: FnMut()>(runs: usize, mut f: F) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[0], t[runs / 2])
}

fn main() {
    let (best, median) = time(100, || {
        std::hint::black_box(ratings::load_uncached());
    });
    println!("ratings table load (11,520 domains, fresh parse): best {best:?}, median {median:?}");
    let (best, median) = time(20, || {
        std::hint::black_box(Knowledge::builtin());
    });
    println!(
        "Knowledge::builtin (ratings cached, outlets, state media, affiliations): best {best:?}, median {median:?}"
    );
    let kb = Knowledge::builtin();
    let urls =
        ["https://www.rt.com/russia/1/", "https://edition.cnn.com/x", "https://unrated.example/y", "Sputnik Poland"];
    let (best, median) = time(1000, || {
        for u in urls {
            std::hint::black_box(kb.profile(&OutletHints::query(u)));
        }
    });
    println!("profile of 4 outlets: best {best:?}, median {median:?}");
}
