//! Saving to a file the person picks, such as the plan file they opened, where
//! the browser offers the File System Access API (Chromium-based browsers).
//! Many organisations block it by policy, so it is only ever offered beside a
//! plain download, never instead of one.
//!
//! The API is reached through `js_sys::Reflect` because web-sys only has it
//! behind its unstable-API flag.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFileError {
    /// The person closed the file picker: nothing to report.
    Cancelled,
    /// The browser or a policy refused; a download still works.
    Refused(String),
}

impl std::fmt::Display for SaveFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveFileError::Cancelled => write!(f, "Saving was cancelled."),
            SaveFileError::Refused(why) => write!(
                f,
                "The browser would not save to that file ({why}). Use \"Export plan\" instead: it downloads the file."
            ),
        }
    }
}

/// Whether this browser can save to a file the person picks.
pub fn can_save_to_file() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::has(&w, &JsValue::from_str("showSaveFilePicker")).unwrap_or(false)
    })
}

/// Asks where to save `text` (suggesting `name`), writes it, and returns the
/// name of the file written.
pub async fn save_to_file(name: &str, text: &str) -> Result<String, SaveFileError> {
    let window = web_sys::window().ok_or_else(|| refused("no window"))?;
    let options = Object::new();
    set(&options, "suggestedName", &name.into())?;
    let accept = Object::new();
    set(
        &accept,
        "application/json",
        &js_sys::Array::of1(&".json".into()),
    )?;
    let plan_type = Object::new();
    set(&plan_type, "description", &"Plan file".into())?;
    set(&plan_type, "accept", &accept)?;
    set(&options, "types", &js_sys::Array::of1(&plan_type))?;

    let handle = call(&window, "showSaveFilePicker", &[options.into()]).await?;
    let writable = call(&handle, "createWritable", &[]).await?;
    call(&writable, "write", &[text.into()]).await?;
    call(&writable, "close", &[]).await?;
    Ok(Reflect::get(&handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| name.to_owned()))
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), SaveFileError> {
    Reflect::set(target, &key.into(), value)
        .map(|_| ())
        .map_err(describe)
}

/// Calls `target.method(...args)` and waits for the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, SaveFileError> {
    let function: Function = Reflect::get(target, &method.into())
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| refused(&format!("{method} is missing")))?;
    let result = function
        .apply(target, &args.iter().collect::<js_sys::Array>())
        .map_err(describe)?;
    let promise: Promise = result
        .dyn_into()
        .map_err(|_| refused(&format!("{method} gave no promise")))?;
    JsFuture::from(promise).await.map_err(describe)
}

fn refused(why: &str) -> SaveFileError {
    SaveFileError::Refused(why.to_owned())
}

/// An AbortError is the person cancelling; anything else is a refusal.
fn describe(error: JsValue) -> SaveFileError {
    let name = Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "AbortError" {
        return SaveFileError::Cancelled;
    }
    let message = Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    refused(if message.is_empty() { &name } else { &message })
}
