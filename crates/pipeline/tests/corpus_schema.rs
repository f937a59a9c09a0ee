//! `docs/corpus-schema.json` describes what the pipeline writes: every
//! object in the built corpus has the schema's required keys and no key the
//! schema does not list, and every enumerated value is one the schema
//! allows. (A small checker for the keywords the schema uses, so the test
//! needs no JSON Schema engine.)

use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/$defs/");
            resolve(schema, &schema["$defs"][name])
        }
        None => node,
    }
}

fn check(schema: &Value, node: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let node = resolve(schema, node);
    if let Some(options) = node.get("oneOf").and_then(Value::as_array) {
        let ok = options.iter().any(|o| {
            let mut e = Vec::new();
            check(schema, o, value, at, &mut e);
            e.is_empty()
        });
        if !ok {
            errors.push(format!("{at}: matches no oneOf option"));
        }
        return;
    }
    if let Some(allowed) = node.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    if let Some(c) = node.get("const") {
        if c != value {
            errors.push(format!("{at}: {value} is not {c}"));
        }
    }
    if let Some(t) = node.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let integer_as_number = actual == "integer" && types.contains(&"number");
        if !(types.contains(&actual) || integer_as_number) {
            errors.push(format!("{at}: {actual} is not {types:?}"));
        }
    }
    match value {
        Value::Object(map) => {
            let props = node.get("properties").and_then(Value::as_object);
            for req in node
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = req.as_str().unwrap_or_default();
                if !map.contains_key(key) {
                    errors.push(format!("{at}: missing required {key}"));
                }
            }
            if let Some(props) = props {
                for (k, v) in map {
                    match props.get(k) {
                        Some(p) => check(schema, p, v, &format!("{at}.{k}"), errors),
                        None => errors.push(format!("{at}: key {k} is not in the schema")),
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for (i, v) in items.iter().enumerate() {
                    check(schema, item, v, &format!("{at}[{i}]"), errors);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn built_corpus_matches_the_documented_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/corpus-schema.json")).expect("schema file"),
    )
    .expect("schema is JSON");
    let corpus = policy_pipeline::build_corpus(&root()).expect("corpus builds");
    let value = serde_json::to_value(&corpus).expect("serializes");
    let mut errors = Vec::new();
    check(&schema, &schema, &value, "$", &mut errors);
    assert!(
        errors.is_empty(),
        "{} schema mismatches, first: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
}

#[test]
fn the_checker_notices_a_mismatch() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/corpus-schema.json")).unwrap(),
    )
    .unwrap();
    let bad = serde_json::json!({"schema_version": 1, "documents": [{"id": "x"}], "mechanisms": [], "regions": [], "extra": 1});
    let mut errors = Vec::new();
    check(&schema, &schema, &bad, "$", &mut errors);
    assert!(errors.iter().any(|e| e.contains("extra")));
    assert!(errors.iter().any(|e| e.contains("missing required title")));
}
