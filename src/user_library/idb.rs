//! The user's library in IndexedDB: one object store, one record per
//! document (key: the document id; value: the record's JSON text, so that
//! a record this build cannot read is skipped, never a crash).
//!
//! Written directly over `web-sys` (no crate in the lock file wraps
//! IndexedDB, and the four operations needed are short). Each operation
//! opens the database, runs one transaction and waits for it to complete:
//! a batch of new documents is written in one transaction, so a failure
//! (quota, a closed database) writes none of them and changes nothing
//! already stored.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database name (one per origin).
pub const DB_NAME: &str = "policy-explorer";
/// The object store holding the documents.
pub const STORE: &str = "user-documents";
const DB_VERSION: u32 = 1;

/// Why an IndexedDB operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdbError {
    /// No IndexedDB here (an opaque-origin frame, a browser setting).
    Unavailable,
    /// The browser refused to store more (`QuotaExceededError`).
    Quota,
    /// Anything else: the DOMException's name and message.
    Other(String),
}

fn error_from(value: JsValue) -> IdbError {
    match value.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" => IdbError::Quota,
        Ok(e) if e.name() == "SecurityError" || e.name() == "InvalidStateError" => {
            IdbError::Unavailable
        }
        Ok(e) => IdbError::Other(format!("{}: {}", e.name(), e.message())),
        Err(v) => IdbError::Other(v.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

/// Resolves with the request's result, or rejects with its error.
async fn request_done(request: &IdbRequest) -> Result<JsValue, IdbError> {
    request_future(request).await.map_err(error_from)
}

/// Listens to the request now (not when first polled: its events may fire
/// before then) and returns the future of its outcome.
fn request_future(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction commits; rejects if it errs or aborts.
async fn transaction_done(tx: &IdbTransaction) -> Result<(), IdbError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let reject_abort = reject.clone();
        let aborted = tx.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = aborted.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_error.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(error_from)
}

/// Opens (creating on first use) database `name` with its one object
/// store `store` (version 1).
async fn open_database(name: &str, store: &'static str) -> Result<IdbDatabase, IdbError> {
    let window = web_sys::window().ok_or(IdbError::Unavailable)?;
    let factory = window
        .indexed_db()
        .map_err(|_| IdbError::Unavailable)?
        .ok_or(IdbError::Unavailable)?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(name, DB_VERSION)
        .map_err(|_| IdbError::Unavailable)?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |event: web_sys::IdbVersionChangeEvent| {
            let db = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        },
    );
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = request_done(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    result?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| IdbError::Other("open returned no database".into()))
}

fn store_transaction(
    db: &IdbDatabase,
    store: &str,
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, IdbError> {
    db.transaction_with_str_and_mode(store, mode)
        .map_err(error_from)
}

/// The library's documents.
const DOCUMENTS: KeyValueStore = KeyValueStore {
    db_name: DB_NAME,
    store: STORE,
};

/// Every stored record as `(key, value)`, the values still JavaScript
/// strings: turning them into Rust strings is left to the reader, which
/// does it in slices (a large library is tens of megabytes of text).
pub async fn load_all() -> Result<Vec<(String, JsValue)>, IdbError> {
    DOCUMENTS.entries().await
}

/// Writes every `(key, JSON)` record in one transaction: all or none.
pub async fn put_all(records: &[(String, String)]) -> Result<(), IdbError> {
    let records: Vec<(String, JsValue)> = records
        .iter()
        .map(|(key, json)| (key.clone(), JsValue::from_str(json)))
        .collect();
    DOCUMENTS.put_each(&records).await
}

/// Deletes the records with these keys (all or none), and their cached
/// search-index parts (best effort: a part left behind is never used, since
/// its document is gone, and is dropped at the next start).
pub async fn delete(keys: &[String]) -> Result<(), IdbError> {
    let done = DOCUMENTS.delete_each(keys).await;
    if done.is_ok() {
        super::index_cache::remove(keys).await;
    }
    done
}

/// Deletes every record, and every cached search-index part (best effort).
pub async fn clear() -> Result<(), IdbError> {
    let done = DOCUMENTS.clear().await;
    if done.is_ok() {
        super::index_cache::clear().await;
    }
    done
}

/// A database of this origin with one object store of values keyed by
/// strings: the library's documents, and the search index's cache
/// ([`super::index_cache`]).
pub struct KeyValueStore {
    pub db_name: &'static str,
    pub store: &'static str,
}

impl KeyValueStore {
    /// Every `(key, value)`, keys in order. The values are read one
    /// request per key ([`Self::get_each`]): a single `getAll` of a large
    /// library hands tens of megabytes to the page in one long task. A key
    /// whose value went missing between the two reads is left out.
    pub async fn entries(&self) -> Result<Vec<(String, JsValue)>, IdbError> {
        let keys = self.keys().await?;
        let values = self.get_each(&keys).await?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter(|(_, value)| !value.is_undefined())
            .collect())
    }

    /// Every key.
    pub async fn keys(&self) -> Result<Vec<String>, IdbError> {
        let db = open_database(self.db_name, self.store).await?;
        let tx = store_transaction(&db, self.store, IdbTransactionMode::Readonly)?;
        let store = tx.object_store(self.store).map_err(error_from)?;
        let keys = request_future(&store.get_all_keys().map_err(error_from)?).await;
        db.close();
        let keys = keys.map_err(error_from)?;
        Ok(Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_string())
            .collect())
    }

    /// The values of `keys` (`undefined` for a missing one), read one
    /// request per key so that the browser hands them over in many short
    /// tasks rather than one long one.
    pub async fn get_each(&self, keys: &[String]) -> Result<Vec<JsValue>, IdbError> {
        let db = open_database(self.db_name, self.store).await?;
        let tx = store_transaction(&db, self.store, IdbTransactionMode::Readonly)?;
        let store = tx.object_store(self.store).map_err(error_from)?;
        // Every request is made before awaiting any: a transaction stays
        // alive only while it has requests pending.
        let mut pending = Vec::with_capacity(keys.len());
        for key in keys {
            pending.push(request_future(
                &store.get(&JsValue::from_str(key)).map_err(error_from)?,
            ));
        }
        let mut values = Vec::with_capacity(keys.len());
        for request in pending {
            values.push(request.await.unwrap_or(JsValue::UNDEFINED));
        }
        db.close();
        Ok(values)
    }

    /// Writes every `(key, value)` in one transaction: all or none.
    pub async fn put_each(&self, records: &[(String, JsValue)]) -> Result<(), IdbError> {
        let db = open_database(self.db_name, self.store).await?;
        let tx = store_transaction(&db, self.store, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(self.store).map_err(error_from)?;
        for (key, value) in records {
            if let Err(error) = store.put_with_key(value, &JsValue::from_str(key)) {
                let _ = tx.abort();
                db.close();
                return Err(error_from(error));
            }
        }
        let done = transaction_done(&tx).await;
        db.close();
        done
    }

    /// Deletes the values of `keys`.
    pub async fn delete_each(&self, keys: &[String]) -> Result<(), IdbError> {
        let db = open_database(self.db_name, self.store).await?;
        let tx = store_transaction(&db, self.store, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(self.store).map_err(error_from)?;
        for key in keys {
            store.delete(&JsValue::from_str(key)).map_err(error_from)?;
        }
        let done = transaction_done(&tx).await;
        db.close();
        done
    }

    /// Deletes every value.
    pub async fn clear(&self) -> Result<(), IdbError> {
        let db = open_database(self.db_name, self.store).await?;
        let tx = store_transaction(&db, self.store, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(self.store).map_err(error_from)?;
        store.clear().map_err(error_from)?;
        let done = transaction_done(&tx).await;
        db.close();
        done
    }
}
