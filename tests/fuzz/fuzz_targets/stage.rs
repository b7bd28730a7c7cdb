//! Fuzz target for each stage's entry point: the first byte picks a stage (modulo the number
//! of stages), the rest is the text (read as UTF-8, invalid bytes replaced). The document is
//! brought to what the stages before it leave (`run_before`), the stage runs, and the target
//! asserts the invariants of `invariants.rs` on every layer and that running the same stage
//! on the same document again gives the same document (deterministic).
#![no_main]

mod invariants;

use article_analyzer::internals::{run_before, STAGES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let stage = &STAGES[usize::from(pick) % STAGES.len()];
    let text = String::from_utf8_lossy(rest);
    let before = run_before(&text, stage.name);
    let mut first = before.clone();
    (stage.run)(&mut first);
    invariants::check(&first, stage.name);
    let mut second = before;
    (stage.run)(&mut second);
    assert_eq!(format!("{first:?}"), format!("{second:?}"), "{}: non-deterministic", stage.name);
});
