//! The user's library as the app sees it: loaded from IndexedDB once at
//! start-up, then changed only through the context's callbacks, each of
//! which writes to IndexedDB first and changes the in-memory library only
//! when the write committed (a failed write loses nothing and says why).

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::clock;
use crate::scheduling::{yield_to_browser, SLICE_MS};
use crate::user_library::idb::{self, IdbError};
use crate::user_library::{RecordProblem, UserDocs, UserDocument};

/// Where the library is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryStatus {
    /// Off: embed mode without the embedding page's opt-in.
    Disabled,
    /// Reading IndexedDB.
    Loading,
    Ready,
    /// No IndexedDB here; nothing can be kept.
    Unavailable,
}

/// Something the user should know about the library (shown on the library
/// pages until dismissed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryNotice {
    /// Stored records that could not be read were skipped (left in storage
    /// untouched, so a newer version may still read them).
    Skipped { count: usize },
    /// A write failed; nothing changed.
    SaveFailed(IdbError),
    /// Reading the library failed.
    LoadFailed(IdbError),
}

/// The library state behind the context.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryState {
    pub status: LibraryStatus,
    pub docs: UserDocs,
    pub notices: Vec<LibraryNotice>,
}

pub enum LibraryAction {
    Loaded(Vec<UserDocument>, usize),
    LoadFailed(IdbError),
    Added(Vec<UserDocument>),
    Removed(Vec<String>),
    Cleared,
    SaveFailed(IdbError),
    Dismiss(usize),
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Loaded(docs, skipped) => {
                next.status = LibraryStatus::Ready;
                next.docs = UserDocs(Rc::new(docs));
                if skipped > 0 {
                    next.notices.push(LibraryNotice::Skipped { count: skipped });
                }
            }
            LibraryAction::LoadFailed(error) => {
                next.status = LibraryStatus::Unavailable;
                if error != IdbError::Unavailable {
                    next.notices.push(LibraryNotice::LoadFailed(error));
                }
            }
            LibraryAction::Added(added) => {
                let mut docs = (*next.docs.0).clone();
                for doc in added {
                    match docs.iter_mut().find(|d| d.doc.id == doc.doc.id) {
                        Some(slot) => *slot = doc,
                        None => docs.push(doc),
                    }
                }
                next.docs = UserDocs(Rc::new(docs));
            }
            LibraryAction::Removed(ids) => {
                let docs = next
                    .docs
                    .0
                    .iter()
                    .filter(|d| !ids.contains(&d.doc.id))
                    .cloned()
                    .collect();
                next.docs = UserDocs(Rc::new(docs));
            }
            LibraryAction::Cleared => next.docs = UserDocs::default(),
            LibraryAction::SaveFailed(error) => next.notices.push(LibraryNotice::SaveFailed(error)),
            LibraryAction::Dismiss(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
        }
        Rc::new(next)
    }
}

/// What a write's caller learns when it ends.
pub type Done = Callback<Result<(), IdbError>>;

/// The library and the ways to change it, as a context.
#[derive(Clone, PartialEq)]
pub struct UserLibraryContext {
    pub state: UseReducerHandle<LibraryState>,
    /// Adds (or replaces, by id) documents: written in one transaction.
    pub add: Callback<(Vec<UserDocument>, Done)>,
    pub remove: Callback<(Vec<String>, Done)>,
    pub clear: Callback<Done>,
    pub dismiss: Callback<usize>,
}

impl UserLibraryContext {
    pub fn usable(&self) -> bool {
        self.state.status == LibraryStatus::Ready
    }
}

/// Reads stored records: good ones in key order, and how many were skipped.
pub fn read_records(records: Vec<(String, Option<String>)>) -> (Vec<UserDocument>, usize) {
    let mut reader = RecordReader::default();
    for (key, value) in records {
        reader.read(&key, value);
    }
    (reader.docs, reader.skipped)
}

/// [`read_records`] over what IndexedDB returned, in slices of about
/// [`SLICE_MS`] with the browser given the main thread between them: each
/// record is tens of kilobytes of JSON, and a library of hundreds read at
/// once would hold the page for a long task at start-up.
async fn read_records_in_slices(records: Vec<(String, JsValue)>) -> (Vec<UserDocument>, usize) {
    let mut reader = RecordReader::default();
    let mut slice_start = clock::now_ms();
    for (key, value) in records {
        reader.read(&key, value.as_string());
        if clock::now_ms() - slice_start >= SLICE_MS {
            yield_to_browser().await;
            slice_start = clock::now_ms();
        }
    }
    (reader.docs, reader.skipped)
}

/// Stored records read one at a time; a malformed one is counted and left
/// in storage untouched.
#[derive(Default)]
struct RecordReader {
    docs: Vec<UserDocument>,
    skipped: usize,
}

impl RecordReader {
    fn read(&mut self, key: &str, value: Option<String>) {
        let parsed = value
            .ok_or(RecordProblem::Shape("not text".into()))
            .and_then(|v| UserDocument::from_stored_json(&v))
            .and_then(|d| {
                if d.doc.id == key {
                    Ok(d)
                } else {
                    Err(RecordProblem::Id)
                }
            });
        match parsed {
            Ok(doc) => self.docs.push(doc),
            Err(problem) => {
                self.skipped += 1;
                if cfg!(target_arch = "wasm32") {
                    gloo::console::warn!(format!("skipped stored document {key:?}: {problem:?}"));
                }
            }
        }
    }
}

