//! Development loop for the learned tagger without the full binary:
//! `cargo run --release -p corroborate-attribution --example polnear -- train TRAIN_DIR OUT_DIR [EPOCHS]`
//! and `... -- eval DEV_DIR MODEL_DIR [ERRORS_FILE]` (rules + the model in MODEL_DIR; `-` for rules only).
//! The reported numbers come from `corroborate eval attribution`, which runs the whole engine.
//! `CORROBORATE_CLUSTERS=FILE` trains with other word clusters than the committed ones (`clusters.tsv`).
//! `CORROBORATE_HOLDOUT=K` (0..4) holds out the train/ articles with index % 5 == K (train skips
//! them, eval scores only them); `CORROBORATE_DUMP=FILE` writes eval's predictions (code points).
use corroborate_attribution::learned::{self, Model, Perceptron};
use corroborate_eval::attribution::{parse_ann, Predicted, Tally};
use corroborate_model::Span;
use std::io::Write;

type Golds = Vec<Vec<corroborate_eval::attribution::GoldAttribution>>;

fn load(dir: &str) -> Vec<(String, Golds)> {
    let mut anns: Vec<_> =
        std::fs::read_dir(format!("{dir}/attributions")).unwrap().map(|e| e.unwrap().path()).collect();
    anns.sort();
    let mut out: Vec<(String, String, Vec<Vec<corroborate_eval::attribution::GoldAttribution>>)> = Vec::new();
    for a in anns {
        let stem = a.file_stem().unwrap().to_str().unwrap().to_string();
        let art = stem.rsplit_once('_').map_or(stem.clone(), |x| x.0.to_string());
        if out.last().is_none_or(|l| l.0 != art) {
            let text = std::fs::read_to_string(format!("{dir}/text/{art}.txt")).unwrap();
            out.push((art.clone(), text, Vec::new()));
        }
        let l = out.last_mut().unwrap();
        let g = parse_ann(&std::fs::read_to_string(&a).unwrap(), &l.1).unwrap();
        l.2.push(g);
    }
    out.into_iter().map(|(_, t, g)| (t, g)).collect()
}

