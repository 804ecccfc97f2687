//! A moment in a plan file: an RFC 3339 timestamp kept as written.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

/// An RFC 3339 moment, kept as written so that a file round-trips byte for
/// byte ("Z" stays "Z"), with the parsed instant alongside for ordering.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(transparent)]
pub struct Moment {
    #[schemars(with = "DateTime<FixedOffset>")]
    text: String,
    #[schemars(skip)]
    instant: DateTime<FixedOffset>,
}

impl Moment {
    pub fn parse(text: &str) -> Option<Moment> {
        Moment::from_text(text.to_owned()).ok()
    }

    /// A moment from text it may keep; the text back when it is not one.
    pub fn from_text(text: String) -> Result<Moment, String> {
        match DateTime::parse_from_rfc3339(&text) {
            Ok(instant) => Ok(Moment { text, instant }),
            Err(_) => Err(text),
        }
    }

    /// A moment to the millisecond: edits made within the same second must
    /// still be told apart, and the instant kept is exactly what the text
    /// says, so a moment read back from storage orders as the original did.
    pub fn from_instant(instant: DateTime<FixedOffset>) -> Moment {
        let text = instant.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let instant = DateTime::parse_from_rfc3339(&text).unwrap_or(instant);
        Moment { text, instant }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn instant(&self) -> DateTime<FixedOffset> {
        self.instant
    }

    pub fn date(&self) -> NaiveDate {
        self.instant.date_naive()
    }
}

/// Two moments are equal when they name the same instant, however written.
impl PartialEq for Moment {
    fn eq(&self, other: &Self) -> bool {
        self.instant == other.instant
    }
}
impl Eq for Moment {}
impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Moment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.instant.cmp(&other.instant)
    }
}

impl Serialize for Moment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}
