//! A plan's performance measures: targets, values over time and comparators.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::Extra;
use crate::plan::figure::Figure;
use crate::plan::Moment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Measure {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<MeasureValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<MeasureValue>>,
    /// Oldest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<MeasureValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparators: Option<Vec<Comparator>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priorities: Option<Vec<MeasurePriority>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A figure for a period: a number, the plan's own words, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct MeasureValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Moment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparator {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasureRole {
    Primary,
    Additional,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MeasurePriority {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<MeasureRole>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Measure {
    pub fn values(&self) -> &[MeasureValue] {
        self.values.as_deref().unwrap_or_default()
    }
    pub fn targets(&self) -> &[MeasureValue] {
        self.targets.as_deref().unwrap_or_default()
    }
    pub fn comparators(&self) -> &[Comparator] {
        self.comparators.as_deref().unwrap_or_default()
    }
}
