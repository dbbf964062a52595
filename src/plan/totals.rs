//! Running totals of a plan: units, credits, GLH and TQT.

use crate::catalogue::{Catalogue, CatalogueQualification, UnitId};

/// `None` means "not published": a planned unit (or, for an empty plan, the qualification's
/// document) prints no figure. Never shown as 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals {
    pub units: u32,
    pub credits: Option<u32>,
    pub glh: Option<u32>,
    /// 10 hours of notional learning per credit.
    pub tqt: Option<u32>,
}

impl Totals {
    pub fn of(catalogue: &Catalogue, q: &CatalogueQualification, planned: &[UnitId]) -> Totals {
        let sum = |f: &dyn Fn(UnitId) -> Option<u32>| -> Option<u32> {
            if planned.is_empty() {
                // An empty plan still says "not published" where the document prints no figures.
                q.units.iter().any(|u| f(*u).is_some()).then_some(0)
            } else {
                planned.iter().map(|u| f(*u)).sum()
            }
        };
        let credits = sum(&|u| catalogue.unit(u).unit.credit);
        let glh = sum(&|u| catalogue.unit(u).unit.glh);
        Totals {
            units: planned.len() as u32,
            credits,
            glh,
            tqt: credits.map(|c| c * 10),
        }
    }
}
