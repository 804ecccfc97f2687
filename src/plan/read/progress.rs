//! The walk's reading of an item's progress and its dated notes.

use super::fields::{short, take, Fields};
use super::Walk;
use crate::plan::json::Json;
use crate::plan::model::*;
use crate::plan::place::Label;

impl Walk {
    pub(super) fn progress(&mut self, f: &mut Fields) -> Option<Progress> {
        let mut p = self.opt_object(f, "progress", Some(Label::Progress))?;
        let status = self.opt_status(&mut p, "status");
        let percent = match p.map.remove("percent") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) if n.as_u64().is_some_and(|v| v <= 100) => {
                n.as_u64().map(|v| v as u8)
            }
            Some(other) => {
                let message = format!(
                    "percent is {}; it must be a whole number from 0 to 100",
                    short(&other)
                );
                self.problem(&p.place, message);
                None
            }
        };
        let updated = self.opt_moment(&mut p, "updated");
        let updated_by = self.opt_text(&mut p, "updated_by");
        let notes = self.opt_list(&mut p, "notes", Label::Note, |w, n| w.note(n));
        Some(Progress {
            status,
            percent,
            updated,
            updated_by,
            notes,
            extra: p.map.into_extra(),
        })
    }

    fn note(&mut self, f: &mut Fields) -> Note {
        let id = self.id(f);
        let at = self.req_moment(f, "at");
        let by = self.opt_text(f, "by");
        let text = self.req_text(f, "text");
        let status = self.opt_status(f, "status");
        let evidence = self.opt_list(f, "evidence", Label::Evidence, |w, e| Evidence {
            title: w.opt_text(e, "title"),
            source: w.opt_text(e, "source"),
            url: w.opt_text(e, "url"),
            extra: take(e),
        });
        let corrects = self.opt_text(f, "corrects");
        Note {
            id,
            at,
            by,
            text,
            status,
            evidence,
            corrects,
            extra: take(f),
        }
    }
}
