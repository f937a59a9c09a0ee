//! Giving the main thread back to the browser between slices of long work,
//! so the page paints and answers input while it runs.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::JsValue;

/// How long one slice of long work (an import, a comparison, reading the
/// library at start-up) may hold the main thread before the page gets the
/// event loop back.
pub const SLICE_MS: f64 = 8.0;

/// Resolves on a later task (`setTimeout(0)`): whatever the browser has
/// queued — input, layout, paint — runs first.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            // No window (a worker, a test): go on at once.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `task` on later tasks with a flag that the returned function sets:
/// an effect's destructor, so that work begun for dependencies that have
/// since changed stops at its next look at the flag.
pub fn spawn_until_superseded<F, Fut>(task: F) -> impl FnOnce()
where
    F: FnOnce(Rc<Cell<bool>>) -> Fut,
    Fut: Future<Output = ()> + 'static,
{
    let superseded = Rc::new(Cell::new(false));
    wasm_bindgen_futures::spawn_local(task(superseded.clone()));
    move || superseded.set(true)
}
