//! Today's date as the browser's clock gives it, in the learner's own time zone.

use crate::plan::Date;

pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    let iso = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    // The browser's clock gives a real day; a failed reading would be a clock before year 1.
    Date::parse(&iso).unwrap_or(Date::Y2000)
}
