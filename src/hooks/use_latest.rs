//! A value from the latest render, for listeners that live longer than
//! one render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// A shared cell holding `value` as of the latest render. A listener added
/// once (on mount) reads it when it fires, so it sees current props and
/// state without being removed and added again on every change. Clone the
/// value out before calling into it: a callback may re-render, which writes
/// the cell.
#[hook]
pub fn use_latest<T: Clone + 'static>(value: T) -> Rc<RefCell<T>> {
    let cell = use_mut_ref(|| value.clone());
    *cell.borrow_mut() = value;
    cell
}
