//! Fine-tuning the top layers of all-MiniLM-L6-v2 on the span labels (feature `contextual`), and
//! scoring the fine-tuned token model alone and averaged with the hashed-feature span model.
//!
//! Our own BERT forward pass over the safetensors weights (candle-transformers' `BertModel` gives
//! only the last layer and cannot freeze the lower ones): the lower layers' outputs of every window
//! are computed once and cached (`CACHE`, raw `f32`), the top `top` layers (initialised from the
//! pretrained weights) and a token head (inside/outside, logistic) are trained with AdamW and candle's
//! autograd on four fifths of the training split ("fit"); every epoch the fifth held out ("held")
//! and the dev split are scored with the task's SI measure, the decoding thresholds (and the weight
//! of the average with the hashed model) chosen on held.
//!
//! `cargo run --release -p corroborate-techniques --features contextual --example finetune --
//! DATA MODEL_DIR CACHE [key=value ...]`; `verify` as the only setting checks the forward pass
//! against candle-transformers' (the word states of three articles).

#[allow(dead_code)]
mod common;

use candle_core::{Device, Module, Tensor, Var, D};
use candle_nn::{AdamW, Linear, Optimizer, ParamsAdamW};
use corroborate_embed::transformer::MiniLm;
use corroborate_embed::wordpiece::WordPiece;
use corroborate_eval::propaganda::{self, PtcArticle};
use corroborate_model::Span;
use corroborate_techniques::{contextual, decode, threshold_grid, train, Detector, Example, TrainOptions};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

type Res<T> = candle_core::Result<T>;

const H: usize = 384;
const HEADS: usize = 12;
const LAYERS: usize = 6;
/// Pieces per window without `[CLS]` and `[SEP]`.
const ROOM: usize = 254;
/// Core pieces of the overlapping windows used for scoring (as `MiniLm::word_states`).
const CORE: usize = 128;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn normal(&mut self) -> f32 {
        let (u, v) = (self.unit().max(1e-7), self.unit());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f32::consts::PI * v).cos()
    }
}

fn layer_norm(x: &Tensor, w: &Tensor, b: &Tensor) -> Res<Tensor> {
    let mean = x.mean_keepdim(D::Minus1)?;
    let xc = x.broadcast_sub(&mean)?;
    let var = xc.sqr()?.mean_keepdim(D::Minus1)?;
    xc.broadcast_div(&(var + 1e-12)?.sqrt()?)?.broadcast_mul(w)?.broadcast_add(b)
}

/// Inverted dropout with a mask from our own generator (so that runs are reproducible).
fn dropout(x: &Tensor, p: f32, rng: Option<&mut Rng>) -> Res<Tensor> {
    let Some(rng) = rng else { return Ok(x.clone()) };
    if p <= 0.0 {
        return Ok(x.clone());
    }
    let keep = 1.0 / (1.0 - p);
    let mask: Vec<f32> = (0..x.elem_count()).map(|_| if rng.unit() < p { 0.0 } else { keep }).collect();
    x.mul(&Tensor::from_vec(mask, x.shape(), x.device())?)
}

struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    o: Linear,
    ln1: (Tensor, Tensor),
    i: Linear,
    o2: Linear,
    ln2: (Tensor, Tensor),
}

impl Layer {
    /// Layer `n` of the weights; with `vars`, every tensor becomes a trainable variable.
    fn load(w: &HashMap<String, Tensor>, n: usize, mut vars: Option<&mut Vec<(String, Var)>>) -> Res<Layer> {
        let mut get = |name: &str| -> Res<Tensor> {
            let key = format!("encoder.layer.{n}.{name}");
            let t = w.get(&key).ok_or_else(|| candle_core::Error::Msg(format!("no tensor {key}")))?.clone();
            match vars.as_deref_mut() {
                Some(v) => {
                    let var = Var::from_tensor(&t)?;
                    let t = var.as_tensor().clone();
                    v.push((key, var));
                    Ok(t)
                }
                None => Ok(t),
            }
        };
        let mut lin = |p: &str| -> Res<Linear> {
            let w = get(&format!("{p}.weight"))?;
            Ok(Linear::new(w, Some(get(&format!("{p}.bias"))?)))
        };
        let q = lin("attention.self.query")?;
        let k = lin("attention.self.key")?;
        let v = lin("attention.self.value")?;
        let o = lin("attention.output.dense")?;
        let i = lin("intermediate.dense")?;
        let o2 = lin("output.dense")?;
        let ln1 = (get("attention.output.LayerNorm.weight")?, get("attention.output.LayerNorm.bias")?);
        let ln2 = (get("output.LayerNorm.weight")?, get("output.LayerNorm.bias")?);
        Ok(Layer { q, k, v, o, ln1, i, o2, ln2 })
    }

