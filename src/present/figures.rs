//! Figures as a person reads them: "not published" where a document prints none (never 0), GLH
//! as a figure or a range, and totals against the published figures.

use crate::catalogue::Qualification;
use crate::limits::counted;

pub const NOT_PUBLISHED: &str = "not published";

pub fn not_published() -> &'static str {
    NOT_PUBLISHED
}

/// The figure, or "not published".
pub fn or_not_published(v: Option<u32>) -> String {
    v.map_or_else(|| NOT_PUBLISHED.to_string(), |n| n.to_string())
}

/// The published GLH: "51", "120–160" for a range, or "not published".
pub fn glh_published(q: &Qualification) -> String {
    match (q.glh, q.glh_range) {
        (Some(g), _) => g.to_string(),
        (None, Some([lo, hi])) => format!("{lo}\u{2013}{hi}"),
        _ => NOT_PUBLISHED.into(),
    }
}

/// A qualification as the picker lists it, the same way for every awarding body: its title and
/// the number a person may know it by ("… (Entry 3) · 4411-30").
pub fn qualification_name(q: &Qualification) -> String {
    match qualification_number(q) {
        Some(n) => format!("{} \u{b7} {n}", q.title),
        None => q.title.clone(),
    }
}

/// A qualification with its number first ("4411-30 · City & Guilds …"), for a line that may be
/// cut short at its end (the plan's head in classroom mode): the number is what a class is told.
pub fn number_first_name(q: &Qualification) -> String {
    match qualification_number(q) {
        Some(n) => format!("{n} \u{b7} {}", q.title),
        None => q.title.clone(),
    }
}

/// The number a person may know a qualification by: the awarding body's, else the regulator's.
fn qualification_number(q: &Qualification) -> Option<&str> {
    q.awarding_body_number
        .as_deref()
        .or(q.regulator_number.as_deref())
}

/// A unit's credit value: "1 credit", "3 credits", "credits not published".
pub fn credit_words(credit: Option<u32>) -> String {
    match credit {
        Some(1) => "1 credit".to_string(),
        Some(c) => format!("{c} credits"),
        None => format!("credits {NOT_PUBLISHED}"),
    }
}

/// A unit's GLH: "20 GLH", "GLH not published".
pub fn glh_words(glh: Option<u32>) -> String {
    glh.map_or_else(|| format!("GLH {NOT_PUBLISHED}"), |g| format!("{g} GLH"))
}

/// "1 unit planned", "3 units planned".
pub fn unit_count(n: u32) -> String {
    format!("{} planned", counted(n as usize, "unit", "units"))
}

/// The other groups a unit listed under its first group is also in: "Also in: Group B; Group C",
/// or nothing for a unit in one group.
pub fn also_in_words(groups: &[String]) -> Option<String> {
    (!groups.is_empty()).then(|| format!("Also in: {}", groups.join("; ")))
}

/// The three totals under the plan, each against one of the qualification's published figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Total {
    Credits,
    Glh,
    Tqt,
}

/// What a total's meter marks: the target is reached at `reach`; past `ceiling` the plan holds
/// more than the qualification publishes (GLH, TQT), which is worth a second look rather than a
/// success. Credits are a minimum and have no ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub reach: u32,
    pub ceiling: Option<u32>,
}

/// A total as its meter measures it for one qualification: made when the qualification changes,
/// then worded for each new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// "Credits", "GLH", and "TQT" where the qualification publishes one to measure against;
    /// otherwise "Notional hours", since a plan's 10 hours a credit is not a TQT of anything.
    pub label: &'static str,
    pub target: Option<Target>,
    /// What a value up to the target is measured against: "of 28 minimum".
    against: String,
    /// The figure past which a value is more than the published one, and what that is called.
    past: Option<(u32, String)>,
}

impl Total {
    pub fn measure(self, q: Option<&Qualification>) -> Measure {
        let target = self.target(q);
        let (label, against, past) = match self {
            Total::Credits => (
                "Credits",
                credit_target_words(q),
                target.map(|t| (t.reach, format!("{} minimum", t.reach))),
            ),
            Total::Glh => (
                "GLH",
                glh_target_words(q),
                (target.and_then(|t| t.ceiling).zip(q))
                    .map(|(c, q)| (c, format!("{} published", glh_published(q)))),
            ),
            Total::Tqt => (
                tqt_label(q),
                tqt_target_words(q),
                target.map(|t| {
                    (
                        t.reach,
                        format!("{} published (10 hours a credit)", t.reach),
                    )
                }),
            ),
        };
        Measure {
            label,
            target,
            against,
            past,
        }
    }

