//! The words and figures a person reads, made once for the screen and the command line: a check's
//! verdict and each rule's status, totals against the published figures, "not published", GLH
//! ranges, readings, completions, progress towards other qualifications and how a unit counts
//! there, a learner's record (achieved so far, totals by status, credit held elsewhere), and what
//! a qualification switch took out. The shells only lay these out (and add marks such as ✓ or
//! `[met]`); a wording changes here, in one place.

mod compare;
mod completion;
mod figures;
mod finish;
mod options;
mod progress;
mod record;
mod rules;
mod shared;
mod switch;
mod verdict;

pub use compare::{compare_plans, compared_names, CompareColumn, CompareUnit, MAX_COMPARED};
pub use completion::{completion_words, option_words, CompletionWords, ALTERNATIVES};
pub use figures::{
    also_in_words, change_words, credit_words, credits_short, glh_published, glh_words,
    not_published, number_first_name, or_not_published, qualification_name, tqt_label, unit_count,
    Measure, Target, Total,
};
pub use finish::{day_words, finish_words, no_estimate_words, FinishWords};
pub use options::{
    option_details, option_difference, preview_announcement, preview_check, preview_words,
    totals_words, unit_line, units_words, OptionDetail, OptionUnit, PreviewWords, UnitLine,
    ALREADY_PLANNED, NOT_IN_FIRST, PREVIEW_MARK, PREVIEW_NOTE,
};
pub use progress::{basis_words, carried_words, progress_summary};
pub use record::{
    achieved_progress_words, achieved_rule_lines, achieved_so_far_words, choice_words,
    entry_details, entry_words, left_heading, progression_words, record_line, recorded_words,
    repeated_words, source_words, split_totals_rows, split_totals_words, status_words,
};
pub use rules::{rule_rows, unit_mark, RuleRow};
pub use shared::{
    link_refused, readings_used, shared_plan_saved, shared_plan_words, SharedPlanWords, SharedUnit,
    LINK_COPIED_MARK, LINK_NOT_COPIED, SHARED_READ_ONLY,
};
pub use switch::switched_words;
pub use verdict::{
    judgement, missing, next_step, reading_label, rule_sentence, rule_status, verdict,
    verdict_short, Judgement, RuleStatusWords, Tone, Verdict,
};
