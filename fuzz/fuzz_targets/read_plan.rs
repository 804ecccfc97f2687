//! Any bytes opened as a plan file: a plan or a refusal, never a panic, and
//! a refusal always says something.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_tracker::plan::read_plan;

fuzz_target!(|bytes: &[u8]| {
    if let Err(error) = read_plan(bytes) {
        assert!(!error.to_string().is_empty(), "a refusal without a message");
        for problem in error.problems() {
            assert!(!problem.message.is_empty(), "a problem without a message");
        }
    }
});
