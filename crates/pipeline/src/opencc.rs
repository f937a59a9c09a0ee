//! Real OpenCC (Debian's libopencc through `opencc-rust`) as the
//! pipeline's [`ScriptConverter`].

use opencc_rust::{DefaultConfig, OpenCC};
use policy_core::ingest::ScriptConverter;

/// Which OpenCC configuration to load. The corpus uses `T2s`; the others
/// exist for the conformance report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenCcConfig {
    /// Traditional → Simplified (OpenCC's standard).
    T2s,
    /// Taiwan Traditional → Simplified.
    Tw2s,
    /// Hong Kong Traditional → Simplified.
    Hk2s,
    /// Simplified → Traditional, used by tests to make traditional copies
    /// and to look for characters that only exist in traditional script.
    S2t,
}

impl OpenCcConfig {
    fn default_config(self) -> DefaultConfig {
        match self {
            OpenCcConfig::T2s => DefaultConfig::T2S,
            OpenCcConfig::Tw2s => DefaultConfig::TW2S,
            OpenCcConfig::Hk2s => DefaultConfig::HK2S,
            OpenCcConfig::S2t => DefaultConfig::S2T,
        }
    }

    /// The config file name, e.g. `t2s.json`.
    pub fn file_name(self) -> &'static str {
        self.default_config().get_file_name()
    }
}

/// OpenCC could not load its configuration (libopencc's data files are
/// missing: `apt-get install libopencc-dev`, or `cargo xtask setup`).
#[derive(Debug, thiserror::Error)]
#[error(
    "OpenCC could not open {config}: {reason} (is libopencc installed? run `cargo xtask setup`)"
)]
pub struct OpenCcError {
    /// The config file that failed, e.g. `t2s.json`.
    pub config: &'static str,
    /// What libopencc reported.
    pub reason: String,
}

/// A loaded OpenCC converter.
pub struct OpenCcConverter {
    inner: OpenCC,
}

impl OpenCcConverter {
    /// Loads the converter for `config`.
    pub fn new(config: OpenCcConfig) -> Result<Self, OpenCcError> {
        OpenCC::new(config.default_config())
            .map(|inner| OpenCcConverter { inner })
            .map_err(|reason| OpenCcError {
                config: config.file_name(),
                reason: reason.to_string(),
            })
    }

    /// The Traditional → Simplified converter the corpus is built with.
    pub fn t2s() -> Result<Self, OpenCcError> {
        Self::new(OpenCcConfig::T2s)
    }

    /// Converts `text` with the loaded configuration.
    pub fn convert(&self, text: &str) -> String {
        self.inner.convert(text)
    }
}

impl ScriptConverter for OpenCcConverter {
    fn to_simplified(&self, text: &str) -> String {
        self.convert(text)
    }
}
