//! Characters that reverse or hide text in names and titles are shown
//! marked, in the plan as shown only; the plan as read keeps them.

use plan_tracker::plan::hidden::{count_hidden, hidden_notice, reveal, reveal_hidden};
use plan_tracker::plan::{read_plan, write_plan, Lead};

const SAMPLE: &[u8] = include_bytes!("../public/samples/notts-cypf-2016-18.json");

#[test]
fn an_override_is_marked_where_it_stands() {
    assert_eq!(
        reveal("Nottinghamshire \u{202e}ecilop\u{202c} Council"),
        "Nottinghamshire [U+202E]ecilop[U+202C] Council"
    );
    assert_eq!(reveal("Police\u{200b}"), "Police[U+200B]");
    assert_eq!(reveal("\u{feff}Trust"), "[U+FEFF]Trust");
}

#[test]
fn ordinary_text_is_borrowed_and_joiners_are_kept() {
    assert!(matches!(
        reveal("Nottinghamshire Police"),
        std::borrow::Cow::Borrowed(_)
    ));
    // Emoji and many scripts need the zero-width joiner and non-joiner.
    let family = "👩\u{200d}👧 कृ\u{200c}ष";
    assert_eq!(reveal(family), family);
    // Arabic or Hebrew names are not direction controls.
    assert_eq!(reveal("مجلس المدينة"), "مجلس المدينة");
}

#[test]
fn a_plan_without_hidden_characters_needs_no_copy() {
    let plan = read_plan(SAMPLE).expect("sample reads");
    assert_eq!(count_hidden(&plan), 0);
}

#[test]
fn every_name_and_title_people_go_by_is_marked() {
    let mut plan = read_plan(SAMPLE).expect("sample reads");
    let activity = &mut plan.priorities[0].activities.as_mut().unwrap()[0];
    activity.lead = Some(Lead {
        organisation: "Evil\u{202e}ecilop".into(),
        team: Some("Team\u{2066}".into()),
        officer: None,
        extra: Default::default(),
    });
    activity.partners = Some(vec!["Partner\u{200f}".into(), "Plain partner".into()]);
    activity.actions.as_mut().unwrap()[0].title.push('\u{2060}');
    plan.measures.as_mut().unwrap()[0].title.push('\u{061c}');
    let read = plan.clone();
    assert_eq!(count_hidden(&plan), 5);

    let marked = reveal_hidden(&mut plan);
    assert_eq!(marked, 5);
    assert_eq!(count_hidden(&plan), 0);
    let activity = &plan.priorities[0].activities.as_ref().unwrap()[0];
    assert_eq!(
        activity.lead.as_ref().unwrap().organisation,
        "Evil[U+202E]ecilop"
    );
    assert_eq!(activity.partners.as_ref().unwrap()[1], "Plain partner");
    // The plan as read, which exports start from, keeps the text as written.
    assert!(write_plan(&read).contains("Evil\u{202e}ecilop"));
    assert!(hidden_notice(marked).contains("(5)"));
    assert!(hidden_notice(1).starts_with("This plan has 1 name or title with"));
}
