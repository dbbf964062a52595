//! What a person is told when the open plan switches qualification.

use super::figures::qualification_name;
use crate::catalogue::Catalogue;
use crate::plan::Switched;

/// The message for a switch to qualification `to`, or `None` where every unit stayed.
pub fn switched_words(catalogue: &Catalogue, to: &str, switched: &Switched) -> Option<String> {
    let name = |id: &str| {
        catalogue.qualification(id).map_or_else(
            || id.to_string(),
            |cq| qualification_name(&cq.qualification),
        )
    };
    match switched {
        Switched::Kept => None,
        Switched::Removed { units, from } => {
            let (them, they) = if units.len() == 1 {
                ("it", "It is")
            } else {
                ("them", "They are")
            };
            Some(format!(
                "Removed from the plan because {} does not offer {them}: {}. {they} kept until the plan changes: choose {} again to put {them} back.",
                name(to),
                units.join(", "),
                name(from),
            ))
        }
        Switched::PutBack { units } => Some(format!(
            "Put back {} on {}, with the plan as it was.",
            units.join(", "),
            name(to)
        )),
    }
}