fn title(text: &str) -> Option<Span> {
    text.find('\n').filter(|&e| e > 0).map(|e| Span::new(0, e))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // train-pos UD_TRAIN.conllu UD_DEV.conllu OUT.bin: the coarse part-of-speech tagger
    if args[1] == "train-pos" {
        let read = |p: &str| learned::read_conllu(&std::fs::read_to_string(p).unwrap());
        let (tr, dv) = (read(&args[2]), read(&args[3]));
        let m = learned::train_pos(&tr, learned::POS_EPOCHS);
        eprintln!("pos accuracy train {:.4} dev {:.4}", learned::pos_accuracy(&m, &tr), learned::pos_accuracy(&m, &dv));
        std::fs::write(&args[4], m.to_bytes()).unwrap();
        return;
    }
    let mut data = load(&args[2]);
    // CORROBORATE_HOLDOUT=K (0..4): articles i with i % 5 == K are held out: `train` skips them,
    // `eval` scores only them (a check on train/ that dev has not seen)
    if let Some(k) = std::env::var("CORROBORATE_HOLDOUT").ok().and_then(|v| v.parse::<usize>().ok()) {
        let keep_held = args[1] != "train";
        data = data.into_iter().enumerate().filter(|(i, _)| (i % 5 == k) == keep_held).map(|x| x.1).collect();
    }
    let prep: Vec<_> = data
        .iter()
        .map(|(t, _)| {
            let toks = corroborate_nlp::tokenize(t, &[]);
            let sents = corroborate_nlp::sentences(t, &toks, &[]);
            (toks, sents)
        })
        .collect();
    if args[1] == "train" {
        let golds: Vec<Vec<(usize, Vec<learned::GoldParts>)>> = data
            .iter()
            .enumerate()
            .map(|(i, (_, gs))| {
                gs.iter()
                    .map(|g| {
                        (
                            i,
                            g.iter()
                                .map(|x| (x.source.clone().unwrap_or_default(), x.cue.clone(), x.content.clone()))
                                .collect(),
                        )
                    })
                    .collect()
            })
            .collect();
        let ex: Vec<learned::Example> = golds
            .iter()
            .flatten()
            .map(|(i, g)| learned::Example { text: &data[*i].0, toks: &prep[*i].0, sents: &prep[*i].1, gold: g })
            .collect();
        let epochs = args.get(4).map_or(8, |e| e.parse().unwrap());
        let t = std::time::Instant::now();
        // the part-of-speech tagger: CORROBORATE_POS=FILE (`train-pos` writes one), else the committed one
        let pos = std::env::var("CORROBORATE_POS").ok().map_or_else(
            || Model::builtin().and_then(|m| m.pos.clone()),
            |p| Perceptron::from_bytes(&std::fs::read(p).unwrap()),
        );
        // the word clusters: CORROBORATE_CLUSTERS=FILE, else the committed ones
        let clusters_tsv = std::env::var("CORROBORATE_CLUSTERS")
            .map_or_else(|_| include_str!("../data/clusters.tsv").to_string(), |p| std::fs::read_to_string(p).unwrap());
        let clusters = Some(learned::WordClusters::from_tsv(&clusters_tsv).unwrap());
        let m = learned::train(&ex, pos, clusters, epochs, |e, c, r| {
            eprintln!("epoch {e}: cue {c:.4} role {r:.4} {:.0}s", t.elapsed().as_secs_f64())
        });
        std::fs::create_dir_all(&args[3]).unwrap();
        std::fs::write(format!("{}/cue.bin", args[3]), m.cue.to_bytes()).unwrap();
        std::fs::write(format!("{}/role.bin", args[3]), m.role.to_bytes()).unwrap();
        if let Some(p) = &m.pos {
            std::fs::write(format!("{}/pos.bin", args[3]), p.to_bytes()).unwrap();
        }
        std::fs::write(format!("{}/clusters.tsv", args[3]), clusters_tsv).unwrap();
        return;
    }
    let model = (args[3] != "-").then(|| Model {
        cue: Perceptron::from_bytes(&std::fs::read(format!("{}/cue.bin", args[3])).unwrap()).unwrap(),
        role: Perceptron::from_bytes(&std::fs::read(format!("{}/role.bin", args[3])).unwrap()).unwrap(),
        pos: std::fs::read(format!("{}/pos.bin", args[3])).ok().and_then(|b| Perceptron::from_bytes(&b)),
        clusters: std::fs::read_to_string(format!("{}/clusters.tsv", args[3]))
            .ok()
            .map(|t| learned::WordClusters::from_tsv(&t).unwrap()),
    });
    let mut tally = Tally::default();
    let mut errs = args.get(4).map(|p| std::io::BufWriter::new(std::fs::File::create(p).unwrap()));
    let t = std::time::Instant::now();
    let mut all = Vec::new();
    for (i, (text, _)) in data.iter().enumerate() {
        let ents = corroborate_nlp::entities(text, &prep[i].0, &prep[i].1);
        let f = corroborate_attribution::find_with(text, &prep[i].0, &prep[i].1, &ents, title(text), model.as_ref());
        all.push(
            f.attributions
                .iter()
                .map(|a| Predicted { source: a.source, cue: a.cue, content: a.content })
                .collect::<Vec<_>>(),
        );
    }
    eprintln!("{:.0} articles/s (entities + attribution)", data.len() as f64 / t.elapsed().as_secs_f64());
    // CORROBORATE_DUMP=FILE: predicted spans per article (code-point offsets), for error analysis
    if let Ok(path) = std::env::var("CORROBORATE_DUMP") {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
        for (i, (text, _)) in data.iter().enumerate() {
            let cp = |b: usize| text[..b].chars().count();
            let sp = |s: &Span| format!("[{},{}]", cp(s.start), cp(s.end));
            let items: Vec<String> = all[i]
                .iter()
                .map(|p| {
                    format!("[{},{},{}]", p.source.as_ref().map_or("null".to_string(), sp), sp(&p.cue), sp(&p.content))
                })
                .collect();
            writeln!(w, "[{}]", items.join(",")).unwrap();
        }
    }
    for (i, (text, golds)) in data.iter().enumerate() {
        for g in golds {
            tally.add(text, g, &all[i]);
            if let Some(w) = errs.as_mut() {
                let show = |s: &Span| format!("[{}]", text.get(s.start..s.end).unwrap_or("?").replace('\n', " "));
                writeln!(w, "## {i}").unwrap();
                for x in g {
                    let src = x.source.as_ref().map(|f| f.iter().map(show).collect::<String>()).unwrap_or_default();
                    writeln!(
                        w,
                        "G\t{src}\t{}\t{}",
                        x.cue.iter().map(show).collect::<String>(),
                        x.content.iter().map(show).collect::<String>()
                    )
                    .unwrap();
                }
                for p in &all[i] {
                    writeln!(
                        w,
                        "P\t{}\t{}\t{}",
                        p.source.as_ref().map(show).unwrap_or_default(),
                        show(&p.cue),
                        show(&p.content)
                    )
                    .unwrap();
                }
            }
        }
    }
    println!(
        "{} gold, {} predicted, {} paired\n{}",
        tally.gold_attributions,
        tally.predicted_attributions,
        tally.paired,
        tally.table()
    );
}
