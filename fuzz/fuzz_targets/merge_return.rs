//! Any bytes as a partner's return, merged into a fixed sample plan: the
//! merge, its summary and taking every change and conflict never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plan_tracker::exchange::plan_merge;
use plan_tracker::plan::{read_plan, Moment, Plan};
use plan_tracker::progress::apply_all;

/// The sample whose actions have progress, as tests/exchange.rs uses; the
/// seeds are returns of it, cut down.
static SAMPLE: &[u8] = include_bytes!("../../public/samples/notts-cypf-2016-18.json");

fn base() -> &'static Plan {
    static BASE: OnceLock<Plan> = OnceLock::new();
    BASE.get_or_init(|| read_plan(SAMPLE).expect("the sample opens"))
}

fn received() -> Moment {
    Moment::parse("2016-11-25T09:00:00Z").expect("a moment")
}

/// The one pack this browser sent: seed-pack-sent.json is its return, and
/// seed-pack-never-sent.json claims another.
fn sent_here() -> [Moment; 1] {
    [Moment::parse("2016-11-01T09:00:00Z").expect("a moment")]
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(theirs) = read_plan(bytes) else {
        return;
    };
    let base = base();
    let merge = plan_merge(
        base,
        &[],
        &[("return.json".to_owned(), theirs)],
        &received(),
        Some(&sent_here()),
    );
    let _ = merge.summary(|_| None);
    let _ = merge.doubtful_packs.iter().map(ToString::to_string).count();
    // Everything the person could confirm: the changes taken and their side
    // of every conflict, applied as the app applies them.
    let mut edits = merge.edits.clone();
    for (n, conflict) in merge.conflicts.iter().enumerate() {
        edits.push(conflict.take_theirs(format!("take-{n}"), received(), "Coordinator"));
    }
    let mut merged = base.clone();
    apply_all(&mut merged, &edits);
});
