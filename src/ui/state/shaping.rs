//! The shaper: applying structure changes to the plan shown, in a part of
//! its own. A plan without structure changes never needs it; one with them
//! is shown once it has been downloaded (from the cache after the first
//! time), and if it cannot be, the page says so with "Try again".

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::open_plan::{Shaper, Shaping};
use crate::plan::Plan;
use crate::progress::structure::shape;
use crate::progress::Edit;
use crate::ui::shared::on_demand::PartNotLoaded;

#[wasm_split(shaper, wasm_split_path = ::leptos::wasm_split, fallible)]
fn shaper() -> Result<Shaper, PartNotLoaded> {
    Ok(shape_copy)
}

fn shape_copy(file: &Plan, structure: &[Edit]) -> (Plan, Vec<String>) {
    let mut plan = file.clone();
    let unplaced = shape(&mut plan, structure)
        .into_iter()
        .map(|e| e.id.clone())
        .collect();
    (plan, unplaced)
}

/// Downloads the shaper, once, and says where it is in `shaping`: for the
/// plan's memo (so the signal is set from a task of its own) and for pages
/// about to make structure changes, so the first one shows at once.
pub fn load(shaping: RwSignal<Shaping>) {
    leptos::task::spawn_local(async move {
        if shaping.get_untracked() == Shaping::NotLoaded {
            ready(shaping).await;
        }
    });
}

/// The shaper, downloaded if it is not here yet; true once it is.
pub async fn ready(shaping: RwSignal<Shaping>) -> bool {
    if shaping.get_untracked().is_ready() {
        return true;
    }
    shaping.set(Shaping::Loading);
    let loaded = shaper().await;
    shaping.set(match loaded {
        Ok(shape) => Shaping::Ready(shape),
        Err(PartNotLoaded) => Shaping::Failed,
    });
    shaping.get_untracked().is_ready()
}