    /// The published figure a total is measured against, if any (a GLH range is reached at its
    /// low end and exceeded past its high end).
    fn target(self, q: Option<&Qualification>) -> Option<Target> {
        let q = q?;
        let fixed = |t| Target {
            reach: t,
            ceiling: Some(t),
        };
        match self {
            Total::Credits => q.min_credits.map(|m| Target {
                reach: m,
                ceiling: None,
            }),
            Total::Glh => match (q.glh, q.glh_range) {
                (Some(g), _) => Some(fixed(g)),
                (None, Some([lo, hi])) => Some(Target {
                    reach: lo,
                    ceiling: Some(hi),
                }),
                _ => None,
            },
            Total::Tqt => q.tqt.map(fixed),
        }
    }
}

impl Measure {
    /// The figures under a meter: "13 of 28 minimum", "140 against 120–160 published",
    /// "56: 5 more than the 51 published", "not published". Past the minimum or the published
    /// figure, "30 of 28" would read as a mistake: it says by how much.
    pub fn words(&self, value: Option<u32>) -> String {
        match (value, &self.past) {
            (None, _) => NOT_PUBLISHED.into(),
            (Some(v), Some((figure, what))) if v > *figure => {
                format!("{v}: {} more than the {what}", v - figure)
            }
            (Some(v), _) => format!("{v} {}", self.against),
        }
    }
}

/// What a plan's credits are measured against: "of 28 minimum".
fn credit_target_words(q: Option<&Qualification>) -> String {
    match q.and_then(|q| q.min_credits) {
        Some(m) => format!("of {m} minimum"),
        None => "(no minimum published)".into(),
    }
}

/// What a plan's GLH are measured against: "of 51 published", "against 120–160 published".
fn glh_target_words(q: Option<&Qualification>) -> String {
    match q.map(|q| (q.glh, q.glh_range)) {
        Some((Some(g), _)) => format!("of {g} published"),
        Some((None, Some([lo, hi]))) => format!("against {lo}\u{2013}{hi} published"),
        _ => "(none published)".into(),
    }
}

/// The name of the third total (see `Measure::label`).
pub fn tqt_label(q: Option<&Qualification>) -> &'static str {
    if q.and_then(|q| q.tqt).is_some() {
        "TQT"
    } else {
        "Notional hours"
    }
}

/// What a plan's TQT (10 hours a credit) is measured against.
fn tqt_target_words(q: Option<&Qualification>) -> String {
    match q.and_then(|q| q.tqt) {
        Some(t) => format!("of {t} published (10 hours a credit)"),
        None => "(10 hours a credit; this qualification publishes no TQT)".into(),
    }
}

/// Credits against the minimum in a few words: "13 of 28 credits", "30 credits (28 needed)" once
/// past it ("30 of 28" reads as a mistake), "13 credits", "credits not published".
pub fn credits_short(credits: Option<u32>, q: Option<&Qualification>) -> String {
    credits_against(credits, q.and_then(|q| q.min_credits))
}

/// `credits_short` given the minimum itself.
pub fn credits_against(credits: Option<u32>, min_credits: Option<u32>) -> String {
    match (credits, min_credits) {
        (Some(c), Some(m)) if c > m => format!("{c} credits ({m} needed)"),
        (Some(c), Some(m)) => format!("{c} of {m} credits"),
        (Some(c), None) => format!("{c} credits"),
        (None, _) => format!("credits {NOT_PUBLISHED}"),
    }
}

