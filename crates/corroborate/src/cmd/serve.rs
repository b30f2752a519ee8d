//! `corroborate serve --db PATH [--addr 127.0.0.1:8080]`: the HTTP API and web app over a corpus.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus (from `corroborate ingest`).
    #[arg(long)]
    pub db: std::path::PathBuf,
    /// Address to listen on; loopback by default. Give 0.0.0.0:PORT only behind a proxy you trust.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Worker threads for the async runtime (the engine and SQLite run on the blocking pool).
    #[arg(long)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub ratings: super::source::RatingsArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::stories::open(&args.db)?;
    // held while serving: the server's connections come and go with its blocking threads, and a
    // `reanalyze` must not replace the file between them (it writes its report cache into it)
    let _lock = corroborate_store::CorpusLock::shared(&args.db)?;
    let kb = args.ratings.knowledge()?;
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    rt.build()?.block_on(corroborate_server::serve(args.db, args.addr, kb))?;
    Ok(ExitCode::SUCCESS)
}
