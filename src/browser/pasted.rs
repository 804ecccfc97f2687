//! A table pasted from Word or a web page: the clipboard's HTML read into
//! cells with their spans. The HTML is parsed by the browser's DOMParser
//! into a document that is never shown, so nothing in it runs or loads
//! (scripts, images, styles); only the cells' text is taken.

use wasm_bindgen::JsCast;

use crate::import::SpanCell;

/// What was pasted: the clipboard's HTML when it holds a table, else its
/// plain text (cells from Excel come as tab-separated text as well).
pub enum Pasted {
    Cells(Vec<Vec<SpanCell>>),
    Text(String),
    Nothing,
}

/// Reads a paste event's table, if it has one.
pub fn pasted(event: &web_sys::ClipboardEvent) -> Pasted {
    let Some(data) = event.clipboard_data() else {
        return Pasted::Nothing;
    };
    let html = data.get_data("text/html").unwrap_or_default();
    if html.to_ascii_lowercase().contains("<table") {
        if let Some(cells) = table_cells(&html).filter(|rows| !rows.is_empty()) {
            return Pasted::Cells(cells);
        }
    }
    match data.get_data("text/plain") {
        Ok(text) if !text.trim().is_empty() => Pasted::Text(text),
        _ => Pasted::Nothing,
    }
}

/// The first table's rows of cells, with rowspan and colspan.
fn table_cells(html: &str) -> Option<Vec<Vec<SpanCell>>> {
    let parser = web_sys::DomParser::new().ok()?;
    let document = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    let table = document.query_selector("table").ok()??;
    let rows = table.query_selector_all("tr").ok()?;
    let mut cells = Vec::new();
    for r in 0..rows.length() {
        let Some(row) = rows
            .item(r)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        // Only this table's rows: a table nested in a cell is that cell's text.
        if row.closest("table").ok().flatten().as_ref() != Some(&table) {
            continue;
        }
        let mut row_cells = Vec::new();
        let children = row.children();
        for c in 0..children.length() {
            let Some(cell) = children
                .item(c)
                .and_then(|e| e.dyn_into::<web_sys::HtmlTableCellElement>().ok())
            else {
                continue;
            };
            row_cells.push(SpanCell {
                text: text_of(&cell),
                rows_spanned: usize::try_from(cell.row_span()).unwrap_or(1).max(1),
                columns_spanned: usize::try_from(cell.col_span()).unwrap_or(1).max(1),
            });
        }
        cells.push(row_cells);
    }
    Some(cells)
}

/// A cell's text with its paragraphs and line breaks as new lines.
fn text_of(cell: &web_sys::Element) -> String {
    if let Ok(breaks) = cell.query_selector_all("br, p, div, li") {
        for i in 0..breaks.length() {
            if let Some(node) = breaks.item(i) {
                if let Some(document) = node.owner_document() {
                    let _ = node.append_child(&document.create_text_node("\n"));
                }
            }
        }
    }
    cell.text_content().unwrap_or_default()
}
