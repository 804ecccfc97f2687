//! Reading files a person chose or dropped, and plans published at a link.

use std::cell::RefCell;
use std::ops::Deref;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::plan::{human_size, MAX_FILE_BYTES};

/// Why bytes could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The file is larger than a plan can be; not read at all.
    TooLarge { name: String, bytes: f64 },
    /// The browser would not read the file.
    Unreadable { name: String },
    /// The link could not be reached (offline, blocked, or another site refusing).
    Network { url: String },
    /// The link is not a web address (`data:`, `javascript:`, `file:`).
    NotWeb { url: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {}. Plan Tracker opens plan files up to {}.",
                human_size(*bytes as usize),
                human_size(MAX_FILE_BYTES)
            ),
            FetchError::Unreadable { name } => write!(f, "The browser could not read {name}. Try choosing it again."),
            FetchError::Network { url } => write!(
                f,
                "The plan at {url} could not be loaded. Check the link and your connection; a plan on another website can only be opened if that website allows it."
            ),
            FetchError::NotWeb { url } => write!(
                f,
                "{url} is not a web address. Plan Tracker opens plans by link only from http or https addresses."
            ),
            FetchError::Status { url, status } => {
                let why = match status {
                    404 => "there is no file at that address",
                    401 | 403 => "that website refused access",
                    500..=599 => "that website had a problem",
                    _ => "that website answered with an error",
                };
                write!(f, "The plan at {url} could not be loaded: {why} (HTTP {status}).")
            }
        }
    }
}

thread_local! {
    /// The buffer the last file was read into, kept for the next one.
    /// WebAssembly memory never shrinks, and a new 20 MB buffer for every
    /// plan opened finds the memory the last plan left in pieces and grows
    /// it; one buffer, reused, does not.
    static SPARE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A file's bytes, in a buffer handed back for the next file when dropped.
pub struct FileBytes(Vec<u8>);

impl FileBytes {
    fn copy_from(array: &js_sys::Uint8Array) -> FileBytes {
        let mut buffer = SPARE.with(|spare| {
            spare
                .try_borrow_mut()
                .map(|mut s| std::mem::take(&mut *s))
                .unwrap_or_default()
        });
        let len = array.length() as usize;
        if buffer.capacity() < len {
            // Too small to reuse: a new buffer, filled straight from the
            // file rather than zeroed first (tens of milliseconds for 20 MB).
            return FileBytes(array.to_vec());
        }
        // Every byte is overwritten by the copy: the buffer is only cut to
        // length, and only room it never held before is zeroed.
        if buffer.len() < len {
            buffer.resize(len, 0);
        } else {
            buffer.truncate(len);
        }
        array.copy_to(&mut buffer);
        FileBytes(buffer)
    }
}

impl FileBytes {
    /// A response's chunks, one after another, in the spare buffer.
    fn from_chunks<'c>(chunks: impl Iterator<Item = &'c js_sys::Uint8Array>) -> FileBytes {
        let mut buffer = SPARE.with(|spare| {
            spare
                .try_borrow_mut()
                .map(|mut s| std::mem::take(&mut *s))
                .unwrap_or_default()
        });
        buffer.clear();
        for chunk in chunks {
            let start = buffer.len();
            buffer.resize(start + chunk.length() as usize, 0);
            if let Some(room) = buffer.get_mut(start..) {
                chunk.copy_to(room);
            }
        }
        FileBytes(buffer)
    }
}

impl Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for FileBytes {
    fn drop(&mut self) {
        let buffer = std::mem::take(&mut self.0);
        SPARE.with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if buffer.capacity() > spare.capacity() {
                    *spare = buffer;
                }
            }
        });
    }
}

/// Reads a chosen file's bytes.
pub async fn read_file(file: &web_sys::File) -> Result<FileBytes, FetchError> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(FetchError::TooLarge {
            name,
            bytes: file.size(),
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FetchError::Unreadable { name })?;
    Ok(FileBytes::copy_from(&js_sys::Uint8Array::new(&buffer)))
}

/// True for addresses a plan may be fetched from: http and https, written
/// out or relative to the page (which is served over one of them).
fn is_web_address(url: &str, page: &str) -> bool {
    web_sys::Url::new_with_base(url, page)
        .is_ok_and(|u| matches!(u.protocol().as_str(), "http:" | "https:"))
}

/// The fetch of `link` that `start.js` began while the app itself was
/// downloading (the plan the address names: one round trip less before it
/// shows), taken at most once.
fn prefetched(window: &web_sys::Window, link: &str) -> Option<js_sys::Promise> {
    let key = JsValue::from_str("planTrackerPrefetch");
    let started = js_sys::Reflect::get(window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let same = js_sys::Reflect::get(&started, &"link".into())
        .ok()?
        .as_string()?
        == link;
    if !same {
        return None;
    }
    js_sys::Reflect::get(&started, &"response".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Fetches a plan published at a link, relative to the page or absolute.
/// Only http and https are fetched; a body larger than a plan can be is
/// refused by its declared length before it is read, or as soon as reading
/// passes the limit, so a huge or endless response never fills memory.
pub async fn fetch_bytes(url: &str) -> Result<FileBytes, FetchError> {
    let network = || FetchError::Network {
        url: url.to_owned(),
    };
    let too_large = |bytes: f64| FetchError::TooLarge {
        name: url.to_owned(),
        bytes,
    };
    let window = web_sys::window().ok_or_else(network)?;
    let page = window.location().href().unwrap_or_default();
    if !is_web_address(url, &page) {
        return Err(FetchError::NotWeb {
            url: url.to_owned(),
        });
    }
    let request = prefetched(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let response = JsFuture::from(request).await.map_err(|_| network())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| network())?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    // Read as a whole number: a float parser would add its tables to the download.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(declared) = declared.filter(|&n| n > MAX_FILE_BYTES as u64) {
        return Err(too_large(declared as f64));
    }
    let Some(body) = response.body() else {
        return Ok(FileBytes::from_chunks(std::iter::empty()));
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| network())?;
    let mut chunks = Vec::new();
    let mut length = 0;
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|_| network())?;
        if js_sys::Reflect::get(&step, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            != Some(false)
        {
            break;
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(network)?;
        length += chunk.length() as usize;
        if length > MAX_FILE_BYTES {
            let _ = reader.cancel();
            return Err(too_large(length as f64));
        }
        chunks.push(chunk);
    }
    Ok(FileBytes::from_chunks(chunks.iter()))
}
