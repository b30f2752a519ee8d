//! The weight file format: little-endian, versioned, checked on load (a corrupt or foreign file is
//! an error, never a panic).

use crate::features::Idf;
use crate::gbdt::{Gbdt, Node, Tree};
use crate::{Error, Result};
use std::collections::HashMap;

pub(crate) const MAGIC: &[u8; 4] = b"CFNC";
pub(crate) const VERSION: u32 = 1;

#[derive(Default)]
pub(crate) struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn idf(&mut self, idf: &Idf) {
        self.f32(idf.default);
        self.f32(idf.avgdl);
        let mut terms: Vec<(&String, &f32)> = idf.map.iter().collect();
        terms.sort_by(|a, b| a.0.cmp(b.0));
        self.u32(terms.len() as u32);
        for (t, v) in terms {
            self.str(t);
            self.f32(*v);
        }
    }
    pub fn gbdt(&mut self, m: &Gbdt) {
        self.u32(m.classes as u32);
        self.u32(m.features as u32);
        m.base.iter().for_each(|b| self.f32(*b));
        self.u32(m.trees.len() as u32);
        for t in m.trees.iter().flatten() {
            self.u32(t.nodes.len() as u32);
            for n in &t.nodes {
                self.u32(n.feature);
                self.f32(n.threshold);
                self.u32(n.left);
                self.u32(n.right);
                self.f32(n.value);
            }
        }
    }
}

pub(crate) struct Reader<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
}

fn bad(what: &str) -> Error {
    Error::Model(format!("weight file is truncated or corrupt ({what})"))
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| bad(what))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub fn u32(&mut self, what: &str) -> Result<u32> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn f32(&mut self, what: &str) -> Result<f32> {
        let v = f32::from_bits(self.u32(what)?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(bad(what))
        }
    }
    fn count(&mut self, what: &str, max: usize) -> Result<usize> {
        let n = self.u32(what)? as usize;
        if n > max {
            return Err(bad(what));
        }
        Ok(n)
    }
    pub fn str(&mut self) -> Result<String> {
        let n = self.count("string length", 1 << 16)?;
        let b = self.take(n, "string")?;
        String::from_utf8(b.to_vec()).map_err(|_| bad("string"))
    }
    pub fn idf(&mut self) -> Result<Idf> {
        let default = self.f32("idf default")?;
        let avgdl = self.f32("idf avgdl")?;
        let n = self.count("idf terms", self.bytes.len())?;
        let mut map = HashMap::with_capacity(n);
        for _ in 0..n {
            let t = self.str()?;
            map.insert(t, self.f32("idf value")?);
        }
        Ok(Idf { map, default, avgdl })
    }
    pub fn gbdt(&mut self, n_features: usize) -> Result<Gbdt> {
        let classes = self.count("classes", 16)?;
        let features = self.u32("features")? as usize;
        if features != n_features || classes < 2 {
            return Err(Error::Model(format!(
                "weight file has {classes} classes over {features} features; this build computes {n_features} features"
            )));
        }
        let base = (0..classes).map(|_| self.f32("base")).collect::<Result<Vec<_>>>()?;
        let rounds = self.count("rounds", 100_000)?;
        let mut trees = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let mut round = Vec::with_capacity(classes);
            for _ in 0..classes {
                let n = self.count("nodes", self.bytes.len() / 20 + 1)?;
                let mut nodes = Vec::with_capacity(n);
                for _ in 0..n {
                    nodes.push(Node {
                        feature: self.u32("feature")?,
                        threshold: self.f32("threshold")?,
                        left: self.u32("left")?,
                        right: self.u32("right")?,
                        value: self.f32("value")?,
                    });
                }
                let tree = Tree { nodes };
                if !tree.is_well_formed(features) {
                    return Err(bad("tree"));
                }
                round.push(tree);
            }
            trees.push(round);
        }
        Ok(Gbdt { classes, features, base, trees })
    }
}
