//! `corroborate analyze FILE...`: one JSON object per article (JSON Lines), in input order, streamed
//! in batches analysed in parallel.
use super::inputs;
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
    let mut failed = false;
    let result = inputs::for_each_batch_with(&args.files, args.batch.max(1), &args.read, |batch| {
        use rayon::prelude::*;
        failed |= inputs::report_failures(batch.iter());
        // analysis and serialisation in parallel; collect keeps input order
        let lines: Vec<anyhow::Result<Vec<u8>>> = batch
            .into_par_iter()
            .map(|a| {
                let a = corroborate_engine::analyze_with(a, stages);
                let mut v = corroborate_report::json::ArticleJson::new(&a, None);
                // the profile's sourcing signals are read from the attributions
                if stages.attribution {
                    v = v.with_source_profile(&corroborate_sources::signals::source_profile(&kb, &a));
                }
                if let Some(names) = &partial {
                    v = v.with_stages(names);
                }
                // an article's JSON runs to about eight times its text: one allocation, no regrowth
                let mut line = Vec::with_capacity(a.article.text.len() * 9 + 4096);
                serde_json::to_writer(&mut line, &v)?;
                line.push(b'\n');
                Ok(line)
            })
            .collect();
        inputs::suspended(|| -> anyhow::Result<()> {
            for line in lines {
                out.write_all(&line?)?;
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
