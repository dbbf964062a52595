//! A calendar day as people type it (`YYYY-MM-DD`), checked against the calendar, and counted
//! in days so a study rate can say when a plan would be finished.

/// A day of the (proleptic Gregorian) calendar, years 0000 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u32,
    month: u32,
    day: u32,
}

/// Why a date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not four digits, a hyphen, two digits, a hyphen, two digits.
    NotYearMonthDay,
    /// A month other than 01 to 12.
    NoSuchMonth { month: u32 },
    /// A day the month does not have (`days` is how many it has that year).
    NoSuchDay { day: u32, days: u32 },
}

impl DateError {
    /// Why `typed` was refused, quoting it (bounded).
    pub fn words(self, typed: &str) -> String {
        let typed = crate::limits::excerpt(typed);
        match self {
            DateError::NotYearMonthDay => {
                format!("{typed} is not a date written YYYY-MM-DD (such as 2024-03-01)")
            }
            DateError::NoSuchMonth { month } => {
                format!("{typed} is not a date: there is no month {month}")
            }
            DateError::NoSuchDay { day, days } => {
                format!("{typed} is not a date: that month has {days} days, so no day {day}")
            }
        }
    }
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Days in `month` of `year`; `None` for a month that is not 1 to 12.
fn days_in(year: u32, month: u32) -> Option<u32> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Days from 0000-01-01 to the first day of `year`.
fn days_before_year(year: u32) -> u32 {
    // Leap years in [0, year): every fourth, less every hundredth, plus every four-hundredth
    // (year 0 is one of each).
    let leaps = year.div_ceil(4) - year.div_ceil(100) + year.div_ceil(400);
    365 * year + leaps
}

/// The last day `Date` can hold, in days from 0000-01-01.
const LAST_DAY: u32 = 3_652_424;

impl Date {
    /// 2000-01-01, for where a day must be had and none could be read.
    pub const Y2000: Date = Date {
        year: 2000,
        month: 1,
        day: 1,
    };

    /// The date typed, spaces around it aside: `2024-02-29` is a date, `2023-02-29`, `2024-13-01`
    /// and `1/3/2024` are not.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return Err(DateError::NotYearMonthDay);
        }
        let n =
            |r: std::ops::Range<usize>| b[r].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        let (year, month, day) = (n(0..4), n(5..7), n(8..10));
        let days = days_in(year, month).ok_or(DateError::NoSuchMonth { month })?;
        if day == 0 || day > days {
            return Err(DateError::NoSuchDay { day, days });
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> u32 {
        self.year
    }

    /// 1 (January) to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// Days since 0000-01-01.
    fn ordinal(self) -> u32 {
        let before_month: u32 = (1..self.month)
            .map(|m| days_in(self.year, m).unwrap_or(0))
            .sum();
        days_before_year(self.year) + before_month + self.day - 1
    }

    fn from_ordinal(n: u32) -> Date {
        let mut year = (n / 366).min(9999);
        while year < 9999 && days_before_year(year + 1) <= n {
            year += 1;
        }
        let mut left = n - days_before_year(year);
        let mut month = 1;
        while let Some(days) = days_in(year, month).filter(|d| left >= *d && month < 12) {
            left -= days;
            month += 1;
        }
        Date {
            year,
            month,
            day: left + 1,
        }
    }

    /// The day `days` after this one; `None` past 9999-12-31.
    pub fn plus_days(self, days: u32) -> Option<Date> {
        let n = self.ordinal().checked_add(days)?;
        (n <= LAST_DAY).then(|| Date::from_ordinal(n))
    }

    /// Days from `earlier` to this day (0 when `earlier` is not earlier).
    pub fn days_since(self, earlier: Date) -> u32 {
        self.ordinal().saturating_sub(earlier.ordinal())
    }
}

impl std::fmt::Display for Date {
    /// `YYYY-MM-DD`, as typed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_are_counted_across_months_years_and_leap_days() {
        assert_eq!(d("2024-02-28").plus_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2023-02-28").plus_days(1), Some(d("2023-03-01")));
        assert_eq!(d("2026-12-31").plus_days(1), Some(d("2027-01-01")));
        assert_eq!(d("2026-12-07").plus_days(7 * 14), Some(d("2027-03-15")));
        assert_eq!(d("2000-01-01").days_since(d("1999-01-01")), 365);
        assert_eq!(d("2001-01-01").days_since(d("2000-01-01")), 366);
        assert_eq!(Date::Y2000, d("2000-01-01"));
        assert_eq!(d("1900-03-01").days_since(d("1900-02-28")), 1);
        assert_eq!(d("9999-12-31").plus_days(1), None);
        assert_eq!(d("0000-01-01").plus_days(LAST_DAY), Some(d("9999-12-31")));
    }

    #[test]
    fn every_day_of_four_centuries_counts_back_to_itself() {
        let start = d("1999-12-25");
        let mut last = start;
        for n in 1..146_100 {
            let next = start.plus_days(n).unwrap();
            assert!(next > last);
            assert_eq!(next.days_since(start), n);
            assert_eq!(Date::parse(&next.to_string()), Ok(next));
            last = next;
        }
    }
}