/// A change to the plan as a screen reader announces it: "Added CU795: 13 of 28 credits.", and
/// when the unit now clashes with others planned, the words that mark it on the screen.
pub fn change_words(
    done: &str,
    code: &str,
    credits: Option<u32>,
    q: Option<&Qualification>,
    clash: Option<&str>,
) -> String {
    let said = format!("{done} {code}: {}.", credits_short(credits, q));
    match clash {
        Some(clash) => format!("{said} {clash}."),
        None => said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;

    #[test]
    fn a_qualification_is_named_with_its_number_last_in_lists_and_first_at_the_plans_head() {
        let c = embedded();
        let q = |id: &str| &c.qualification(id).unwrap().qualification;
        let cg = q("cg-4411-30");
        assert_eq!(
            qualification_name(cg),
            format!("{} \u{b7} 4411-30", cg.title)
        );
        assert_eq!(
            number_first_name(cg),
            format!("4411-30 \u{b7} {}", cg.title)
        );
        // EDI prints no number: the title alone, both ways.
        let edi = q("edi-l2-nvq-customer-service");
        assert_eq!(number_first_name(edi), edi.title);
        assert_eq!(qualification_name(edi), edi.title);
    }

    #[test]
    fn figures_read_not_published_never_zero_and_ranges_with_a_dash() {
        let c = embedded();
        let q = |id: &str| &c.qualification(id).unwrap().qualification;
        assert_eq!(or_not_published(None), "not published");
        assert_eq!(or_not_published(Some(0)), "0");
        assert_eq!(glh_published(q("cg-4411-30")), "51");
        assert_eq!(glh_target_words(Some(q("cg-4411-30"))), "of 51 published");
        assert_eq!(unit_count(1), "1 unit planned");
        assert_eq!(unit_count(2), "2 units planned");
        assert_eq!(also_in_words(&[]), None);
        let groups = ["Group B".to_string(), "Group C".to_string()];
        assert_eq!(also_in_words(&groups).unwrap(), "Also in: Group B; Group C");
        let cg = Some(q("cg-4411-30"));
        assert_eq!(
            change_words("Added", "002", Some(4), cg, None),
            "Added 002: 4 of 6 credits."
        );
        assert_eq!(credits_short(Some(6), cg), "6 of 6 credits");
        assert_eq!(credits_short(Some(7), cg), "7 credits (6 needed)");
        assert_eq!(
            change_words(
                "Added",
                "101",
                Some(8),
                cg,
                Some("Cannot be taken with 001: take one of them out")
            ),
            "Added 101: 8 credits (6 needed). Cannot be taken with 001: take one of them out."
        );
    }

    #[test]
    fn a_total_past_its_published_figure_says_by_how_much_and_the_meter_marks_a_ceiling() {
        use Total::{Credits, Glh, Tqt};
        let c = embedded();
        let q = |id: &str| Some(&c.qualification(id).unwrap().qualification);
        let cg = q("cg-4411-30"); // 6 credits minimum, 51 GLH, TQT 60
        let edi = q("edi-l2-nvq-customer-service"); // 28 credits minimum, GLH 192-228, no TQT

        // Each total short of its figure, at it, and past it by one or more.
        let words = [
            (Credits, 5, cg, "5 of 6 minimum"),
            (Credits, 6, cg, "6 of 6 minimum"),
            (Credits, 7, cg, "7: 1 more than the 6 minimum"),
            (Glh, 51, cg, "51 of 51 published"),
            (Glh, 56, cg, "56: 5 more than the 51 published"),
            // A range is reached at its low end and passed beyond its high end.
            (Glh, 228, edi, "228 against 192\u{2013}228 published"),
            (
                Glh,
                229,
                edi,
                "229: 1 more than the 192\u{2013}228 published",
            ),
            (Tqt, 60, cg, "60 of 60 published (10 hours a credit)"),
            (
                Tqt,
                70,
                cg,
                "70: 10 more than the 60 published (10 hours a credit)",
            ),
            (
                Tqt,
                300,
                edi,
                "300 (10 hours a credit; this qualification publishes no TQT)",
            ),
            (Credits, 9, None, "9 (no minimum published)"),
        ];
        for (total, v, q, want) in words {
            assert_eq!(total.measure(q).words(Some(v)), want, "{total:?} {v}");
        }
        // Nothing published: never 0.
        assert_eq!(Glh.measure(cg).words(None), "not published");
        // A minimum has no ceiling; a published GLH or TQT is one, a range's at its high end.
        let target = |reach, ceiling| Some(Target { reach, ceiling });
        let targets = [
            (Credits, cg, target(6, None)),
            (Glh, cg, target(51, Some(51))),
            (Glh, edi, target(192, Some(228))),
            (Tqt, cg, target(60, Some(60))),
            (Tqt, edi, None),
            (Credits, None, None),
        ];
        for (total, q, want) in targets {
            assert_eq!(total.measure(q).target, want, "{total:?}");
        }
        assert_eq!(Tqt.measure(cg).label, "TQT");
        assert_eq!(Tqt.measure(edi).label, "Notional hours");
    }
}
