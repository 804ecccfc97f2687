//! A chart's options as the JSON that ECharts is given.

use charming::Chart;

/// The chart's options as ECharts reads them. charming writes some unset
/// options as `null` or an empty list (`aria.label`, `aria.decal.decals`),
/// which ECharts takes as set: an empty list of decal patterns makes it fail
/// to draw at all. Those are left out here.
///
/// ECharts' own description of the chart (`aria.label`) is turned off, and
/// its patterns kept: the picture is hidden from screen readers, as its
/// heading and table say the same, so the description was written on every
/// redraw for nobody. charming has no setter for it. Writing it took about
/// a third of a bar chart's redraw.
pub fn options_json(chart: &Chart) -> String {
    fn prune(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(fields) => {
                fields.retain(|key, field| {
                    !(field.is_null()
                        || (key == "decals" && field.as_array().is_some_and(Vec::is_empty)))
                });
                fields.values_mut().for_each(prune);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(prune),
            _ => {}
        }
    }
    let mut options = serde_json::to_value(chart).unwrap_or_default();
    prune(&mut options);
    if let Some(aria) = options.get_mut("aria").and_then(|a| a.as_object_mut()) {
        aria.insert("label".into(), serde_json::json!({ "enabled": false }));
    }
    options.to_string()
}
