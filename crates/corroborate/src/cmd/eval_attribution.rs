//! `corroborate eval attribution`: PolNeAR source/cue/content scores (metric code in
//! `corroborate_eval::attribution`), and the cue-lexicon learner.
use anyhow::Context;
use corroborate_eval::attribution::{parse_ann, Predicted, Tally};
use corroborate_model::{Article, MetaKind, MetaSpan, Span};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A PolNeAR split: a folder with `text/*.txt` and `attributions/*.ann` (one file per annotator).
    #[arg(long, default_value = "../shared/eval/attribution/dev")]
    pub data: PathBuf,
    /// Also write every gold (`G`) and predicted (`P`) attribution of each annotation file to this
    /// file, for error analysis: source, cue and content in brackets, then `@START-END`, the cue's byte
    /// offsets (so gold and predicted cues can be paired by overlap).
    #[arg(long)]
    pub errors: Option<PathBuf>,
    /// Learn the cue lexicon from these annotations (use train/) and write it here (TSV), then stop.
    #[arg(long)]
    pub learn_cues: Option<PathBuf>,
    /// Train the learned taggers on these annotations (use train/) and write `pos.bin` (the
    /// part-of-speech tagger, trained first on --pos-data), `clusters.tsv` and `genders.tsv` (word
    /// clusters, and words that lean female or male, both derived from the bundled embedding
    /// table), `cue.bin` and `role.bin` into this folder (the committed
    /// ones live in crates/attribution/data), then stop.
    #[arg(long)]
    pub train_model: Option<PathBuf>,
    /// For --train-model: a Universal Dependencies English treebank folder with `en_ewt-train.conllu`.
    #[arg(long, default_value = "../shared/eval/syntax/ewt")]
    pub pos_data: PathBuf,
    /// Training passes over the data for --train-model.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
    /// Lexicon learning: least number of times a word is part of a cue.
    #[arg(long, default_value_t = 5)]
    pub min_count: usize,
    /// Instead of scoring the engine, score the annotators against each other on the articles that
    /// several of them annotated (each ordered pair once: one as gold, the other as prediction): the
    /// human agreement on this metric, the ceiling a system can be judged against.
    #[arg(long)]
    pub agreement: bool,
    /// Lexicon learning: least share of a word's occurrences that are in cues.
    #[arg(long, default_value_t = 0.3)]
    pub min_rate: f64,
}

