//! Native benchmarks: the whole `analyze` on 1k, 10k and 100k-word inputs, and each stage
//! alone on the 10k-word input (run on a copy of the document as the previous stages left
//! it), so that a regression points at its stage. Run: `cargo bench --bench analyze`.
use article_analyzer::internals::{Document, STAGES};
use article_analyzer::{analyze, Options};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// The sample article repeated until it has at least `words` words.
fn article(words: usize) -> String {
    let sample = include_str!("../www/sample-article.txt");
    let per = sample.split_whitespace().count();
    sample.repeat(words.div_ceil(per))
}

fn whole(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for words in [1_000, 10_000, 100_000] {
        let text = article(words);
        group.throughput(Throughput::Elements(text.split_whitespace().count() as u64));
        group.bench_function(format!("{words}-words"), |b| b.iter(|| analyze(&text, &Options::default())));
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let text = article(10_000);
    let mut group = c.benchmark_group("stage-10k-words");
    let mut before = Document::new(&text);
    for stage in STAGES {
        group.bench_function(stage.name, |b| {
            b.iter_batched(|| before.clone(), |mut doc| (stage.run)(&mut doc), BatchSize::LargeInput)
        });
        (stage.run)(&mut before);
    }
    group.finish();
}

criterion_group!(benches, whole, stages);
criterion_main!(benches);
