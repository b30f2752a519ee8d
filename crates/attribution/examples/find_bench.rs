//! Instruction counts of attribution alone, without building the whole binary:
//! `cargo build --release -p corroborate-attribution --example find_bench`, then
//! `valgrind --tool=callgrind target/release/examples/find_bench DIR` over a directory of `.txt`
//! articles (the first line is taken as the headline). Prints every attribution found, so two
//! builds can be compared with `cmp`.
fn main() {
    let dir = std::env::args().nth(1).expect("usage: find_bench DIR");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut out = String::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let title = text.find('\n').filter(|&e| e > 0).map(|e| corroborate_model::Span::new(0, e));
        let toks = corroborate_nlp::tokenize(&text, &[]);
        let sents = corroborate_nlp::sentences(&text, &toks, &[]);
        let ents = corroborate_nlp::entities(&text, &toks, &sents);
        let found = corroborate_attribution::find(&text, &toks, &sents, &ents, title);
        out.push_str(&format!("{:?}\n{:?}\n", found.attributions, found.unattributed_quotes));
    }
    print!("{out}");
}
