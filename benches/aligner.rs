//! The word aligner alone: a quote against windows of source words, as the
//! matcher runs it for every quote not found exactly.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use verbatim::matcher::align::align;
use verbatim::matcher::quote::parse_quote;

const PASSAGE: &str = "the united states is intensifying pressure on mexico to allow us military forces to \
conduct joint operations aimed at dismantling fentanyl laboratories in the country according to us officials \
the push comes as donald trump insists to the mexican government that the united states should play a more \
significant role in the fight against drug cartels that produce fentanyl and smuggle it into us territory";

fn bench(c: &mut Criterion) {
    let window: Vec<&str> = PASSAGE.split(' ').collect();
    let exact = parse_quote("the push comes as donald trump insists to the mexican government");
    let typo = parse_quote("the push comes as donald trump insits to the mexican govenrment");
    let edited = parse_quote(
        "the push came as trump insisted to the mexicans that the us should play a role",
    );
    let ellipsis = parse_quote("the push comes as donald trump insists ... the united states should play a more significant role");
    c.bench_function("align exact quote, 60-word window", |b| {
        b.iter(|| align(black_box(&exact.tokens), black_box(&window)))
    });
    c.bench_function("align quote with typos", |b| {
        b.iter(|| align(black_box(&typo.tokens), black_box(&window)))
    });
    c.bench_function("align heavily edited quote", |b| {
        b.iter(|| align(black_box(&edited.tokens), black_box(&window)))
    });
    c.bench_function("align quote with an ellipsis", |b| {
        b.iter(|| align(black_box(&ellipsis.tokens), black_box(&window)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
