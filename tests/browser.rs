//! The app's browser-only behaviour, in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`, run by
//! `cargo xtask test`): the panic banner, stored preferences, and a real
//! mount of the app following hash routes.
#![cfg(target_arch = "wasm32")]

use policy_explorer_app::app::{App, AppProps};
use policy_explorer_app::corpus_data::bundled_corpus;
use policy_explorer_app::i18n::Lang;
use policy_explorer_app::panic_banner::{show_banner, BANNER_ID};
use policy_explorer_app::preferences::{load_language, save_language, LANGUAGE_KEY};
use policy_explorer_app::state::NoticeKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets Yew's scheduler and the router's `popstate` handling run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 60)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_panic_banner_is_an_alert_with_the_message_as_inert_text() {
    let hostile = "boom <img src=x onerror=alert(1)> at src/x.rs:1";
    show_banner(hostile).expect("banner shown");
    show_banner("a second panic").expect("no error on repeat");

    let banners = document()
        .query_selector_all(&format!("#{BANNER_ID}"))
        .unwrap();
    assert_eq!(banners.length(), 1, "one banner, however many panics");
    let banner = document().get_element_by_id(BANNER_ID).unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        banner.query_selector("img").unwrap().is_none(),
        "message never parsed as HTML"
    );
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains(hostile));
    let button = banner
        .query_selector("button")
        .unwrap()
        .expect("reload button");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert!(button
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .onclick()
        .is_some());
    banner.remove();
}

#[wasm_bindgen_test]
fn a_corrupt_stored_language_is_reset_with_a_notice() {
    storage()
        .set_item(LANGUAGE_KEY, "<script>alert(1)</script>")
        .unwrap();
    let (lang, notices) = load_language();
    assert_eq!(lang, Lang::Zh);
    assert_eq!(notices, vec![NoticeKind::StoredLanguageReset]);
    assert_eq!(
        storage().get_item(LANGUAGE_KEY).unwrap(),
        None,
        "reset, so it is reported once"
    );
    assert_eq!(load_language(), (Lang::Zh, Vec::new()));

    save_language(Lang::En);
    assert_eq!(load_language(), (Lang::En, Vec::new()));
    storage().remove_item(LANGUAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn the_mounted_app_follows_hash_routes_and_switches_language() {
    storage().remove_item(LANGUAGE_KEY).unwrap();
    let corpus = bundled_corpus().expect("bundled corpus loads");
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let props = AppProps {
        corpus: Ok(corpus.clone()),
        initial_lang: Lang::Zh,
        startup_notices: Vec::new(),
        environment: Default::default(),
        initial_user_tours: Default::default(),
        initial_my_copy: None,
        initial_presenting: false,
        initial_tour: None,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let body = document().body().unwrap();
    assert_eq!(body.get_attribute("data-ready").as_deref(), Some("library"));
    let rows = root.query_selector_all("#library tr[data-doc-id]").unwrap();
    assert_eq!(rows.length() as usize, corpus.documents.len());

    // A permalink to the last unit of the first document.
    let doc = &corpus.documents[0];
    let unit = doc.units.last().expect("a unit");
    let hash = format!("#/doc/{}/{}", doc.id, unit.path);
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(&hash)
        .unwrap();
    settle().await;
    assert_eq!(body.get_attribute("data-ready").as_deref(), Some("reader"));
    let targets = root.query_selector_all(".unit--target").unwrap();
    assert_eq!(targets.length(), 1);
    let target = root.query_selector(".unit--target").unwrap().unwrap();
    assert_eq!(
        target.get_attribute("data-path").as_deref(),
        Some(unit.path.as_str())
    );
    assert_eq!(
        target.get_attribute("aria-current").as_deref(),
        Some("location")
    );
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some(format!("unit-{}", unit.path)),
        "focus moves to the unit"
    );

    let toggle = root.query_selector("#lang-toggle").unwrap().unwrap();
    toggle.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    settle().await;
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("en"));
    assert_eq!(
        storage().get_item(LANGUAGE_KEY).unwrap().as_deref(),
        Some(r#"{"v":1,"data":"en"}"#),
        "stored in the versioned envelope of src/storage.rs"
    );

    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/doc/no-such-document")
        .unwrap();
    settle().await;
    assert!(root
        .query_selector("[data-testid=not-found]")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("[data-testid=not-found] a[href='#/']")
        .unwrap()
        .is_some());

    handle.destroy();
    root.remove();
    storage().remove_item(LANGUAGE_KEY).unwrap();
    web_sys::window().unwrap().location().set_hash("").unwrap();
}
