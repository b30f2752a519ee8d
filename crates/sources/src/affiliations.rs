//! placeholder
#[derive(Debug, Clone)]
pub struct Affiliations;
impl Affiliations { pub fn builtin() -> Self { Affiliations } }
