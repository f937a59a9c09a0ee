fn main() {
    for p in ["/tmp/v_full.json", "/tmp/v_noevidence.json", "/tmp/v_nodoubts.json", "/tmp/v_norestored.json"] {
        let s = std::fs::read_to_string(p).unwrap();
        let t = std::time::Instant::now();
        for _ in 0..50 { let c = policy_core::model::load_corpus(&s).unwrap(); std::hint::black_box(c); }
        println!("{p}: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0 / 50.0);
    }
}
