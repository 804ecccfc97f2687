//! The screen the app is shown on.

/// The width of the view in CSS pixels, as CSS media queries measure it
/// (scroll bar included); `None` outside a window.
pub fn view_width() -> Option<f64> {
    web_sys::window()?.inner_width().ok()?.as_f64()
}
