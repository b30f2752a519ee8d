//! Inspect one prediction of the built-in model: `cargo run -p corroborate-fnc --example explain_stance --
//! "CLAIM" "BODY"` prints the label, the four probabilities, the evidence sentences and every
//! non-zero feature.
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [claim, body] = args.as_slice() else {
        eprintln!("usage: explain CLAIM BODY");
        return std::process::ExitCode::from(2);
    };
    let model = match corroborate_fnc::StanceModel::embedded() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    let a = model.explain(claim, body);
    println!("{} ({:.3}); agree/disagree/discuss/unrelated = {:.3?}", a.stance, a.score, a.probs);
    for span in &a.evidence {
        println!("evidence: {}", span.slice(body));
    }
    let names = corroborate_fnc::features::feature_names();
    for (name, v) in names.iter().zip(model.features_of(claim, body)) {
        if v != 0.0 {
            println!("{name:24} {v:8.3}");
        }
    }
    std::process::ExitCode::SUCCESS
}
