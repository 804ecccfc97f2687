//! Any text as a journal kept in browser storage: read without a panic, and
//! a journal read is stored again (as `journal_to_store` and the browser's
//! storage write it) and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_tracker::progress::{journal_to_store, read_journal};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Some(journal) = read_journal(text) else {
        return;
    };
    // Nothing stored yet: what is written is the journal itself.
    let to_store = journal_to_store(None, &journal).expect("nothing stored to conflict with");
    let stored = serde_json::to_string(&to_store).expect("a journal serialises");
    let again = read_journal(&stored).expect("a stored journal reads back");
    assert_eq!(again, journal, "stored text: {stored}");
    // Stored over itself, as the next save finds it: still the same journal.
    let merged = journal_to_store(Some(&stored), &journal).expect("its own journal reads");
    assert_eq!(merged, journal);
});