    /// `x`: `(b, l, H)`; `mask`: additive, `(b, 1, 1, l)`.
    fn forward(&self, x: &Tensor, mask: Option<&Tensor>, p: f32, mut rng: Option<&mut Rng>) -> Res<Tensor> {
        let (b, l, _) = x.dims3()?;
        let d = H / HEADS;
        let heads = |t: Tensor| -> Res<Tensor> { t.reshape((b, l, HEADS, d))?.transpose(1, 2)?.contiguous() };
        let q = heads(self.q.forward(x)?)?;
        let k = heads(self.k.forward(x)?)?;
        let v = heads(self.v.forward(x)?)?;
        let mut scores = (q.matmul(&k.t()?.contiguous()?)? / (d as f64).sqrt())?;
        if let Some(m) = mask {
            scores = scores.broadcast_add(m)?;
        }
        let att = candle_nn::ops::softmax(&scores, D::Minus1)?;
        let ctx = att.matmul(&v)?.transpose(1, 2)?.contiguous()?.reshape((b, l, H))?;
        let a = dropout(&self.o.forward(&ctx)?, p, rng.as_deref_mut())?;
        let a = layer_norm(&(a + x)?, &self.ln1.0, &self.ln1.1)?;
        let f = self.i.forward(&a)?.gelu_erf()?;
        let f = dropout(&self.o2.forward(&f)?, p, rng)?;
        layer_norm(&(f + a)?, &self.ln2.0, &self.ln2.1)
    }
}

/// The embeddings of one window's ids (`[CLS]`..`[SEP]` included): `(1, l, H)`.
fn embed(w: &HashMap<String, Tensor>, ids: &[u32], dev: &Device) -> Res<Tensor> {
    let idt = Tensor::new(ids, dev)?;
    let we = w["embeddings.word_embeddings.weight"].index_select(&idt, 0)?;
    let pe = w["embeddings.position_embeddings.weight"].narrow(0, 0, ids.len())?;
    let te = w["embeddings.token_type_embeddings.weight"].narrow(0, 0, 1)?;
    let x = (we + pe)?.broadcast_add(&te)?;
    layer_norm(&x, &w["embeddings.LayerNorm.weight"], &w["embeddings.LayerNorm.bias"])?.unsqueeze(0)
}

/// One article as the encoder sees it.
struct Art {
    text: String,
    gold: Vec<Span>,
    /// Byte ranges of the encoder's words.
    words: Vec<(usize, usize)>,
    pieces: Vec<u32>,
    /// Word of each piece.
    owner: Vec<usize>,
    /// 1 for pieces of words inside a gold span.
    label: Vec<f32>,
}

fn art(a: &PtcArticle, wp: &WordPiece) -> Art {
    let words = WordPiece::basic_words_with_offsets(&a.text);
    let (mut pieces, mut owner, mut ranges, mut label) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, (w, s, e)) in words.iter().enumerate() {
        let before = pieces.len();
        wp.word_ids(w, &mut pieces);
        let inside = a.si.iter().any(|g| g.start < *e && *s < g.end);
        owner.extend(std::iter::repeat_n(i, pieces.len() - before));
        label.extend(std::iter::repeat_n(inside as u8 as f32, pieces.len() - before));
        ranges.push((*s, *e));
    }
    Art { text: a.text.clone(), gold: a.si.clone(), words: ranges, pieces, owner, label }
}

