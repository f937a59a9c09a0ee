use policy_core::ingest::*;
use std::time::Instant;
fn main() {
    let big = std::fs::read_to_string("/tmp/large.txt").unwrap();
    let conv = IdentityConverter;
    let t = Instant::now();
    let c = clean_text(&big, "x.txt", &conv).unwrap();
    println!("clean {:?}", t.elapsed());
    let t = Instant::now();
    let p = parse_document(&c);
    println!("parse {:?}", t.elapsed());
    let mut units: Vec<_> = p.units.into_iter().map(|u| u.into_unit("x")).collect();
    let t = Instant::now();
    tagging::tag_mechanisms(&mut units);
    println!("mech {:?}", t.elapsed());
}
