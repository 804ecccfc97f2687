//! An object's fields as the readers take them: known fields out one by one,
//! the unknown rest kept in file order.

use serde_json::{Map, Value};

use super::{Json, Key};

/// An object's fields in file order. Known fields are taken out one by one
/// (a short scan beats hashing for the dozen fields an object has); what is
/// left are the unknown fields, still in file order, so that an export gives
/// them back where they were.
#[derive(Default)]
pub struct Entries(pub Vec<(Key, Json)>);

impl Entries {
    pub fn remove(&mut self, key: &str) -> Option<Json> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    pub fn into_extra(self) -> Map<String, Value> {
        if self.0.is_empty() {
            // Most objects have no unknown fields: no map to build.
            return Map::new();
        }
        self.0
            .into_iter()
            .map(|(key, value)| (key.into_owned(), Value::from(value)))
            .collect()
    }

    // Readers for text the app wrote itself with serde's derived `Serialize`,
    // taking exactly what the derived `Deserialize` took. Each returns `None`
    // when the field is wrong, and the whole value is then refused.

    /// A field that must be present and read.
    pub fn required<T>(&mut self, key: &str, read: impl FnOnce(Json) -> Option<T>) -> Option<T> {
        read(self.remove(key)?)
    }

    /// An `Option` field: absent or null is `Some(None)`; anything else must read.
    pub fn optional<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(Json) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.remove(key) {
            None | Some(Json::Null) => Some(None),
            Some(value) => read(value).map(Some),
        }
    }

    /// A `#[serde(default)]` field that is not an `Option`: absent gives the
    /// default, but null must read like any other value (and mostly does not).
    pub fn or_default<T: Default>(
        &mut self,
        key: &str,
        read: impl FnOnce(Json) -> Option<T>,
    ) -> Option<T> {
        match self.remove(key) {
            None => Some(T::default()),
            Some(value) => read(value),
        }
    }
}
