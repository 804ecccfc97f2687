//! Drawing charts with ECharts, from the app's own files, downloaded the
//! first time a chart is shown (never to open a plan).
//!
//! The options come in as JSON from `report::charts`. Before anything is
//! drawn, the global `echarts` is checked for, and every call into it
//! catches what it throws, so a failed download or a bad option is an error
//! to show, never a panic. Tooltips are drawn as canvas text ("richText"),
//! so no text from a plan is ever put into HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartsError {
    /// ECharts could not be downloaded.
    NotLoaded,
    /// ECharts refused to draw (`why`, in its words).
    NotDrawn(String),
}

impl std::fmt::Display for ChartsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartsError::NotLoaded => write!(
                f,
                "The charts could not be downloaded. Check your connection, then try again; the tables below each chart show the same figures."
            ),
            ChartsError::NotDrawn(why) => write!(f, "A chart could not be drawn ({why}). The table below it shows the same figures."),
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// One drawn chart.
    type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        element: &web_sys::Element,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EChartsInstance, option: &JsValue, not_merge: bool)
        -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn on(this: &EChartsInstance, event: &str, handler: &js_sys::Function) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EChartsInstance) -> Result<(), JsValue>;
}

/// The address of ECharts, which the build writes into the page
/// (`<meta name="plan-tracker-echarts" content="...">`).
fn echarts_address() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name='plan-tracker-echarts']")
        .ok()??;
    meta.get_attribute("content").filter(|a| !a.is_empty())
}

fn echarts_here() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::get(&w, &"echarts".into()).is_ok_and(|e| e.is_object()))
}

/// Downloads ECharts if it is not here yet. A failed download leaves
/// nothing behind, so the next call tries afresh.
pub async fn load() -> Result<(), ChartsError> {
    if echarts_here() {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ChartsError::NotLoaded)?;
    let address = echarts_address().ok_or(ChartsError::NotLoaded)?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| ChartsError::NotLoaded)?
        .dyn_into()
        .map_err(|_| ChartsError::NotLoaded)?;
    script.set_src(&address);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    let head = document.head().ok_or(ChartsError::NotLoaded)?;
    head.append_child(&script)
        .map_err(|_| ChartsError::NotLoaded)?;
    let outcome = JsFuture::from(loaded).await;
    script.set_onload(None);
    script.set_onerror(None);
    if outcome.is_err() || !echarts_here() {
        script.remove();
        return Err(ChartsError::NotLoaded);
    }
    Ok(())
}

/// How ECharts paints a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// One canvas: on screen, where a filter change redraws several charts
    /// and a canvas costs the page no elements to lay out.
    Canvas,
    /// Vector shapes, which print sharply at any size.
    Svg,
}

impl Renderer {
    fn name(self) -> &'static str {
        match self {
            Renderer::Canvas => "canvas",
            Renderer::Svg => "svg",
        }
    }
}

/// A chart drawn into an element; disposed of when dropped.
pub struct Drawn {
    instance: EChartsInstance,
    renderer: Renderer,
    _on_click: Closure<dyn FnMut(JsValue)>,
}

/// The option as ECharts takes it, with tooltips drawn as canvas text.
fn option_of(json: &str) -> Result<JsValue, ChartsError> {
    let option = js_sys::JSON::parse(json)
        .map_err(|_| ChartsError::NotDrawn("the chart's options did not read".into()))?;
    if let Ok(tooltip) = js_sys::Reflect::get(&option, &"tooltip".into()) {
        if tooltip.is_object() {
            let _ = js_sys::Reflect::set(&tooltip, &"renderMode".into(), &"richText".into());
        }
    }
    Ok(option)
}

fn why(error: JsValue) -> ChartsError {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "ECharts failed".to_owned());
    ChartsError::NotDrawn(text)
}

/// Draws the chart whose options are `json` into `element` with
/// `renderer`, calling `on_choose` with the index of a bar or slice chosen.
pub fn draw(
    element: &web_sys::Element,
    json: &str,
    renderer: Renderer,
    on_choose: impl Fn(usize) + 'static,
) -> Result<Drawn, ChartsError> {
    if !echarts_here() {
        return Err(ChartsError::NotLoaded);
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"renderer".into(), &renderer.name().into());
    let instance = echarts_init(element, &JsValue::NULL, &options).map_err(why)?;
    let on_click = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let index = js_sys::Reflect::get(&params, &"dataIndex".into())
            .ok()
            .and_then(|i| i.as_f64());
        if let Some(index) = index.filter(|i| *i >= 0.0) {
            on_choose(index as usize);
        }
    });
    instance
        .on("click", on_click.as_ref().unchecked_ref())
        .map_err(why)?;
    let drawn = Drawn {
        instance,
        renderer,
        _on_click: on_click,
    };
    drawn.update(json)?;
    Ok(drawn)
}

impl Drawn {
    /// How this chart is painted.
    pub fn renderer(&self) -> Renderer {
        self.renderer
    }

    /// Draws new options in place of the old.
    pub fn update(&self, json: &str) -> Result<(), ChartsError> {
        self.instance
            .set_option(&option_of(json)?, true)
            .map_err(why)
    }

    /// Fits the chart to its element again, after the page's width changed.
    pub fn fit(&self) {
        let _ = self.instance.resize();
    }
}

impl Drop for Drawn {
    fn drop(&mut self) {
        let _ = self.instance.dispose();
    }
}