#[hook]
pub fn use_user_library(enabled: bool) -> UserLibraryContext {
    let state = use_reducer(move || LibraryState {
        status: if enabled {
            LibraryStatus::Loading
        } else {
            LibraryStatus::Disabled
        },
        docs: UserDocs::default(),
        notices: Vec::new(),
    });
    {
        let state = state.clone();
        use_effect_with(enabled, move |enabled| {
            if *enabled {
                wasm_bindgen_futures::spawn_local(async move {
                    match idb::load_all().await {
                        Ok(records) => {
                            let (docs, skipped) = read_records_in_slices(records).await;
                            state.dispatch(LibraryAction::Loaded(docs, skipped));
                        }
                        Err(error) => state.dispatch(LibraryAction::LoadFailed(error)),
                    }
                });
            }
        });
    }
    let add = {
        let state = state.clone();
        Callback::from(move |(docs, done): (Vec<UserDocument>, Done)| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let records: Result<Vec<(String, String)>, String> = docs
                    .iter()
                    .map(|d| d.to_stored_json().map(|json| (d.doc.id.clone(), json)))
                    .collect();
                let result = match records {
                    Ok(records) => idb::put_all(&records).await,
                    Err(error) => Err(IdbError::Other(error)),
                };
                finish(&state, result, LibraryAction::Added(docs), &done);
            });
        })
    };
    let remove = {
        let state = state.clone();
        Callback::from(move |(ids, done): (Vec<String>, Done)| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = idb::delete(&ids).await;
                finish(&state, result, LibraryAction::Removed(ids), &done);
            });
        })
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |done: Done| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = idb::clear().await;
                finish(&state, result, LibraryAction::Cleared, &done);
            });
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(LibraryAction::Dismiss(index)))
    };
    UserLibraryContext {
        state,
        add,
        remove,
        clear,
        dismiss,
    }
}

fn finish(
    state: &UseReducerHandle<LibraryState>,
    result: Result<(), IdbError>,
    on_success: LibraryAction,
    done: &Done,
) {
    match &result {
        Ok(()) => state.dispatch(on_success),
        Err(error) => state.dispatch(LibraryAction::SaveFailed(error.clone())),
    }
    done.emit(result);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str) -> UserDocument {
        let mut doc = crate::test_fixtures::fixture_corpus().documents[0].clone();
        doc.id = id.into();
        doc.title = title.into();
        UserDocument {
            doc,
            provenance: crate::user_library::Provenance {
                file_name: None,
                imported_at: String::new(),
                bytes: 1,
                corrections: Vec::new(),
            },
        }
    }

    #[test]
    fn the_reducer_adds_replaces_removes_and_keeps_notices() {
        let state = Rc::new(LibraryState {
            status: LibraryStatus::Loading,
            docs: UserDocs::default(),
            notices: Vec::new(),
        });
        let state = state.reduce(LibraryAction::Loaded(vec![doc("mine-a", "A")], 2));
        assert_eq!(state.status, LibraryStatus::Ready);
        assert_eq!(state.notices, vec![LibraryNotice::Skipped { count: 2 }]);
        let state = state.reduce(LibraryAction::Added(vec![
            doc("mine-a", "A2"),
            doc("mine-b", "B"),
        ]));
        let titles: Vec<_> = state.docs.0.iter().map(|d| d.doc.title.clone()).collect();
        assert_eq!(titles, ["A2", "B"], "same id replaces in place");
        let state = state.reduce(LibraryAction::SaveFailed(IdbError::Quota));
        assert_eq!(state.docs.0.len(), 2, "a failed write changes no document");
        let state = state.reduce(LibraryAction::Removed(vec!["mine-a".into()]));
        assert_eq!(state.docs.0.len(), 1);
        let state = state
            .reduce(LibraryAction::Dismiss(0))
            .reduce(LibraryAction::Dismiss(9));
        assert_eq!(
            state.notices,
            vec![LibraryNotice::SaveFailed(IdbError::Quota)]
        );
        let state = state.reduce(LibraryAction::Cleared);
        assert!(state.docs.0.is_empty());
        let state = state.reduce(LibraryAction::LoadFailed(IdbError::Unavailable));
        assert_eq!(state.status, LibraryStatus::Unavailable);
    }

    #[test]
    fn unreadable_records_are_skipped_and_counted() {
        let good = {
            let mut doc = crate::test_fixtures::fixture_corpus().documents[0].clone();
            doc.id = "mine-a".into();
            UserDocument {
                doc,
                provenance: crate::user_library::Provenance {
                    file_name: None,
                    imported_at: String::new(),
                    bytes: 1,
                    corrections: Vec::new(),
                },
            }
        };
        let json = good.to_stored_json().unwrap();
        let (docs, skipped) = read_records(vec![
            ("mine-a".into(), Some(json.clone())),
            ("mine-b".into(), Some(json)),
            ("mine-c".into(), None),
            ("mine-d".into(), Some("{\"v\":1".into())),
        ]);
        assert_eq!(docs, vec![good]);
        assert_eq!(skipped, 3);
    }
}
