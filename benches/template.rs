//! Template rendering cost: the default template rendered with realistic
//! stream values, as every delivery does once per guild.
//!
//! `cargo bench --bench template` (results in target/criterion/).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use streammaxing::notify::template::{self, Sample, Template};

fn render(c: &mut Criterion) {
    let default = Template::default();
    let mut group = c.benchmark_group("render default template");
    for sample in [Sample::Typical, Sample::Emoji] {
        let vars = sample.vars();
        group.bench_function(sample.name(), |b| {
            b.iter(|| template::render(black_box(&default), black_box(&vars), "40952121085-29374"));
        });
    }
    group.finish();
    c.bench_function("validate default template", |b| {
        b.iter(|| template::validate(black_box(&default)));
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