/// Windows over `n` pieces as `MiniLm::word_states` makes them, with `core` pieces kept per window:
/// (start, end, core start, core end). `core == ROOM` gives windows side by side.
fn windows(n: usize, core: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut c = 0;
    let side = (ROOM - core) / 2;
    while c < n {
        let ce = if n <= ROOM { n } else { (c + core).min(n) };
        let mut s = c.saturating_sub(side);
        let e = (s + ROOM).min(n);
        s = s.min(e.saturating_sub(ROOM)).min(c);
        out.push((s, e, c, ce));
        c = ce;
    }
    out
}

/// A window of an article with the cached states at the input of the first layer above the cut
/// (`(e - s + 2) * H` values: `[CLS]`, the pieces, `[SEP]`).
struct Win {
    art: usize,
    s: usize,
    e: usize,
    cs: usize,
    ce: usize,
    states: Vec<f32>,
}

struct Encoder {
    w: HashMap<String, Tensor>,
    cls: u32,
    sep: u32,
    dev: Device,
}

impl Encoder {
    fn ids(&self, a: &Art, s: usize, e: usize) -> Vec<u32> {
        let mut ids = vec![self.cls];
        ids.extend_from_slice(&a.pieces[s..e]);
        ids.push(self.sep);
        ids
    }

    /// States after the first `cut` layers for the windows of `arts` (each list of windows made with
    /// `core`).
    fn lower(&self, arts: &[(usize, &Art)], core: usize, cut: usize) -> Res<Vec<Win>> {
        let layers: Vec<Layer> = (0..cut).map(|n| Layer::load(&self.w, n, None)).collect::<Res<_>>()?;
        let mut out = Vec::new();
        let t = Instant::now();
        for (k, &(ai, a)) in arts.iter().enumerate() {
            for (s, e, cs, ce) in windows(a.pieces.len(), core) {
                let mut x = embed(&self.w, &self.ids(a, s, e), &self.dev)?;
                for l in &layers {
                    x = l.forward(&x, None, 0.0, None)?;
                }
                out.push(Win { art: ai, s, e, cs, ce, states: x.flatten_all()?.to_vec1()? });
            }
            if k % 25 == 24 {
                eprintln!("  lower layers: {} articles, {:.2}/s", k + 1, (k + 1) as f64 / t.elapsed().as_secs_f64());
            }
        }
        Ok(out)
    }
}

fn write_cache(path: &Path, wins: &[Win]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(&(wins.len() as u64).to_le_bytes())?;
    for w in wins {
        for v in [w.art, w.s, w.e, w.cs, w.ce] {
            out.write_all(&(v as u64).to_le_bytes())?;
        }
        let bytes: Vec<u8> = w.states.iter().flat_map(|x| x.to_le_bytes()).collect();
        out.write_all(&bytes)?;
    }
    out.flush()
}

fn read_cache(path: &Path) -> std::io::Result<Vec<Win>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.read_to_end(&mut bytes)?;
    let mut pos = 0;
    let u = |pos: &mut usize| {
        let v = u64::from_le_bytes(bytes[*pos..*pos + 8].try_into().expect("8 bytes")) as usize;
        *pos += 8;
        v
    };
    let n = u(&mut pos);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (art, s, e, cs, ce) = (u(&mut pos), u(&mut pos), u(&mut pos), u(&mut pos), u(&mut pos));
        let len = (e - s + 2) * H;
        let states = bytes[pos..pos + 4 * len]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        pos += 4 * len;
        out.push(Win { art, s, e, cs, ce, states });
    }
    Ok(out)
}

/// The trainable part: the top layers and the token head.
struct Top {
    layers: Vec<Layer>,
    head: Linear,
}

impl Top {
    /// Logits `(b, l)` of a batch of windows' states `(b, l, H)`.
    fn forward(&self, x: &Tensor, mask: Option<&Tensor>, p: f32, mut rng: Option<&mut Rng>) -> Res<Tensor> {
        let mut x = x.clone();
        for l in &self.layers {
            x = l.forward(&x, mask, p, rng.as_deref_mut())?;
        }
        let x = dropout(&x, p, rng)?;
        self.head.forward(&x)?.squeeze(D::Minus1)
    }
}

