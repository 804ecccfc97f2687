//! What the app tells people: the GOV.UK error summary, standing notices,
//! a success banner, and storage problems other than saving the journal
//! (which the open plan reports itself).

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::storage::StorageError;
use crate::plan::Problem;

/// What goes in the page's error summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemReport {
    /// What was being done, and that what the person had is still there.
    pub intro: String,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Copy)]
pub struct Messages {
    pub problems: RwSignal<Option<ProblemReport>>,
    /// Notices about the address or stored data; shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// "Plan exported" and the like.
    pub success: RwSignal<Option<String>>,
    /// Keeping the plan's text or who is editing failed, or stored changes
    /// were set aside.
    pub storage: RwSignal<Option<StorageError>>,
    /// This browser deletes what a site stores after a week without a visit
    /// (Safari, iPadOS), and did not agree to keep it.
    pub may_be_cleared: RwSignal<bool>,
}

impl Messages {
    pub fn new() -> Messages {
        Messages {
            problems: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            success: RwSignal::new(None),
            storage: RwSignal::new(None),
            may_be_cleared: RwSignal::new(false),
        }
    }

    /// Something failed: says what, with the problem, in the error summary.
    pub fn failure(&self, intro: String, message: String) {
        self.problems.set(Some(ProblemReport {
            intro,
            problems: vec![Problem::whole_file(message)],
        }));
    }

    pub fn notice(&self, notice: String) {
        self.notices.update(|n| n.push(notice));
    }

    pub fn success(&self, message: String) {
        let success = self.success;
        if success.with_untracked(|s| s.as_deref() == Some(message.as_str())) {
            // The same words again (a second export, say): taken away and
            // given anew, since a screen reader says what is added to the
            // page, not what stays on it; unless another message came first.
            success.set(None);
            set_timeout(
                move || {
                    if success.with_untracked(Option::is_none) {
                        success.set(Some(message));
                    }
                },
                Duration::from_millis(50),
            );
        } else {
            success.set(Some(message));
        }
    }
}

impl Default for Messages {
    fn default() -> Self {
        Self::new()
    }
}
