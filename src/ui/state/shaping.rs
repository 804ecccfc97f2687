//! The shaper: applying structure changes to the plan shown (and marking
//! characters that hide text), in a part of its own. A plan without
//! structure changes or such characters never needs it; one with them
//! is shown once it has been downloaded (from the cache after the first
//! time), and if it cannot be, the page says so with "Try again".
//!
//! Only the app's start names the shaper's split point ([`download`]); the
//! plan's state holds it as a function, so that parts, which call the
//! plan's methods, never reach the split point themselves (see the note on
//! parts in `lib.rs`).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::plan::hidden::reveal_hidden;
use crate::plan::Plan;
use crate::progress::structure::shape;
use crate::progress::Edit;
use crate::ui::shared::on_demand::PartNotLoaded;

/// Applies structure changes to a copy of a plan: the copy, and the ids of
/// the changes that had no place in it. Its code is a part of its own
/// (this module), downloaded the first time a plan has structure
/// changes, so that plans without them open on the main part alone.
pub type Shaper = fn(&Plan, &[Edit]) -> (Plan, Vec<String>);

/// Where the shaper is.
#[derive(Clone, Copy)]
pub enum Shaping {
    NotLoaded,
    Loading,
    Ready(Shaper),
    /// Its part could not be downloaded; "Try again" sets it back to
    /// `NotLoaded`.
    Failed,
}

impl Shaping {
    pub fn is_ready(self) -> bool {
        matches!(self, Shaping::Ready(_))
    }
}

/// By state alone: there is one shaper.
impl PartialEq for Shaping {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Downloads the shaper's part: [`download`], in the app.
pub type Download = fn() -> Pin<Box<dyn Future<Output = Result<Shaper, PartNotLoaded>>>>;

#[wasm_split(shaper, wasm_split_path = ::leptos::wasm_split, fallible)]
fn shaper() -> Result<Shaper, PartNotLoaded> {
    Ok(shape_copy)
}

/// The shaper's part, downloaded.
pub fn download() -> Pin<Box<dyn Future<Output = Result<Shaper, PartNotLoaded>>>> {
    Box::pin(shaper())
}

/// The plan shown: the file's, with its structure changes applied and its
/// hidden characters marked (`plan::hidden`).
fn shape_copy(file: &Plan, structure: &[Edit]) -> (Plan, Vec<String>) {
    let mut plan = file.clone();
    let unplaced = shape(&mut plan, structure)
        .into_iter()
        .map(|e| e.id.clone())
        .collect();
    reveal_hidden(&mut plan);
    (plan, unplaced)
}

/// Downloads the shaper, once, and says where it is in `shaping`: for the
/// plan's memo (so the signal is set from a task of its own) and for pages
/// about to make structure changes, so the first one shows at once.
pub fn load(shaping: RwSignal<Shaping>, download: StoredValue<Option<Download>>) {
    leptos::task::spawn_local(async move {
        if shaping.get_untracked() == Shaping::NotLoaded {
            ready(shaping, download).await;
        }
    });
}

/// The shaper, downloaded if it is not here yet; true once it is. Without
/// a way to download it (the app not started), it cannot be.
pub async fn ready(shaping: RwSignal<Shaping>, download: StoredValue<Option<Download>>) -> bool {
    if shaping.get_untracked().is_ready() {
        return true;
    }
    let Some(download) = download.get_value() else {
        shaping.set(Shaping::Failed);
        return false;
    };
    shaping.set(Shaping::Loading);
    let loaded = download().await;
    shaping.set(match loaded {
        Ok(shape) => Shaping::Ready(shape),
        Err(PartNotLoaded) => Shaping::Failed,
    });
    shaping.get_untracked().is_ready()
}
