//! A choice of field for each column, matched from its heading at first.

use leptos::prelude::*;

use super::page::Source;
use crate::import::{headings, Field, Use};

fn use_code(u: Use) -> &'static str {
    match u {
        Use::Field(field) => field.code(),
        Use::Keep => "keep",
        Use::Ignore => "ignore",
    }
}

fn use_of_code(code: &str) -> Use {
    match code {
        "ignore" => Use::Ignore,
        other => Field::from_code(other).map_or(Use::Keep, Use::Field),
    }
}

/// Sets column `column` to `chosen`; a field is used by one column only,
/// so a column that had it before is kept instead.
fn choose(uses: &mut [Use], column: usize, chosen: Use) {
    if matches!(chosen, Use::Field(_)) {
        for u in uses.iter_mut() {
            if *u == chosen {
                *u = Use::Keep;
            }
        }
    }
    if let Some(u) = uses.get_mut(column) {
        *u = chosen;
    }
}

#[component]
pub fn ColumnChoices(source: RwSignal<Option<Source>>, uses: RwSignal<Vec<Use>>) -> impl IntoView {
    let columns = Memo::new(move |_| {
        source.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let (at, heads) = headings(&s.table);
            // An example for each column: its first cell with something in it.
            heads
                .iter()
                .enumerate()
                .map(|(c, heading)| {
                    let example = s
                        .table
                        .rows
                        .iter()
                        .skip(at + 1)
                        .filter_map(|r| r.get(c))
                        .find(|v| !v.is_empty())
                        .cloned()
                        .unwrap_or_default();
                    (c, heading.clone(), example)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend heading-m">"What each column holds"</legend>
            <p class="hint">"Matched from the headings. Columns kept are stored with each action under their heading, so nothing is lost."</p>
            <div class="table-wrap">
                <table class="table import__columns">
                    <caption class="visually-hidden">"Columns and what they hold"</caption>
                    <thead><tr><th scope="col">"Column"</th><th scope="col">"Holds"</th><th scope="col">"First entry"</th></tr></thead>
                    <tbody>
                        {move || columns.get().into_iter().map(|(c, heading, example)| {
                            let id = format!("import-column-{}", c + 1);
                            let name = if heading.is_empty() { format!("Column {}", c + 1) } else { heading.clone() };
                            let current = move || uses.with(|u| u.get(c).copied().map_or("keep", use_code));
                            view! {
                                <tr>
                                    <th scope="row"><label for=id.clone()>{name}</label></th>
                                    <td>
                                        <select class="select" id=id prop:value=current
                                            on:change=move |ev| {
                                                let chosen = use_of_code(&event_target_value(&ev));
                                                uses.update(|u| choose(u, c, chosen));
                                            }>
                                            {Field::ALL.into_iter().map(|f| view! {
                                                <option value=f.code() selected=move || current() == f.code()>{f.label()}</option>
                                            }).collect_view()}
                                            <option value="keep" selected=move || current() == "keep">"Keep with each action"</option>
                                            <option value="ignore" selected=move || current() == "ignore">"Ignore"</option>
                                        </select>
                                    </td>
                                    <td class="import__example">{example}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_moves_to_the_column_chosen_for_it() {
        let mut uses = vec![Use::Field(Field::Lead), Use::Keep, Use::Ignore];
        choose(&mut uses, 1, Use::Field(Field::Lead));
        assert_eq!(uses, vec![Use::Keep, Use::Field(Field::Lead), Use::Ignore]);
        choose(&mut uses, 2, use_of_code("keep"));
        assert_eq!(uses[2], Use::Keep);
        assert_eq!(use_of_code("deadline"), Use::Field(Field::Deadline));
    }
}
