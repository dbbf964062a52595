//! The catalogue the screen shows: the embedded one, which lives as long as the program, or one
//! with the person's own files in it, shared by the panels built on it and freed with the last of
//! them (a qualification followed from the editor rebuilds it on every change).

use crate::catalogue::{embedded, Catalogue};
use std::ops::Deref;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum SharedCatalogue {
    Embedded(&'static Catalogue),
    Loaded(Arc<Catalogue>),
}

impl SharedCatalogue {
    pub fn embedded() -> SharedCatalogue {
        SharedCatalogue::Embedded(embedded())
    }

    pub fn loaded(c: Catalogue) -> SharedCatalogue {
        SharedCatalogue::Loaded(Arc::new(c))
    }
}

impl Deref for SharedCatalogue {
    type Target = Catalogue;
    fn deref(&self) -> &Catalogue {
        match self {
            SharedCatalogue::Embedded(c) => c,
            SharedCatalogue::Loaded(c) => c,
        }
    }
}
