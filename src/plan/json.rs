//! The JSON tree a plan file is read into: objects keep their fields as a
//! list in file order. Reading looks each known field up once and keeps the
//! rest, so a short list beats a hash map here (nothing is hashed while
//! parsing a 20 MB file), and unknown fields come back in their order.
//! serde_json still does the parsing, with its nesting limit; it hands over
//! numbers as written (`arbitrary_precision`), and this tree keeps them so.
//!
//! The tree stays for speed and size, not for order (serde_json's ordered
//! map keeps order too, with `Map::shift_remove`): the format's field names
//! cost it no allocation, its lists are built at their exact size (growing
//! them a push at a time was a third of the time spent building the tree in
//! WebAssembly), and it counts the values it reads, stopping at
//! [`MAX_VALUES`].
//!
//! Browser storage's journal and the built-in sample list are read through the
//! same tree, with the readers on [`Entries`], instead of serde's derived
//! `Deserialize`, whose code for each type costs download size.

use foldhash::HashMap;
use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::figure;

mod entries;
mod names;
pub use entries::Entries;
use names::known_name;

/// A field name. The format's own names are shared static text, so the
/// million or so keys of a large plan cost no allocation.
pub type Key = Cow<'static, str>;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// Any number, whole or not, as the file wrote it.
    pub fn into_figure(self) -> Option<figure::Figure> {
        match self {
            Json::Number(n) => Some(figure::Figure::from_number(n)),
            _ => None,
        }
    }

    pub fn into_string(self) -> Option<String> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn into_object(self) -> Option<Entries> {
        match self {
            Json::Object(fields) => Some(Entries(fields)),
            _ => None,
        }
    }

    /// A list whose every item reads; `None` if this is not a list or any
    /// item does not read.
    pub fn into_list<T>(self, read: impl FnMut(Json) -> Option<T>) -> Option<Vec<T>> {
        match self {
            Json::Array(items) => items.into_iter().map(read).collect(),
            _ => None,
        }
    }
}

/// The most values (objects, lists, strings, numbers and the rest) a file
/// may hold. A plan of 20,000 actions holds about a million; a 64 MB file of
/// `[0,0,0,…]` would hold 32 million and ask for gigabytes of tree, and a
/// failed allocation in WebAssembly ends the page and any unsaved changes.
/// Parsing stops as soon as the count is passed.
pub const MAX_VALUES: usize = 4_000_000;

/// The message parsing stops with when a file holds more than [`MAX_VALUES`].
pub(crate) const TOO_MANY_VALUES: &str = "too many values";

/// Parses JSON text into a tree. Every reader goes through this one function,
/// so serde_json's parser is built into the download once.
pub fn parse(bytes: &[u8]) -> Result<Json, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let tree = JsonSeed {
        scratch: &mut Scratch::default(),
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(tree)
}

/// The first field called `key` in an object's fields.
pub fn field<'a>(fields: &'a [(Key, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl From<Json> for Value {
    fn from(json: Json) -> Value {
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(b),
            Json::Number(n) => Value::Number(n),
            Json::String(s) => Value::String(s),
            Json::Array(items) => Value::Array(items.into_iter().map(Value::from).collect()),
            Json::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.into_owned(), Value::from(v)))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        JsonSeed {
            scratch: &mut Scratch::default(),
        }
        .deserialize(deserializer)
    }
}

/// Where the fields and items of the objects and lists being read gather
/// before each is moved into a list of its own, of exactly its size. Lists
/// grown one push at a time were a third of the time spent building the
/// tree in WebAssembly, where each growth copies.
#[derive(Default)]
struct Scratch {
    fields: Vec<(Key, Json)>,
    items: Vec<Json>,
    /// Values read so far, against [`MAX_VALUES`].
    values: usize,
}

/// Reads one JSON value, sharing the scratch lists with the values inside
/// it: a nested value uses the end of the same lists and takes its part off
/// before the value around it goes on.
struct JsonSeed<'s> {
    scratch: &'s mut Scratch,
}

impl<'de> DeserializeSeed<'de> for JsonSeed<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        self.scratch.values += 1;
        if self.scratch.values > MAX_VALUES {
            return Err(D::Error::custom(TOO_MANY_VALUES));
        }
        deserializer.deserialize_any(self)
    }
}

/// The key under which serde_json hands over a number as the file wrote it
/// (its `arbitrary_precision` feature): a one-field map with the text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Objects with more fields than this look repeated keys up in a map, so that
/// a hostile object with a million fields is not checked pair by pair.
const SCAN_LIMIT: usize = 16;

impl<'de> Visitor<'de> for JsonSeed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Json, E> {
        // JSON has no infinities or NaN, so this only refuses what cannot occur.
        Number::from_f64(v)
            .map(Json::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let start = self.scratch.items.len();
        while let Some(item) = seq.next_element_seed(JsonSeed {
            scratch: &mut *self.scratch,
        })? {
            self.scratch.items.push(item);
        }
        Ok(Json::Array(self.scratch.items.drain(start..).collect()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let start = self.scratch.fields.len();
        let mut positions: Option<HashMap<Key, usize>> = None;
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if std::mem::take(&mut first) && key == NUMBER_TOKEN {
                let text: String = map.next_value()?;
                return figure::number(&text)
                    .map(Json::Number)
                    .ok_or_else(|| A::Error::custom("a number that could not be read"));
            }
            let value = map.next_value_seed(JsonSeed {
                scratch: &mut *self.scratch,
            })?;
            let fields = self.scratch.fields.get_mut(start..).unwrap_or_default();
            // A repeated key keeps its first place and its last value, as
            // serde_json's own maps do, so no field is ever written twice.
            let existing = match &positions {
                Some(positions) => positions.get(&key).copied(),
                None => fields.iter().position(|(k, _)| *k == key),
            };
            if let Some(at) = existing.and_then(|at| fields.get_mut(at)) {
                at.1 = value;
                continue;
            }
            if let Some(positions) = positions.as_mut() {
                positions.insert(key.clone(), fields.len());
            } else if fields.len() == SCAN_LIMIT {
                let mut index: HashMap<Key, usize> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect();
                index.insert(key.clone(), fields.len());
                positions = Some(index);
            }
            self.scratch.fields.push((key, value));
        }
        Ok(Json::Object(self.scratch.fields.drain(start..).collect()))
    }
}

/// Reads a field name, sharing the format's own names.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(known_name(v).map_or_else(|| Cow::Owned(v.to_owned()), Cow::Borrowed))
    }

    fn visit_string<E>(self, v: String) -> Result<Key, E> {
        Ok(known_name(&v).map_or(Cow::Owned(v), Cow::Borrowed))
    }
}
