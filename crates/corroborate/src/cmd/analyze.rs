//! `corroborate analyze FILE...`: one JSON object per article (JSON Lines), in input order, streamed
//! in batches analysed in parallel.
use super::inputs;
use corroborate_model::AnalyzedArticle;
use corroborate_sources::signals::SourceProfile;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Inputs: text, HTML, JSON Lines (.jsonl), WARC (.warc), RSS/Atom feeds (.rss, .atom, .xml), any
    /// of them gzipped, directories (recursive), http(s) URLs; `-` for stdin.
    #[arg(required = true)]
    pub files: Vec<std::ffi::OsString>,
    /// Output format (JSON Lines is the only one for now; kept for scripts that pass it).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "json"])]
    pub format: String,
    /// Write to this file instead of standard output (`-`: standard output).
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
    /// Articles analysed together in one parallel batch (bounds memory).
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Run only these stages (comma-separated), with the ones they need: attribution brings
    /// entities, narratives brings attribution; tokens and sentences always run. The fields of the
    /// others stay empty and each article's JSON lists the stages run in `stages`. Default: all.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub stages: Vec<Stage>,
    #[command(flatten)]
    pub ratings: super::source::RatingsArgs,
    #[command(flatten)]
    pub read: inputs::ReadArgs,
}

/// A stage of `--stages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    Entities,
    /// quotes and reported speech with speakers, and the voice's stance
    Attribution,
    Techniques,
    Narratives,
}

/// Texts from this many bytes on have their JSON written straight to the output, in input order
/// after their batch's analysis, instead of into a line of their own in parallel: an article's JSON
/// runs to 9 to 18 times its text (545 MB for a 31 MB text of short sentences, held on top of the
/// analysis). News articles are far shorter (the corpus's longest is 34 KB).
const STREAM_BYTES: usize = 1 << 20;

/// An analysed article of a batch, ready to be written: its JSON line, or for a long text
/// ([`STREAM_BYTES`]), the analysis itself, serialised as it is written.
enum Done {
    Line(Vec<u8>),
    Whole(Box<(AnalyzedArticle, Option<SourceProfile>)>),
}

impl Done {
    /// An article and its source profile, serialised now unless its text is long. `stages`: the
    /// stages run, when not all were.
    fn new(
        a: AnalyzedArticle,
        profile: Option<SourceProfile>,
        stages: Option<&[&'static str]>,
    ) -> serde_json::Result<Done> {
        if a.article.text.len() >= STREAM_BYTES {
            return Ok(Done::Whole(Box::new((a, profile))));
        }
        // an article's JSON runs to about eight times its text: one allocation, no regrowth
        let mut line = Vec::with_capacity(a.article.text.len() * 9 + 4096);
        serde_json::to_writer(&mut line, &article_json(&a, profile.as_ref(), stages))?;
        line.push(b'\n');
        Ok(Done::Line(line))
    }

    /// Writes the article's JSON line.
    fn write_to(self, out: &mut impl Write, stages: Option<&[&'static str]>) -> std::io::Result<()> {
        match self {
            Done::Line(line) => out.write_all(&line),
            Done::Whole(whole) => {
                let (a, profile) = &*whole;
                serde_json::to_writer(&mut *out, &article_json(a, profile.as_ref(), stages))?;
                out.write_all(b"\n")
            }
        }
    }
}

/// The JSON of an analysed article, with its source profile and the stages run (when not all were).
fn article_json<'a>(
    a: &'a AnalyzedArticle,
    profile: Option<&SourceProfile>,
    stages: Option<&[&'static str]>,
) -> corroborate_report::json::ArticleJson<'a> {
    let mut v = corroborate_report::json::ArticleJson::new(a, None);
    if let Some(p) = profile {
        v = v.with_source_profile(p);
    }
    if let Some(names) = stages {
        v = v.with_stages(names);
    }
    v
}

/// The stages asked for (all when none is named), closed over what they need.
fn stages(asked: &[Stage]) -> corroborate_engine::Stages {
    use corroborate_engine::Stages;
    if asked.is_empty() {
        return Stages::ALL;
    }
    let on = |s| asked.contains(&s);
    Stages {
        entities: on(Stage::Entities),
        attribution: on(Stage::Attribution),
        techniques: on(Stage::Techniques),
        narratives: on(Stage::Narratives),
    }
    .closed()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let stages = stages(&args.stages);
    let partial = (stages != corroborate_engine::Stages::ALL).then(|| stages.names());
    inputs::refuse_overwrite(inputs::output_path(&args.output), &args.files, None, true)?;
    let mut out: Box<dyn Write> = match inputs::output_path(&args.output) {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let kb = args.ratings.knowledge()?;
    let partial = partial.as_deref();
    let mut failed = false;
    let result = inputs::for_each_batch_with(&args.files, args.batch.max(1), &args.read, |batch| {
        use rayon::prelude::*;
        failed |= inputs::report_failures(batch.iter());
        // analysis and serialisation in parallel; collect keeps input order
        let done: Vec<anyhow::Result<Done>> = batch
            .into_par_iter()
            .map(|a| {
                let a = corroborate_engine::analyze_with(a, stages);
                // the profile's sourcing signals are read from the attributions
                let profile = stages.attribution.then(|| corroborate_sources::signals::source_profile(&kb, &a));
                Ok(Done::new(a, profile, partial)?)
            })
            .collect();
        inputs::suspended(|| -> anyhow::Result<()> {
            for d in done {
                d?.write_to(&mut out, partial)?;
            }
            out.flush()?;
            Ok(())
        })
    });
    if let Err(e) = result {
        if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e);
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text is written as it is serialised, not into a line first, and its line is the
    /// same bytes either way.
    #[test]
    fn a_long_text_is_serialised_into_the_output_with_the_same_bytes() {
        let short = corroborate_engine::analyze(corroborate_model::Article::new("s", "The mayor said the dam held."));
        // (the short article's analysis: its spans are those of the long text's first sentence)
        let text = "The mayor said the dam held. ".repeat(STREAM_BYTES / 29 + 1);
        let long = corroborate_model::AnalyzedArticle {
            article: corroborate_model::Article::new("l", text),
            analysis: short.analysis.clone(),
        };
        let kb = corroborate_sources::Knowledge::builtin();
        for (a, streamed) in [(short, false), (long, true)] {
            let profile = Some(corroborate_sources::signals::source_profile(&kb, &a));
            let mut expected = serde_json::to_vec(&article_json(&a, profile.as_ref(), Some(&["entities"]))).unwrap();
            expected.push(b'\n');
            let done = Done::new(a, profile, Some(&["entities"])).unwrap();
            assert_eq!(matches!(done, Done::Whole(..)), streamed);
            let mut out = Vec::new();
            done.write_to(&mut out, Some(&["entities"])).unwrap();
            assert_eq!(out, expected);
        }
    }
}
