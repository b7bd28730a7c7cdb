//! Where the memory of one analysis goes, stage by stage (used by `benches/memory.mjs`).
//!
//! `cargo run --release --example memory -- FILE` reads FILE, runs the stages one by one
//! (as `analyze` does, English-only stages skipped for other languages), then, from scratch,
//! the whole `analyze` and the JSON serialisation the CLI does. A counting global allocator
//! gives, for each step, the heap still held after it (`held`: for a stage, the layers it
//! added) and the highest heap seen while it ran (`peak`), both relative to the heap before
//! it. Output: one JSON object with the input size, the steps, and the peak heap of
//! `analyze` plus serialisation (what the CLI needs beyond the input and the models).
//!
//! Native only (it reads a file and uses serde_json, as the CLI does).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::internals::{Document, STAGES};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            // Both blocks exist for a moment while the data is copied.
            PEAK.fetch_max(CURRENT.load(Relaxed) + new_size, Relaxed);
            CURRENT.fetch_add(new_size, Relaxed);
            CURRENT.fetch_sub(layout.size(), Relaxed);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap held and peak heap of one step, in bytes, relative to the heap held before it.
struct Step {
    name: &'static str,
    held: isize,
    peak: usize,
}

fn measure(name: &'static str, f: impl FnOnce()) -> Step {
    let before = CURRENT.load(Relaxed);
    PEAK.store(before, Relaxed);
    f();
    let after = CURRENT.load(Relaxed);
    Step { name, held: after as isize - before as isize, peak: PEAK.load(Relaxed) - before }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example memory -- FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1);
    });
    // Load every model and word list once, as a warm page or CLI has them, so the figures
    // below are the analysis's own.
    let _ = article_analyzer::analyze("Warm-up. The minister said on Tuesday that it might rain in London.", &Default::default());
    let mut json_len = 0;
    let mut steps = Vec::new();
    let mut doc = Document::new(&text);
    for stage in STAGES {
        if stage.english_only && !doc.english {
            continue;
        }
        steps.push(measure(stage.name, || (stage.run)(&mut doc)));
    }
    drop(doc);
    // The real call, from scratch: stages, then the public result (the document is dropped
    // once the result is built). Then the JSON the CLI prints, with the result still held.
    let mut analysis = None;
    let whole = measure("analyze", || analysis = article_analyzer::analyze(&text, &Default::default()).ok());
    // The CLI streams the JSON to its output; counting the bytes into a sink does the same.
    let json = measure("json", || {
        let mut counter = Counted(0);
        json_len = serde_json::to_writer(&mut counter, &analysis).map_or(0, |()| counter.0);
    });
    let peak = whole.peak.max(whole.held.max(0) as usize + json.peak);
    steps.extend([whole, json]);
    let rows: Vec<String> = steps
        .iter()
        .map(|s| format!("{{\"step\":\"{}\",\"heldBytes\":{},\"peakBytes\":{}}}", s.name, s.held, s.peak))
        .collect();
    println!("{{\"inputBytes\":{},\"jsonBytes\":{json_len},\"peakHeapBytes\":{peak},\"steps\":[{}]}}", text.len(), rows.join(","));
}

/// A writer that only counts the bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
