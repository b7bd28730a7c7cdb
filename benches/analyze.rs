//! Native benchmark of the whole `analyze` (stages get their own groups as they land).
use article_analyzer::{analyze, Options};
use criterion::{criterion_group, criterion_main, Criterion};

fn whole(c: &mut Criterion) {
    let text = include_str!("../www/sample-article.txt");
    c.bench_function("analyze/sample", |b| b.iter(|| analyze(text, &Options::default())));
}

criterion_group!(benches, whole);
criterion_main!(benches);
