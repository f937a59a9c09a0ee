//! The hosted build's second stage (docs/loading.md): the words shown while
//! search, segmentation and comparison load after the first paint, and when
//! they cannot.

/// The strings of the loading state and its failure.
#[derive(Debug)]
pub struct LoadingStrings {
    pub loading: &'static str,
    pub failed: &'static str,
    pub retry: &'static str,
    pub back_to_library: &'static str,
}

const LOADING_ZH: LoadingStrings = LoadingStrings {
    loading: "正在加载检索与比较功能…",
    failed: "检索与比较功能未能加载（网络或服务器出错）。阅读不受影响；请检查网络后重试。",
    retry: "重试",
    back_to_library: "返回文件库",
};

const LOADING_EN: LoadingStrings = LoadingStrings {
    loading: "Loading search and comparison…",
    failed: "Search and comparison could not be loaded (a network or server error). Reading still works; check the connection and try again.",
    retry: "Try again",
    back_to_library: "Back to the library",
};

impl crate::i18n::Lang {
    /// The strings of the search-and-comparison loading state.
    pub fn loading_strings(self) -> &'static LoadingStrings {
        match self {
            crate::i18n::Lang::Zh => &LOADING_ZH,
            crate::i18n::Lang::En => &LOADING_EN,
        }
    }
}
