//! Validates request bodies against Discord's OpenAPI spec (`tests/discord-api/openapi.json`, a
//! copy kept in the repository; see its README for where it comes from and its licence).
//!
//! The spec's request schemas are looked up by method and path template; interaction callbacks
//! are checked against the schema for their `type` (the spec's `anyOf` over all callback kinds
//! would accept a message body under the wrong type).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Value, json};

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!("../discord-api/openapi.json")).expect("the spec is JSON")
    })
}

type Validators = Mutex<HashMap<String, Arc<jsonschema::Validator>>>;

fn validators() -> &'static Validators {
    static CACHE: OnceLock<Validators> = OnceLock::new();
    CACHE.get_or_init(Validators::default)
}

/// Finds the spec's path template for a concrete path (`{…}` matches one segment).
fn template(path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.split('/').collect();
    spec()["paths"]
        .as_object()?
        .keys()
        .map(String::as_str)
        .find(|template| {
            let parts: Vec<&str> = template.split('/').collect();
            parts.len() == segments.len()
                && parts
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| (t.starts_with('{') && t.ends_with('}')) || t == s)
        })
}

fn schema_for(method: &str, template: &str, body: &Value) -> Option<(String, Value)> {
    if template == "/interactions/{interaction_id}/{interaction_token}/callback" {
        let name = match body["type"].as_u64()? {
            1 => "PongInteractionCallbackRequest",
            4 | 5 => "CreateMessageInteractionCallbackRequest",
            6 | 7 => "UpdateMessageInteractionCallbackRequest",
            8 => "ApplicationCommandAutocompleteCallbackRequest",
            9 => "ModalInteractionCallbackRequest",
            _ => return None,
        };
        return Some((
            name.to_owned(),
            json!({ "$ref": format!("#/components/schemas/{name}") }),
        ));
    }
    let operation = &spec()["paths"][template][method.to_lowercase()];
    let schema = operation["requestBody"]["content"]["application/json"]["schema"].clone();
    (!schema.is_null()).then(|| (format!("{method} {template}"), schema))
}

/// Discord accepts an integer-parseable string where the spec says integer (and documents
/// some fields, such as `default_member_permissions`, as such strings): not a problem.
fn integer_as_string(error: &jsonschema::ValidationError<'_>) -> bool {
    let expects_integer = error.to_string().contains("\"integer\"");
    let digits = error
        .instance()
        .as_str()
        .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    expects_integer && digits
}

/// Discord's documentation gives new uploads integer attachment ids (`"id": 0`, the file's
/// index in the request), where the spec says snowflake string; the documentation wins, so
/// those ids are compared as strings.
fn attachment_ids_as_strings(body: &Value) -> Value {
    let mut body = body.clone();
    let fix = |value: &mut Value| {
        if let Some(list) = value.get_mut("attachments").and_then(Value::as_array_mut) {
            for attachment in list {
                if let Some(id) = attachment.get("id").and_then(Value::as_u64) {
                    attachment["id"] = json!(id.to_string());
                }
            }
        }
    };
    fix(&mut body);
    if let Some(data) = body.get_mut("data") {
        fix(data);
    }
    body
}

/// `Ok` if the spec accepts `body` for this request, else every problem found.
pub fn validate(method: &str, path: &str, body: &Value) -> Result<(), Vec<String>> {
    let template = template(path).ok_or_else(|| vec![format!("{path} is not in Discord's API")])?;
    let Some((key, schema)) = schema_for(method, template, body) else {
        return Err(vec![format!(
            "no request body schema for {method} {template}"
        )]);
    };
    let validator = {
        let mut cache = validators().lock().unwrap();
        Arc::clone(cache.entry(key).or_insert_with(|| {
            // The schema's $refs point into the spec's components: give it the same root.
            let mut root = schema.clone();
            if !root.is_object() {
                root = json!({ "allOf": [root] });
            }
            root["components"] = spec()["components"].clone();
            Arc::new(jsonschema::validator_for(&root).expect("the spec's schema compiles"))
        }))
    };
    let body = &attachment_ids_as_strings(body);
    let problems: Vec<String> = validator
        .iter_errors(body)
        .filter(|e| !integer_as_string(e))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
