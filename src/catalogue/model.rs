//! The catalogue's records as they are written in `data/*.json` (see `data/SCHEMA.md`).

use super::level::Level;
use super::rule::Rule;
use serde::{Deserialize, Deserializer, Serialize};

/// Deserialises an `Option` that must be written out, even as `null`: "not published" is a fact
/// the data file states, never an omission.
pub(crate) fn required<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

/// One source document's data file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub schema: u32,
    pub document: Document,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    pub units: Vec<Unit>,
    pub qualifications: Vec<Qualification>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub awarding_body: String,
    #[serde(default)]
    pub edition: Option<String>,
}

/// A choice a careful reader made where the document can be read more than one way.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub about: String,
    #[serde(default)]
    pub printed: Option<String>,
    pub choice: String,
    #[serde(default)]
    pub alternative: Option<String>,
    pub why: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OtherCode {
    pub scheme: String,
    pub code: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub code: String,
    #[serde(default)]
    pub other_codes: Vec<OtherCode>,
    #[serde(deserialize_with = "required")]
    pub uan: Option<String>,
    pub title: String,
    pub level: Level,
    #[serde(deserialize_with = "required")]
    pub credit: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub glh: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub learning_outcomes: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub assessment_criteria: Option<u32>,
    pub source: String,
    #[serde(default)]
    pub decisions: Vec<String>,
}

impl Unit {
    /// Whether a filter a user typed names this unit: part of its title, code or UAN, any case.
    /// Case is folded for ASCII letters only: the catalogue's titles and codes are English, and
    /// Unicode case tables would add 10 KB gzip to the browser build ("café" still finds "Café").
    pub fn matches_text(&self, query: &str) -> bool {
        let q = query.trim().to_ascii_lowercase();
        q.is_empty()
            || [Some(&self.title), Some(&self.code), self.uan.as_ref()]
                .into_iter()
                .flatten()
                .any(|s| s.to_ascii_lowercase().contains(&q))
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Size {
    Award,
    Certificate,
    Diploma,
    #[serde(rename = "NVQ")]
    Nvq,
}

impl Size {
    pub fn as_str(self) -> &'static str {
        match self {
            Size::Award => "Award",
            Size::Certificate => "Certificate",
            Size::Diploma => "Diploma",
            Size::Nvq => "NVQ",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub units: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    pub id: String,
    pub title: String,
    pub awarding_body: String,
    #[serde(deserialize_with = "required")]
    pub awarding_body_number: Option<String>,
    #[serde(deserialize_with = "required")]
    pub regulator_number: Option<String>,
    pub level: Level,
    pub size: Size,
    #[serde(deserialize_with = "required")]
    pub glh: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub glh_range: Option<[u32; 2]>,
    #[serde(deserialize_with = "required")]
    pub tqt: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub min_credits: Option<u32>,
    pub source: String,
    pub groups: Vec<Group>,
    pub rules_published: bool,
    #[serde(default)]
    pub rules_note: Option<String>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub decisions: Vec<String>,
}

impl Qualification {
    /// Whether what a person typed names this qualification: part of its title, awarding body,
    /// regulator number or awarding-body number, any case (ASCII, as for units).
    pub fn matches_text(&self, query: &str) -> bool {
        let q = query.trim().to_ascii_lowercase();
        q.is_empty()
            || [
                Some(&self.title),
                Some(&self.awarding_body),
                self.regulator_number.as_ref(),
                self.awarding_body_number.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|s| s.to_ascii_lowercase().contains(&q))
    }
}

/// `data/links.json`: records in different documents that are the same unit.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksFile {
    pub schema: u32,
    pub links: Vec<Link>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Each as `DOCUMENT:CODE`.
    pub units: Vec<String>,
    pub basis: LinkBasis,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LinkBasis {
    /// Both records print the same unit accreditation number.
    Uan,
    /// Same title, level and credit value, where a record prints no UAN.
    TitleLevelCredit,
}
