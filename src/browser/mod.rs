//! The browser edge: the only modules that touch web_sys, js_sys or storage.
//! Each is small and returns typed errors that the UI shows to a person.

pub mod address;
pub mod charts;
pub mod clock;
pub mod download;
pub mod files;
pub mod focus;
pub mod frames;
pub mod leaving;
pub mod panic;
pub mod pasted;
pub mod printing;
pub mod save_file;
pub mod screen;
pub mod storage;
pub mod visibility;
