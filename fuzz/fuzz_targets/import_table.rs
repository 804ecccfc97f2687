//! Any bytes as a spreadsheet file or pasted table: decoded as text, split
//! into a table, its headings matched and its rows read into a plan
//! preview, never a panic; a plan made reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_tracker::import::{build_plan, decode, guess_uses, headings, NewPlan, Table};
use plan_tracker::plan::read_plan;

fuzz_target!(|bytes: &[u8]| {
    let (text, _encoding) = decode(bytes);
    let Ok(table) = Table::from_delimited(&text) else {
        return;
    };
    let (_, heads) = headings(&table);
    let uses = guess_uses(&heads);
    let new_plan = NewPlan {
        title: "Imported plan".to_owned(),
        organisation: "Partnership".to_owned(),
        source: "fuzz.csv".to_owned(),
        by: "Sam Officer".to_owned(),
        at: "2026-12-01T09:00:00Z".to_owned(),
    };
    if let Ok(made) = build_plan(&table, &uses, &new_plan) {
        if let Err(error) = read_plan(made.json.as_bytes()) {
            panic!("the plan made does not read back: {error:?}\n{}", made.json);
        }
    }
});
