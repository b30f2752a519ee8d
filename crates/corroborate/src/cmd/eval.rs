//! `corroborate eval <set>`: accuracy on the public data of ../shared/eval. One variant per set, each
//! in its own module (`eval_<set>.rs`); the metric code lives in the `corroborate-eval` crate.
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Article-body extraction on the scrapinghub benchmark pages (shingle F1, pages/s).
    Extraction(super::eval_extraction::Args),
    /// Attribution (source, cue, content) on PolNeAR brat annotations.
    Attribution(super::eval_attribution::Args),
    /// FNC-1 stance: train on a body-disjoint part of the training data, score the rest.
    Stance(super::eval_stance::StanceArgs),
    /// Outlet tables: ratings table fidelity and load time, EUvsDisinfo outlet coverage, seeds.
    Sources(super::eval_sources::SourcesArgs),
    /// Persuasion techniques (SemEval-2020 Task 11): SI F1 and TC micro-F1 on the dev split.
    Propaganda(super::eval_propaganda::Args),
    /// Story clustering: B-cubed precision, recall and F1 on FNC-1 stories and the UCI sample.
    Clustering(super::eval_clustering::ClusteringArgs),
    /// Contradictions between articles on FNC-1: do bodies that disagree with a headline dispute what
    /// the agreeing ones affirm?
    Contradictions(super::eval_contradictions::Args),
    /// Story clustering at scale: the BBC bulk corpus repeated with variations; time and memory.
    ClusteringScale(super::eval_clustering::ScaleArgs),
    /// Sentence embeddings: speed, and agreement of the static table with the transformer.
    Embeddings(super::eval_clustering::EmbeddingsArgs),
    /// Known narratives on the EUvsDisinfo case titles, labelled by the cases' keywords.
    Narratives(super::eval_narratives::Args),
}

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Extraction(args) => super::eval_extraction::run(args),
        EvalCommand::Attribution(args) => super::eval_attribution::run(args),
        EvalCommand::Stance(args) => super::eval_stance::stance(args),
        EvalCommand::Sources(args) => super::eval_sources::sources(args),
        EvalCommand::Propaganda(args) => super::eval_propaganda::run(args),
        EvalCommand::Clustering(args) => super::eval_clustering::clustering(args),
        EvalCommand::Contradictions(args) => super::eval_contradictions::run(args),
        EvalCommand::ClusteringScale(args) => super::eval_clustering::scale(args),
        EvalCommand::Embeddings(args) => super::eval_clustering::embeddings(args),
        EvalCommand::Narratives(args) => super::eval_narratives::run(args),
    }
}
