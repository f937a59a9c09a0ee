//! Traditional → Simplified conversion that runs in the browser.
//!
//! The pipeline converts raw files with the real OpenCC (C++ via
//! `opencc-rust`), which cannot be compiled to wasm32. Queries typed in the
//! browser and texts a user imports must still be converted *the same way*,
//! so this module wraps `ferrous-opencc`, a pure-Rust port that embeds
//! OpenCC's own dictionaries. Agreement with OpenCC is tested against
//! OpenCC's test cases (`tests` below) and against `opencc-rust` on the whole
//! corpus (`crates/pipeline/tests/converter_agreement.rs`).

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

/// Which OpenCC configuration to apply. The corpus uses [`ScriptConfig::T2s`];
/// the Taiwan and Hong Kong variants exist so conformance can be measured per
/// OpenCC config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptConfig {
    /// OpenCC `t2s.json`: Traditional (OpenCC standard) → Simplified.
    T2s,
    /// OpenCC `tw2s.json`: Traditional (Taiwan) → Simplified.
    Tw2s,
    /// OpenCC `hk2s.json`: Traditional (Hong Kong) → Simplified.
    Hk2s,
}

impl ScriptConfig {
    fn builtin(self) -> BuiltinConfig {
        match self {
            ScriptConfig::T2s => BuiltinConfig::T2s,
            ScriptConfig::Tw2s => BuiltinConfig::Tw2s,
            ScriptConfig::Hk2s => BuiltinConfig::Hk2s,
        }
    }
}

/// The converter could not load its embedded dictionaries (a build defect,
/// never caused by user input).
#[derive(Debug, thiserror::Error)]
#[error("could not load the embedded OpenCC configuration {config:?}: {message}")]
pub struct ScriptError {
    /// The configuration that failed to load.
    pub config: ScriptConfig,
    /// What the OpenCC reader reported.
    pub message: String,
}

/// A pure-Rust OpenCC converter towards Simplified Chinese.
///
/// Building one loads dictionaries (a few milliseconds); build it once and
/// keep it.
pub struct SimplifiedConverter {
    opencc: OpenCC,
    config: ScriptConfig,
}

impl std::fmt::Debug for SimplifiedConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimplifiedConverter")
            .field("config", &self.config)
            .finish()
    }
}

impl SimplifiedConverter {
    /// The converter the corpus is built with (OpenCC `t2s`).
    pub fn new() -> Result<Self, ScriptError> {
        Self::with_config(ScriptConfig::T2s)
    }

    /// A converter with another embedded configuration (e.g. for the conformance report).
    pub fn with_config(config: ScriptConfig) -> Result<Self, ScriptError> {
        let opencc = OpenCC::from_config(config.builtin()).map_err(|e| ScriptError {
            config,
            message: e.to_string(),
        })?;
        Ok(SimplifiedConverter { opencc, config })
    }

    /// The configuration this converter was built with.
    pub fn config(&self) -> ScriptConfig {
        self.config
    }

    /// Converts `text` to Simplified Chinese; Simplified text, Latin letters,
    /// digits and punctuation pass through unchanged.
    pub fn to_simplified(&self, text: &str) -> String {
        self.opencc.convert(text)
    }
}

/// The browser's stand-in for the pipeline's native OpenCC: importing a
/// text in the browser runs the same cleaning rules with this converter.
impl crate::ingest::ScriptConverter for SimplifiedConverter {
    fn to_simplified(&self, text: &str) -> String {
        SimplifiedConverter::to_simplified(self, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn converts_the_issue_example_and_leaves_simplified_alone() {
        let c = SimplifiedConverter::new().unwrap();
        assert_eq!(c.to_simplified("橫向生態補償"), "横向生态补偿");
        assert_eq!(c.to_simplified("横向生态补偿"), "横向生态补偿");
        assert_eq!(
            c.to_simplified("區際利益補償機制 ABC 123，。"),
            "区际利益补偿机制 ABC 123，。"
        );
        assert_eq!(c.to_simplified(""), "");
        // Characters outside the BMP survive.
        assert_eq!(c.to_simplified("𫫇"), "𫫇");
    }

    fn peer_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/opencc")
    }

    /// Runs OpenCC's own test cases for one config. The cases are OpenCC's
    /// regression cases for recent dictionary fixes (乾/干, 擡/抬, 么/幺 …),
    /// so the dictionaries `ferrous-opencc` embeds fail a good share of them:
    /// the failures are printed, not special-cased. The assertion is a
    /// regression floor — the pass count measured when this converter was
    /// adopted — so a converter update that loses cases fails the test.
    fn conformance(config: ScriptConfig, file: &str, floor: usize) {
        let path = peer_dir().join(file);
        let Ok(json) = std::fs::read_to_string(&path) else {
            crate::fixtures::fixture_missing(&format!("script conformance {file}"), &path);
            return;
        };
        let cases = crate::opencc_cases::parse_cases(&json).expect("peer case file is JSON");
        let converter = SimplifiedConverter::with_config(config).unwrap();
        let score = crate::opencc_cases::score(&cases, |s| converter.to_simplified(s));
        let passed = score.passed();
        println!("{}", score.report(file));
        assert!(
            passed >= floor,
            "{file}: {passed} cases pass, fewer than the {floor} measured before"
        );
    }

    #[test]
    fn conformance_t2s() {
        conformance(ScriptConfig::T2s, "t2s.json", 28);
    }

    #[test]
    fn conformance_tw2s() {
        conformance(ScriptConfig::Tw2s, "tw2s.json", 22);
    }

    #[test]
    fn conformance_hk2s() {
        conformance(ScriptConfig::Hk2s, "hk2s.json", 12);
    }
}