/// The article as the engine sees it: the exact text, its first line as the title.
fn article(id: &str, text: String) -> Article {
    let mut a = Article::new(id, text);
    if let Some(end) = a.text.find('\n').filter(|&e| e > 0) {
        a.meta_spans.push(MetaSpan { kind: MetaKind::Title, span: Span::new(0, end), value: None });
    }
    a
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ann_dir = args.data.join("attributions");
    let text_dir = args.data.join("text");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("cannot read {} (is ../shared/eval beside the repository?)", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    // "<article>_<annotator>.ann" annotates "text/<article>.txt"
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut pairs: Vec<(PathBuf, usize)> = Vec::new();
    for ann in &anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a);
        let ti = match texts.iter().position(|(id, _)| id == article) {
            Some(i) => i,
            None => {
                let path = text_dir.join(format!("{article}.txt"));
                let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
                texts.push((article.to_string(), text));
                texts.len() - 1
            }
        };
        pairs.push((ann.clone(), ti));
    }
    if let Some(out) = &args.learn_cues {
        let mut counts = corroborate_eval::attribution::CueCounts::default();
        for (ann, ti) in &pairs {
            let text = &texts[*ti].1;
            let raw = std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
            counts.add(text, &parse_ann(&raw, text).with_context(|| format!("{}", ann.display()))?);
        }
        let lexicon = counts.lexicon(args.min_count, args.min_rate);
        std::fs::write(out, &lexicon).with_context(|| format!("cannot write {}", out.display()))?;
        println!("{} cue words written to {}", lexicon.lines().count(), out.display());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(out) = &args.train_model {
        return train_model(&args, out, &texts, &pairs);
    }
    if args.agreement {
        return agreement(&args, &texts, &pairs);
    }
    let started = std::time::Instant::now();
    let predicted: Vec<Vec<Predicted>> = texts
        .par_iter()
        .map(|(id, text)| {
            let a = corroborate_engine::analyze(article(id, text.clone()));
            // PolNeAR annotates acts and intentions ("refuses to release his tax records") too
            a.analysis
                .attributions
                .iter()
                .chain(&a.analysis.acts)
                .map(|x| Predicted { source: x.source, cue: x.cue, content: x.content })
                .collect()
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    let mut tally = Tally::default();
    let mut errors = match &args.errors {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    for (ann, ti) in &pairs {
        let text = &texts[*ti].1;
        let raw = std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
        let gold = parse_ann(&raw, text).with_context(|| format!("{}", ann.display()))?;
        let mut one = Tally::default();
        one.add(text, &gold, &predicted[*ti]);
        if let Some(w) = errors.as_mut() {
            writeln!(w, "## {}", ann.display())?;
            let show = |s: &Span| format!("[{}]", text.get(s.start..s.end).unwrap_or("?").replace('\n', " "));
            for g in &gold {
                let src = g.source.as_ref().map(|f| f.iter().map(show).collect::<String>()).unwrap_or_default();
                let cue: String = g.cue.iter().map(show).collect();
                let content: String = g.content.iter().map(show).collect();
                let at = g.cue.first().map_or(0, |c| c.start);
                let to = g.cue.last().map_or(0, |c| c.end);
                writeln!(w, "G\t{src}\t{cue}\t{content}\t@{at}-{to}")?;
            }
            for p in &predicted[*ti] {
                let src = p.source.as_ref().map(show).unwrap_or_default();
                writeln!(w, "P\t{src}\t{}\t{}\t@{}-{}", show(&p.cue), show(&p.content), p.cue.start, p.cue.end)?;
            }
        }
        merge(&mut tally, &one);
    }
    println!(
        "PolNeAR {}: {} annotation files over {} articles; {} gold attributions, {} predicted, {} paired",
        args.data.display(),
        tally.documents,
        texts.len(),
        tally.gold_attributions,
        tally.predicted_attributions,
        tally.paired
    );
    println!("{}", tally.table());
    println!(
        "analysis (engine, all stages): {:.3} s for {} articles = {:.0} articles/s on {} threads",
        elapsed,
        texts.len(),
        texts.len() as f64 / elapsed.max(1e-9),
        rayon::current_num_threads()
    );
    Ok(ExitCode::SUCCESS)
}

/// `--agreement`: every annotator against every other one on the same article.
fn agreement(args: &Args, texts: &[(String, String)], pairs: &[(PathBuf, usize)]) -> anyhow::Result<ExitCode> {
    let mut by_text: Vec<Vec<Vec<corroborate_eval::attribution::GoldAttribution>>> = vec![Vec::new(); texts.len()];
    for (ann, ti) in pairs {
        let text = &texts[*ti].1;
        let raw = std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
        by_text[*ti].push(parse_ann(&raw, text).with_context(|| format!("{}", ann.display()))?);
    }
    let mut tally = Tally::default();
    let mut articles = 0;
    for (ti, anns) in by_text.iter().enumerate().filter(|(_, a)| a.len() > 1) {
        articles += 1;
        for (i, gold) in anns.iter().enumerate() {
            for (j, other) in anns.iter().enumerate() {
                if i != j {
                    tally.add_annotations(&texts[ti].1, gold, other);
                }
            }
        }
    }
    anyhow::ensure!(articles > 0, "no article of {} has more than one annotation file", args.data.display());
    println!(
        "PolNeAR {}: annotators against each other on {} articles with several annotations ({} ordered pairs of annotation files); {} attributions as gold, {} paired",
        args.data.display(),
        articles,
        tally.documents,
        tally.gold_attributions,
        tally.paired
    );
    println!("{}", tally.table());
    Ok(ExitCode::SUCCESS)
}

fn merge(into: &mut Tally, one: &Tally) {
    for (a, b) in [(&mut into.source, &one.source), (&mut into.cue, &one.cue), (&mut into.content, &one.content)] {
        a.predicted += b.predicted;
        a.gold += b.gold;
        a.exact += b.exact;
        a.any += b.any;
        a.partial_p += b.partial_p;
        a.partial_r += b.partial_r;
    }
    into.documents += one.documents;
    into.gold_attributions += one.gold_attributions;
    into.predicted_attributions += one.predicted_attributions;
    into.paired += one.paired;
}

/// The word clusters the taggers see ([`corroborate_attribution::learned::WordClusters`]): the whole words of the bundled
/// static embedding table in 1,024 fine clusters of 64 coarse ones (15 rounds of spherical k-means
/// each; measured against 256/32, 512/32 and 2,048/128 on dev and three train/ folds), as the
/// `clusters.tsv` text and parsed.
fn word_clusters() -> anyhow::Result<(String, corroborate_attribution::learned::WordClusters)> {
    use std::fmt::Write;
    let table = corroborate_embed::StaticEmbeddings::bundled().context("the bundled embedding table")?;
    let mut tsv = String::new();
    for c in corroborate_embed::clusters::word_clusters(&table, 1024, 64, 15) {
        writeln!(tsv, "{}\t{}\t{}", c.word, c.coarse, c.fine).expect("writing to a string");
    }
    let parsed = corroborate_attribution::learned::WordClusters::from_tsv(&tsv)?;
    Ok((tsv, parsed))
}

/// The words that lean female or male in the bundled static embedding table
/// (`corroborate_embed::gender`), which speaker resolution consults for first names, as the
/// `genders.tsv` text: `word<TAB>f` or `word<TAB>m` per line.
fn word_genders() -> anyhow::Result<String> {
    use std::fmt::Write;
    let table = corroborate_embed::StaticEmbeddings::bundled().context("the bundled embedding table")?;
    let mut tsv = String::new();
    for (w, female) in corroborate_embed::gender::gendered_words(&table) {
        writeln!(tsv, "{w}\t{}", if female { 'f' } else { 'm' }).expect("writing to a string");
    }
    Ok(tsv)
}

/// `--train-model`: tokenizes every annotated article the way the engine does and trains the taggers.
fn train_model(
    args: &Args,
    out: &std::path::Path,
    texts: &[(String, String)],
    pairs: &[(PathBuf, usize)],
) -> anyhow::Result<ExitCode> {
    use corroborate_attribution::learned;
    let prepared: Vec<(Vec<corroborate_nlp::Token>, Vec<Span>)> = texts
        .iter()
        .map(|(id, text)| {
            let a = article(id, text.clone());
            let r = corroborate_engine::regions(&a);
            let toks = corroborate_nlp::tokenize(text, &r.markup);
            let sents = corroborate_nlp::sentences(text, &toks, &r.skip);
            (toks, sents)
        })
        .collect();
    let mut golds: Vec<(usize, Vec<learned::GoldParts>)> = Vec::new();
    for (ann, ti) in pairs {
        let text = &texts[*ti].1;
        let raw = std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
        let gold = parse_ann(&raw, text).with_context(|| format!("{}", ann.display()))?;
        golds.push((*ti, gold.into_iter().map(|g| (g.source.unwrap_or_default(), g.cue, g.content)).collect()));
    }
    let examples: Vec<learned::Example> = golds
        .iter()
        .map(|(ti, g)| learned::Example {
            text: &texts[*ti].1,
            toks: &prepared[*ti].0,
            sents: &prepared[*ti].1,
            gold: g,
        })
        .collect();
    let ud_path = args.pos_data.join("en_ewt-train.conllu");
    let ud = std::fs::read_to_string(&ud_path).with_context(|| format!("cannot read {}", ud_path.display()))?;
    let pos = learned::train_pos(&learned::read_conllu(&ud), learned::POS_EPOCHS);
    // the cue and role taggers learn from the tags the stored part-of-speech tagger gives at run
    // time: its weights as `pos.bin` keeps them (16-bit), not the training's floats
    let pos = learned::Perceptron::from_bytes(&pos.to_bytes()).context("the part-of-speech tagger round-trips")?;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let started = std::time::Instant::now();
    let clusters = word_clusters()?;
    eprintln!("word clusters: {} words ({:.0} s)", clusters.1.len(), started.elapsed().as_secs_f64());
    let path = out.join("clusters.tsv");
    std::fs::write(&path, &clusters.0).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {}", path.display());
    let path = out.join("genders.tsv");
    std::fs::write(&path, word_genders()?).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {}", path.display());
    let model = learned::train(&examples, Some(pos), Some(clusters.1), args.epochs, |e, cue, role| {
        eprintln!(
            "epoch {e}: training accuracy cue {cue:.4}, role {role:.4} ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    });
    let pos = model.pos.as_ref().context("the model has its part-of-speech tagger")?;
    for (name, m) in [("pos.bin", pos), ("cue.bin", &model.cue), ("role.bin", &model.role)] {
        let path = out.join(name);
        std::fs::write(&path, m.to_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