/// Per-word probabilities of each article with windows `wins` (overlapping, each piece from its
/// core window; a word's probability is the mean of its pieces').
fn predict(top: &Top, wins: &[Win], arts: &[Art], dev: &Device) -> Res<HashMap<usize, Vec<f32>>> {
    let mut sums: HashMap<usize, (Vec<f32>, Vec<u32>)> = HashMap::new();
    for w in wins {
        let a = &arts[w.art];
        let l = w.e - w.s + 2;
        let x = Tensor::from_slice(&w.states, (1, l, H), dev)?;
        let p: Vec<f32> = candle_nn::ops::sigmoid(&top.forward(&x, None, 0.0, None)?)?.flatten_all()?.to_vec1()?;
        let (s, c) = sums.entry(w.art).or_insert_with(|| (vec![0.0; a.words.len()], vec![0; a.words.len()]));
        for k in w.cs..w.ce {
            s[a.owner[k]] += p[k - w.s + 1];
            c[a.owner[k]] += 1;
        }
    }
    Ok(sums
        .into_iter()
        .map(|(k, (s, c))| (k, s.iter().zip(&c).map(|(v, n)| v / (*n).max(1) as f32).collect()))
        .collect())
}

struct Opts {
    top: usize,
    cut: usize,
    epochs: usize,
    lr: f64,
    head_lr: f64,
    batch: usize,
    drop: f32,
    seed: u64,
    train_core: usize,
    wd: f64,
}

fn parse(args: &[String]) -> Opts {
    let mut o = Opts {
        top: 2,
        cut: 3,
        epochs: 4,
        lr: 1e-4,
        head_lr: 1e-3,
        batch: 8,
        drop: 0.1,
        seed: 20200911,
        train_core: ROOM,
        wd: 0.01,
    };
    for kv in args {
        let (k, v) = kv.split_once('=').expect("key=value");
        match k {
            "top" => o.top = v.parse().expect("top"),
            "cut" => o.cut = v.parse().expect("cut"),
            "epochs" => o.epochs = v.parse().expect("epochs"),
            "lr" => o.lr = v.parse().expect("lr"),
            "head_lr" => o.head_lr = v.parse().expect("head_lr"),
            "batch" => o.batch = v.parse().expect("batch"),
            "drop" => o.drop = v.parse().expect("drop"),
            "seed" => o.seed = v.parse().expect("seed"),
            "train_core" => o.train_core = v.parse().expect("train_core"),
            "wd" => o.wd = v.parse().expect("wd"),
            _ => panic!("unknown setting {k}"),
        }
    }
    assert!(o.top >= 1 && o.top <= LAYERS - o.cut, "top must be 1..={}", LAYERS - o.cut);
    o
}

/// Token probabilities of the hashed model and of the fine-tuned one, per article of a split.
struct Scored<'a> {
    docs: Vec<corroborate_techniques::features::Doc<'a>>,
    hashed: Vec<Vec<f32>>,
    gold: Vec<Vec<Span>>,
    texts: Vec<&'a str>,
}

fn scored<'a>(d: &Detector, arts: &'a [Art], idx: &[usize]) -> Scored<'a> {
    let mut s = Scored { docs: Vec::new(), hashed: Vec::new(), gold: Vec::new(), texts: Vec::new() };
    for &i in idx {
        let (doc, p) = d.token_probs(&arts[i].text);
        s.docs.push(doc);
        s.hashed.push(p);
        s.gold.push(arts[i].gold.clone());
        s.texts.push(&arts[i].text);
    }
    s
}

