//! The browser converts Traditional → Simplified with `ferrous-opencc`
//! (pure Rust, `policy_core::script`); the pipeline with the real OpenCC
//! (`opencc-rust`). Imported texts and queries are only normalized "like the
//! corpus" if both agree, so this test runs both over every raw file line,
//! every corpus unit, and a Traditional copy of every unit (made with
//! OpenCC's s2t — the realistic case of a user pasting a Traditional copy),
//! and reports and asserts agreement.

use policy_core::model::load_corpus;
use policy_core::script::SimplifiedConverter;
use policy_pipeline::opencc::{OpenCcConfig, OpenCcConverter};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Tally {
    name: &'static str,
    lines: usize,
    differ: Vec<String>,
}

impl Tally {
    fn check(&mut self, text: &str, native: &OpenCcConverter, pure: &SimplifiedConverter) {
        self.lines += 1;
        let (a, b) = (native.convert(text), pure.to_simplified(text));
        if a != b {
            let diff: Vec<String> = a
                .chars()
                .zip(b.chars())
                .filter(|(x, y)| x != y)
                .take(5)
                .map(|(x, y)| format!("{x}≠{y}"))
                .collect();
            self.differ
                .push(format!("    opencc-rust vs ferrous: {}", diff.join(" ")));
        }
    }

    fn report(&self) {
        println!(
            "{}: {}/{} lines agree",
            self.name,
            self.lines - self.differ.len(),
            self.lines
        );
        for d in self.differ.iter().take(20) {
            println!("{d}");
        }
    }
}

#[test]
fn pure_rust_converter_agrees_with_opencc_on_the_corpus() {
    let native = OpenCcConverter::new(OpenCcConfig::T2s).expect("libopencc installed");
    let to_traditional = OpenCcConverter::new(OpenCcConfig::S2t).expect("libopencc installed");
    let pure = SimplifiedConverter::new().unwrap();

    let mut raw = Tally {
        name: "raw files",
        lines: 0,
        differ: vec![],
    };
    let mut raw_files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/raw"))
        .expect("corpus/raw exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    raw_files.sort();
    for path in &raw_files {
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines() {
            raw.check(line, &native, &pure);
        }
    }

    let mut units = Tally {
        name: "corpus units",
        lines: 0,
        differ: vec![],
    };
    let mut traditional = Tally {
        name: "corpus units in Traditional (s2t)",
        lines: 0,
        differ: vec![],
    };
    // The corpus is committed: its absence is a failure, not a skip.
    let json = std::fs::read_to_string(root().join("corpus/corpus.json"))
        .expect("corpus/corpus.json is committed");
    let corpus = load_corpus(&json).expect("corpus/corpus.json loads");
    for unit in corpus.documents.iter().flat_map(|d| &d.units) {
        units.check(&unit.text, &native, &pure);
        traditional.check(&to_traditional.convert(&unit.text), &native, &pure);
    }

    raw.report();
    units.report();
    traditional.report();
    assert!(raw.lines > 0, "no raw lines read");
    for t in [&raw, &units, &traditional] {
        assert!(
            t.differ.is_empty(),
            "{}: the converters disagree on {} lines",
            t.name,
            t.differ.len()
        );
    }
}

/// OpenCC's own test cases through both converters, per config: shows
/// whether a failing case is a difference between the two converters or a
/// dictionary both share (cases follow OpenCC's current dictionaries).
#[test]
fn both_converters_on_opencc_test_cases() {
    use policy_core::script::ScriptConfig;
    let dir = root().join("../shared/peer/opencc");
    for (file, native_cfg, pure_cfg) in [
        ("t2s.json", OpenCcConfig::T2s, ScriptConfig::T2s),
        ("tw2s.json", OpenCcConfig::Tw2s, ScriptConfig::Tw2s),
        ("hk2s.json", OpenCcConfig::Hk2s, ScriptConfig::Hk2s),
    ] {
        let Ok(json) = std::fs::read_to_string(dir.join(file)) else {
            policy_core::fixtures::fixture_missing(
                &format!("both_converters_on_opencc_test_cases {file}"),
                &dir.join(file),
            );
            return;
        };
        let cases = policy_core::opencc_cases::parse_cases(&json).expect("case file is JSON");
        let native = OpenCcConverter::new(native_cfg).expect("libopencc installed");
        let pure = SimplifiedConverter::with_config(pure_cfg).unwrap();
        let native_score = policy_core::opencc_cases::score(&cases, |s| native.convert(s));
        let pure_score = policy_core::opencc_cases::score(&cases, |s| pure.to_simplified(s));
        let total = cases.cases.len();
        let (n_ok, p_ok) = (native_score.passed(), pure_score.passed());
        let agree = cases
            .cases
            .iter()
            .filter(|c| native.convert(&c.input) == pure.to_simplified(&c.input))
            .count();
        println!("{file}: opencc-rust (libopencc 1.1.6) {n_ok}/{total}, ferrous-opencc {p_ok}/{total}, converters agree on {agree}/{total}");
        assert!(total > 0);
        assert_eq!(
            agree, total,
            "{file}: the converters disagree on some OpenCC cases"
        );
    }
}
