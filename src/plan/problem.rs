//! What can be wrong with a file, said so that a person can fix it.

use std::fmt;

/// One thing wrong with a file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the plan, for people: "Priority 2 › Activity 3 › Action 1".
    /// Empty for problems with the file as a whole.
    pub place: String,
    /// What is wrong and, where it helps, how to put it right.
    pub message: String,
}

impl Problem {
    pub fn whole_file(message: impl Into<String>) -> Problem {
        Problem {
            place: String::new(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// Why a file could not be opened as a plan. Every variant keeps all the
/// problems found, never only the first.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Nothing in the file.
    Empty,
    /// Over [`crate::plan::MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// NUL bytes or text that is not UTF-8: an image, a spreadsheet, a zip.
    NotText,
    /// Text saved as UTF-16 (Notepad's "Unicode", Excel's "Unicode Text"),
    /// told apart from binary so that the message can say how to fix it.
    Utf16 {
        big_endian: bool,
        byte_order_mark: bool,
    },
    /// Nested deeper than serde_json's limit of 128 levels; `line` and
    /// `column` count from 1.
    TooDeep { line: usize, column: usize },
    /// More values than any plan holds ([`crate::plan::json::MAX_VALUES`]):
    /// reading stopped there rather than fill the browser's memory.
    TooManyValues { limit: usize },
    /// Not JSON; `line` and `column` count from 1.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Plan Tracker plan at all.
    NotAPlan,
    /// A plan written by a newer app.
    NewerVersion { version: u64 },
    /// A plan with problems, every one listed.
    Invalid(Vec<Problem>),
}

impl ReadError {
    /// The problems to list in the error summary, in file order.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ReadError::Invalid(problems) => problems.clone(),
            other => vec![Problem::whole_file(other.to_string())],
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "The file is empty. Choose a plan file that has been saved from Plan Tracker."),
            // Just over the limit rounds to the limit itself, so say "more than".
            ReadError::TooLarge { bytes } => write!(
                f,
                "The file is {}, more than Plan Tracker opens: it opens plan files up to {}, and a plan of 20,000 actions is about 20 MB. Check that this is the plan file you meant to open.",
                human_size(*bytes),
                human_size(crate::plan::MAX_FILE_BYTES)
            ),
            ReadError::NotText => write!(
                f,
                "This file is not a text file, or not text saved as UTF-8. Choose a plan file ending in .json, not a Word, Excel, PDF or image file; a plan edited by hand must be saved as UTF-8."
            ),
            ReadError::Utf16 { big_endian, byte_order_mark } => write!(
                f,
                "This file is text saved as UTF-16 ({}, {} a byte order mark), as Notepad's \"Unicode\" saves it, but Plan Tracker reads plan files saved as UTF-8. Open it in a text editor, save it as UTF-8, and open it here again.",
                if *big_endian { "big-endian" } else { "little-endian" },
                if *byte_order_mark { "with" } else { "without" }
            ),
            ReadError::TooDeep { line, column } => write!(
                f,
                "The file is nested more than 128 levels deep at line {line}, column {column}, far deeper than any plan, so Plan Tracker stopped reading it. Check that this is a plan file saved from Plan Tracker."
            ),
            ReadError::TooManyValues { limit } => write!(
                f,
                "The file holds more than {} million values, far more than any plan (a plan of 20,000 actions holds about a million), so Plan Tracker stopped reading it. Check that this is a plan file saved from Plan Tracker.",
                limit / 1_000_000
            ),
            ReadError::Syntax { line, column, message } => {
                write!(f, "The file is not valid JSON at line {line}, column {column}: {message}")
            }
            ReadError::NotAPlan => write!(
                f,
                "This file is not a Plan Tracker plan. A plan file starts with \"format\": \"plan-tracker/plan\"."
            ),
            ReadError::NewerVersion { version } => write!(
                f,
                "This plan was saved by a newer version of Plan Tracker (format version {version}). Reload the page to get the newest version, or ask the sender for a version 1 file."
            ),
            ReadError::Invalid(problems) => {
                let n = problems.len();
                write!(f, "The plan has {n} problem{}", if n == 1 { "" } else { "s" })
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// "1.2 MB", "640 KB", "12 bytes".
pub fn human_size(bytes: usize) -> String {
    // Whole numbers only: float formatting would add its tables to the download.
    if bytes >= 999_500 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= 1000 {
        format!("{} KB", (bytes + 500) / 1000)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_are_rounded_to_what_people_read() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(1_000), "1 KB");
        assert_eq!(human_size(640_499), "640 KB");
        assert_eq!(human_size(999_499), "999 KB");
        assert_eq!(human_size(999_500), "1.0 MB");
        assert_eq!(human_size(1_250_000), "1.3 MB");
        assert_eq!(human_size(20_000_000), "20.0 MB");
    }
}