/// Token probabilities of the mix `w * fine-tuned + (1 - w) * hashed`.
fn mix(s: &Scored, arts: &[Art], idx: &[usize], words: &HashMap<usize, Vec<f32>>, w: f32) -> Vec<Vec<f32>> {
    idx.iter()
        .enumerate()
        .map(|(k, &i)| {
            let ft = contextual::token_vectors(&s.docs[k], &arts[i].words, &words[&i], 1);
            ft.iter().zip(&s.hashed[k]).map(|(f, h)| w * f + (1.0 - w) * h).collect()
        })
        .collect()
}

fn si_prf(s: &Scored, probs: &[Vec<f32>], t: f32, m: f32) -> propaganda::Prf {
    let pred: Vec<Vec<Span>> =
        s.docs.iter().zip(probs).map(|(d, p)| decode(d, p, t, m).into_iter().map(|x| x.0).collect()).collect();
    let rows: Vec<(&str, &[Span], &[Span])> =
        s.texts.iter().zip(&pred).zip(&s.gold).map(|((t, p), g)| (*t, p.as_slice(), g.as_slice())).collect();
    propaganda::si_score(&rows)
}

fn verify(enc: &Encoder, lm: &MiniLm, arts: &[Art]) -> Res<()> {
    let layers: Vec<Layer> = (0..LAYERS).map(|n| Layer::load(&enc.w, n, None)).collect::<Res<_>>()?;
    let mut worst = 0f32;
    for a in arts.iter().take(3) {
        let (ranges, want) = lm.word_states(&a.text).expect("encoder");
        assert_eq!(ranges, a.words);
        let mut sums = vec![0f32; a.words.len() * H];
        let mut counts = vec![0u32; a.words.len()];
        for (s, e, cs, ce) in windows(a.pieces.len(), CORE) {
            let mut x = embed(&enc.w, &enc.ids(a, s, e), &enc.dev)?;
            for l in &layers {
                x = l.forward(&x, None, 0.0, None)?;
            }
            let flat: Vec<f32> = x.flatten_all()?.to_vec1()?;
            for p in cs..ce {
                let row = &flat[(p - s + 1) * H..][..H];
                for (acc, v) in sums[a.owner[p] * H..][..H].iter_mut().zip(row) {
                    *acc += v;
                }
                counts[a.owner[p]] += 1;
            }
        }
        for (w, &n) in counts.iter().enumerate() {
            for v in &mut sums[w * H..(w + 1) * H] {
                *v /= n.max(1) as f32;
            }
        }
        let diff = sums.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(0f32, f32::max);
        println!("{} words, {} pieces: max |ours - candle-transformers| = {diff:.2e}", a.words.len(), a.pieces.len());
        worst = worst.max(diff);
    }
    println!("worst {worst:.2e}");
    Ok(())
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (data, model, cache) = (&args[0], Path::new(&args[1]), &args[2]);
    let (articles, _) = propaganda::load(Path::new(data)).expect("corpus");
    let lm = MiniLm::load(model).expect("MiniLM");
    let dev = Device::Cpu;
    let w = candle_core::safetensors::load(model.join("model.safetensors"), &dev)?;
    let wp = lm.wordpiece();
    let enc = Encoder { w, cls: wp.id("[CLS]").expect("[CLS]"), sep: wp.id("[SEP]").expect("[SEP]"), dev: dev.clone() };
    // Articles in corpus order; the splits as `eval propaganda` and the `sweep` example make them.
    let arts: Vec<Art> = articles.iter().map(|a| art(a, wp)).collect();
    if args.get(3).map(String::as_str) == Some("verify") {
        return verify(&enc, &lm, &arts);
    }
    let o = parse(&args[3..]);
    let tr: Vec<usize> = (0..articles.len()).filter(|&i| !propaganda::is_dev(&articles[i].id)).collect();
    let dv: Vec<usize> = (0..articles.len()).filter(|&i| propaganda::is_dev(&articles[i].id)).collect();
    let fit: Vec<usize> = tr.iter().enumerate().filter(|(k, _)| k % 5 != 2).map(|x| *x.1).collect();
    let held: Vec<usize> = tr.iter().enumerate().filter(|(k, _)| k % 5 == 2).map(|x| *x.1).collect();
    let pieces = |v: &[usize]| v.iter().map(|&i| arts[i].pieces.len()).sum::<usize>();
    eprintln!(
        "fit {} articles ({} pieces), held {} ({}), dev {} ({})",
        fit.len(),
        pieces(&fit),
        held.len(),
        pieces(&held),
        dv.len(),
        pieces(&dv)
    );

    // Lower layers, cached: windows side by side (or overlapping) for fit, overlapping for scoring.
    let t = Instant::now();
    let fit_path = format!("{cache}-fit-cut{}-core{}.bin", o.cut, o.train_core);
    let eval_path = format!("{cache}-eval-cut{}.bin", o.cut);
    let load_or = |path: &str, idx: &[usize], core: usize| -> Res<Vec<Win>> {
        if let Ok(w) = read_cache(Path::new(path)) {
            return Ok(w);
        }
        let list: Vec<(usize, &Art)> = idx.iter().map(|&i| (i, &arts[i])).collect();
        let w = enc.lower(&list, core, o.cut)?;
        write_cache(Path::new(path), &w).expect("writing the cache");
        Ok(w)
    };
    let mut fit_w = load_or(&fit_path, &fit, o.train_core)?;
    let eval_idx: Vec<usize> = held.iter().chain(&dv).copied().collect();
    let mut eval_w = load_or(&eval_path, &eval_idx, CORE)?;
    eprintln!("lower layers ready in {:.1} s ({} + {} windows)", t.elapsed().as_secs_f64(), fit_w.len(), eval_w.len());
    // Frozen layers between the cut and the trained ones, applied once.
    for n in o.cut..LAYERS - o.top {
        let l = Layer::load(&enc.w, n, None)?;
        for win in fit_w.iter_mut().chain(eval_w.iter_mut()) {
            let x = Tensor::from_slice(&win.states, (1, win.e - win.s + 2, H), &dev)?;
            win.states = l.forward(&x, None, 0.0, None)?.flatten_all()?.to_vec1()?;
        }
    }

    // The hashed span model trained on fit (its thresholds tuned out of fold on fit, as shipped).
    let t = Instant::now();
    let examples: Vec<Example> = fit.iter().map(|&i| common::example(&articles[i], None)).collect();
    let hashed = train(&examples, TrainOptions::default(), &common::si);
    eprintln!("hashed model trained on fit in {:.1} s", t.elapsed().as_secs_f64());
    let held_s = scored(&hashed, &arts, &held);
    let dev_s = scored(&hashed, &arts, &dv);
    let p = si_prf(&held_s, &held_s.hashed, hashed.threshold, hashed.min_span_score);
    let q = si_prf(&dev_s, &dev_s.hashed, hashed.threshold, hashed.min_span_score);
    println!(
        "hashed model alone (its own thresholds): held SI {:.4}, dev SI {:.4} (P {:.4} R {:.4})",
        p.f1, q.f1, q.precision, q.recall
    );

    // The trainable top.
    let mut rng = Rng(o.seed);
    let mut layer_vars = Vec::new();
    let layers: Vec<Layer> =
        (LAYERS - o.top..LAYERS).map(|n| Layer::load(&enc.w, n, Some(&mut layer_vars))).collect::<Res<_>>()?;
    let positives: f32 = fit.iter().flat_map(|&i| arts[i].label.iter()).sum::<f32>() / pieces(&fit) as f32;
    let hw: Vec<f32> = (0..H).map(|_| rng.normal() * 0.02).collect();
    let head_w = Var::from_tensor(&Tensor::from_vec(hw, (1, H), &dev)?)?;
    let head_b = Var::from_tensor(&Tensor::new(&[(positives / (1.0 - positives)).ln()], &dev)?)?;
    let top = Top { layers, head: Linear::new(head_w.as_tensor().clone(), Some(head_b.as_tensor().clone())) };
    let params = |lr| ParamsAdamW { lr, weight_decay: o.wd, ..Default::default() };
    let mut opt_l = AdamW::new(layer_vars.iter().map(|x| x.1.clone()).collect(), params(o.lr))?;
    let mut opt_h = AdamW::new(vec![head_w.clone(), head_b.clone()], params(o.head_lr))?;
    let steps_per_epoch = fit_w.len().div_ceil(o.batch);
    let total = steps_per_epoch * o.epochs;
    let warm = (total / 10).max(1);
    let mut step = 0;
    println!(
        "top={} cut={} epochs={} lr={} head_lr={} batch={} drop={} wd={} train_core={} seed={}: {} trainable tensors, positives {positives:.3}",
        o.top, o.cut, o.epochs, o.lr, o.head_lr, o.batch, o.drop, o.wd, o.train_core, o.seed, layer_vars.len() + 2
    );
    for epoch in 1..=o.epochs {
        let t = Instant::now();
        let mut order: Vec<usize> = (0..fit_w.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let (mut loss_sum, mut n_batches) = (0f64, 0);
        for batch in order.chunks(o.batch) {
            let l = batch.iter().map(|&k| fit_w[k].e - fit_w[k].s + 2).max().unwrap_or(2);
            let b = batch.len();
            let mut x = vec![0f32; b * l * H];
            let mut mask = vec![-1e9f32; b * l];
            let mut y = vec![0f32; b * l];
            let mut wt = vec![0f32; b * l];
            for (r, &k) in batch.iter().enumerate() {
                let win = &fit_w[k];
                let a = &arts[win.art];
                let n = win.e - win.s + 2;
                x[r * l * H..][..n * H].copy_from_slice(&win.states);
                mask[r * l..][..n].fill(0.0);
                for p in win.cs..win.ce {
                    y[r * l + p - win.s + 1] = a.label[p];
                    wt[r * l + p - win.s + 1] = 1.0;
                }
            }
            let wsum: f32 = wt.iter().sum();
            let x = Tensor::from_vec(x, (b, l, H), &dev)?;
            let mask = Tensor::from_vec(mask, (b, 1, 1, l), &dev)?;
            let y = Tensor::from_vec(y, (b, l), &dev)?;
            let wt = Tensor::from_vec(wt, (b, l), &dev)?;
            let z = top.forward(&x, Some(&mask), o.drop, Some(&mut rng))?;
            // stable logistic loss: max(z, 0) - z y + log(1 + exp(-|z|))
            let per = ((z.relu()? - (&z * &y)?)? + (z.abs()?.neg()?.exp()? + 1.0)?.log()?)?;
            let loss = ((per * &wt)?.sum_all()? / wsum.max(1.0) as f64)?;
            step += 1;
            let scale = if step <= warm {
                step as f64 / warm as f64
            } else {
                (total - step) as f64 / (total - warm).max(1) as f64
            };
            opt_l.set_learning_rate(o.lr * scale);
            opt_h.set_learning_rate(o.head_lr * scale);
            let grads = loss.backward()?;
            opt_l.step(&grads)?;
            opt_h.step(&grads)?;
            loss_sum += loss.to_scalar::<f32>()? as f64;
            n_batches += 1;
        }
        let train_secs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let words = predict(&top, &eval_w, &arts, &dev)?;
        let pred_secs = t.elapsed().as_secs_f64();
        println!(
            "epoch {epoch}: loss {:.4}, {train_secs:.0} s training, top layers on held+dev {:.2} articles/s",
            loss_sum / n_batches.max(1) as f64,
            eval_idx.len() as f64 / pred_secs
        );
        for w in [1.0f32, 0.75, 0.5, 0.25] {
            let hp = mix(&held_s, &arts, &held, &words, w);
            let dp = mix(&dev_s, &arts, &dv, &words, w);
            let mut best = f64::MIN;
            let (t, m) = threshold_grid(&mut best, |t, m| si_prf(&held_s, &hp, t, m).f1).unwrap_or((0.5, 0.0));
            let d = si_prf(&dev_s, &dp, t, m);
            println!(
                "  weight {w:.2}: thresholds {t:.2}/{m:.2}: held SI {best:.4}; dev SI {:.4} (P {:.4} R {:.4})",
                d.f1, d.precision, d.recall
            );
        }
    }
    Ok(())
}
