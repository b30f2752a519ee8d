//! Compares training settings of the technique detector: for each setting, trains on four fifths
//! of the training split and scores the fifth held out (the numbers to choose by), then trains on
//! the whole training split and scores the dev split.
//!
//! `cargo run --release -p corroborate-techniques --example sweep -- DATA [SETTING ...]`, where a
//! setting is `key=value` pairs joined by commas (`si_epochs=6,flags=3`); `default` is the defaults.

mod common;

use corroborate_eval::propaganda;
use corroborate_techniques::Example;

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "../shared/eval/propaganda".into());
    let (articles, _) = propaganda::load(std::path::Path::new(&data)).expect("corpus");
    let (tr, dev): (Vec<_>, Vec<_>) = articles.iter().partition(|a| !propaganda::is_dev(&a.id));
    let tr: Vec<Example> = tr.into_iter().map(|a| common::example(a, None)).collect();
    let dev: Vec<Example> = dev.into_iter().map(|a| common::example(a, None)).collect();
    common::compare_settings(&tr, &dev, args);
}
