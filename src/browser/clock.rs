//! The time, and ids for new edits and notes.

use chrono::{FixedOffset, NaiveDate, Utc};

use crate::plan::Moment;

/// Now, to the millisecond, in UTC.
pub fn now() -> Moment {
    let utc = FixedOffset::east_opt(0).unwrap_or_else(|| Utc::now().fixed_offset().timezone());
    Moment::from_instant(Utc::now().with_timezone(&utc))
}

/// Today in the person's own time zone, unless the address fixes it with
/// `today=YYYY-MM-DD` (for tests, and for reviewing a plan as at a date).
pub fn today(fixed: Option<NaiveDate>) -> NaiveDate {
    fixed.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// An id no other tab or person will make: time plus randomness.
pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let millis = Utc::now().timestamp_millis();
    format!("{prefix}-{millis:x}-{random:08x}")
}
