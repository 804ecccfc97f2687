//! Filters alone and together, their option counts, sorting and links.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use plan_tracker::generate::{generate_plan, ORGANISATIONS};
use plan_tracker::plan::{read_plan, Plan, Status};
use plan_tracker::query::*;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 11, 22).expect("date")
}

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

fn titles(plan: &Plan, index: &Index, results: &Results) -> Vec<String> {
    results
        .rows
        .iter()
        .map(|&r| {
            let row = &index.rows[r];
            plan.priorities[row.priority].activities()[row.activity].actions()[row.action]
                .title
                .clone()
        })
        .collect()
}

fn run_on(plan: &Plan, filter: &Filter) -> (Index, Results) {
    let index = Index::build(plan);
    let results = search(plan, &index, &Overlay::default(), filter);
    (index, results)
}

/// Runs a filter, with the plan's search text built when words need it.
fn search(plan: &Plan, index: &Index, overlay: &Overlay, filter: &Filter) -> Results {
    let text = SearchText::build(plan);
    run(index, || &text, overlay, filter, today())
}

#[test]
fn no_filter_shows_everything_in_plan_order() {
    let plan = sample();
    let (index, results) = run_on(&plan, &Filter::default());
    let actions = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .map(|a| a.actions().len())
        .sum::<usize>();
    assert_eq!(actions, 44);
    assert_eq!(results.rows.len(), actions);
    assert_eq!(results.total, actions);
    assert!(results.rows.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(index.rows.len(), actions);
}

#[test]
fn by_priority() {
    let plan = sample();
    let filter = Filter {
        priorities: ["p2".to_owned()].into(),
        ..Filter::default()
    };
    let (index, results) = run_on(&plan, &filter);
    assert!(!results.rows.is_empty());
    assert!(results.rows.iter().all(|&r| index.rows[r].priority == 1));
    assert_eq!(results.rows.len(), results.priority_counts["p2"]);
}

#[test]
fn by_lead_and_partner() {
    let plan = sample();
    let (index, _) = run_on(&plan, &Filter::default());
    let police_leads = index.leads.get("Police").copied().unwrap_or(0);
    let filter = Filter {
        leads: ["Police".to_owned()].into(),
        ..Filter::default()
    };
    let (_, led) = run_on(&plan, &filter);
    assert_eq!(led.rows.len(), police_leads);
    let filter = Filter {
        leads: ["Police".to_owned()].into(),
        partners: ["Police".to_owned()].into(),
        ..Filter::default()
    };
    let (index, with_partner) = run_on(&plan, &filter);
    assert!(
        with_partner.rows.len() > led.rows.len(),
        "the police are partners in the MASH"
    );
    assert!(with_partner.rows.iter().all(|&r| {
        let row = &index.rows[r];
        row.lead.map(|l| index.organisation(l)) == Some("Police")
            || row
                .partners
                .iter()
                .any(|p| index.organisation(*p) == "Police")
    }));
}

#[test]
fn overdue_excludes_finished_work() {
    use plan_tracker::plan::Moment;
    use plan_tracker::progress::{Change, Edit, Locator};
    let plan = sample();
    let index = Index::build(&plan);
    let filter = Filter {
        due: [DueChoice::Overdue].into(),
        ..Filter::default()
    };
    let before = search(&plan, &index, &Overlay::default(), &filter);
    for &r in &before.rows {
        assert!(index.rows[r].deadline.date.expect("dated") < today());
    }
    // 22 November 2016: the June, July, September and October 2016 actions.
    assert!(before.rows.len() >= 10, "{}", before.rows.len());

    // Two overdue actions are finished, one complete and one cancelled.
    let id_of = |r: usize| {
        let row = &index.rows[r];
        plan.priorities[row.priority].activities()[row.activity].actions()[row.action]
            .id
            .clone()
    };
    let (complete, cancelled) = (id_of(before.rows[0]), id_of(before.rows[1]));
    let finish = |id: &str, status| {
        let change = Change::SetStatus {
            item: id.to_owned(),
            status: Some(status),
        };
        (
            id.to_owned(),
            vec![Edit::new(
                format!("finish-{id}"),
                Moment::parse("2016-11-22T09:00:00Z").expect("moment"),
                "Test".into(),
                change,
            )],
        )
    };
    let edits = [
        finish(&complete, Status::Complete),
        finish(&cancelled, Status::Cancelled),
    ]
    .into_iter()
    .collect();
    let overlay = Overlay::from_edits(&plan, &index, &Locator::new(&plan), &edits);
    let after = search(&plan, &index, &overlay, &filter);
    assert_eq!(
        after.rows.len(),
        before.rows.len() - 2,
        "finished work is not overdue"
    );
    assert_eq!(after.rows, before.rows[2..]);
}

#[test]
fn due_windows_and_quarters() {
    let plan = sample();
    let count = |choice| {
        run_on(
            &plan,
            &Filter {
                due: [choice].into(),
                ..Filter::default()
            },
        )
        .1
        .rows
        .len()
    };
    // "December 2016" means 31 December: 39 days after 22 November 2016, so
    // not within 30 days but within 90, with the two "January 2017" actions.
    assert_eq!(count(DueChoice::Next30Days), 0);
    assert_eq!(count(DueChoice::Next90Days), 3);
    // Q3 2016/17 is October to December 2016.
    assert_eq!(count(DueChoice::ThisQuarter), 2);
    // Q4 2016/17 (January to March 2017) holds the many "March 2017" deadlines.
    assert!(count(DueChoice::NextQuarter) > 20);
    // "Begins May 2016" has a start and no deadline.
    assert_eq!(count(DueChoice::NoDate), 1);
}

#[test]
fn a_date_range() {
    let plan = sample();
    let filter = Filter {
        from: NaiveDate::from_ymd_opt(2016, 6, 1),
        to: NaiveDate::from_ymd_opt(2016, 7, 31),
        ..Filter::default()
    };
    let (index, results) = run_on(&plan, &filter);
    assert!(!results.rows.is_empty());
    for &r in &results.rows {
        let d = index.rows[r].deadline.date.expect("dated");
        assert!(d >= filter.from.expect("from") && d <= filter.to.expect("to"));
    }
}

#[test]
fn by_status_including_none_yet() {
    let plan = generate_plan(500, 7);
    let filter = Filter {
        statuses: [StatusChoice::Is(Status::OffTrack), StatusChoice::NoStatus].into(),
        ..Filter::default()
    };
    let (index, results) = run_on(&plan, &filter);
    assert!(!results.rows.is_empty());
    assert!(results
        .rows
        .iter()
        .all(|&r| matches!(index.rows[r].status, Some(Status::OffTrack) | None)));
}

#[test]
fn words_ignore_case_and_accents_and_search_every_level() {
    let plan = sample();
    let words = |w: &str| {
        let (index, results) = run_on(
            &plan,
            &Filter {
                words: w.into(),
                ..Filter::default()
            },
        );
        (titles(&plan, &index, &results), results.rows.len())
    };
    let (found, _) = words("co-LOCATION");
    assert_eq!(found, ["Co-location of the MASH and Early Help Unit"]);
    // The governance group of an activity finds all of its actions.
    assert_eq!(words("mash governance group").1, 9);
    // An outcome of priority 4 finds its actions.
    assert!(words("seamless service").1 > 0);
    // Evidence notes from the 2017/18 review are searched too.
    assert!(words("single assessment").1 > 0);
    // Accents fold both ways.
    let generated = generate_plan(300, 3);
    let (i, r) = run_on(
        &generated,
        &Filter {
            words: "cafe societe".into(),
            ..Filter::default()
        },
    );
    let (_, r2) = run_on(
        &generated,
        &Filter {
            words: "CAFÉ Société".into(),
            ..Filter::default()
        },
    );
    assert_eq!(r.rows, r2.rows);
    assert!(r
        .rows
        .iter()
        .all(|&x| i.rows[x].lead.map(|l| i.organisation(l))
            == Some("Café Société Community Trust")
            || i.rows[x]
                .partners
                .iter()
                .any(|p| i.organisation(*p).starts_with("Café"))));
}

#[test]
fn sorted_by_deadline_and_by_status() {
    let plan = generate_plan(400, 11);
    let (index, results) = run_on(
        &plan,
        &Filter {
            sort: Sort::Deadline,
            ..Filter::default()
        },
    );
    let dates: Vec<_> = results
        .rows
        .iter()
        .map(|&r| index.rows[r].deadline.date)
        .collect();
    let dated: Vec<_> = dates.iter().take_while(|d| d.is_some()).collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        dates[dated.len()..].iter().all(Option::is_none),
        "undated last"
    );
    let same_date_in_plan_order = results.rows.windows(2).all(|w| {
        let (a, b) = (&index.rows[w[0]], &index.rows[w[1]]);
        a.deadline.date != b.deadline.date || a.order < b.order
    });
    assert!(same_date_in_plan_order, "equal deadlines keep plan order");
    let (index, results) = run_on(
        &plan,
        &Filter {
            sort: Sort::Status,
            ..Filter::default()
        },
    );
    assert_eq!(index.rows[results.rows[0]].status, Some(Status::OffTrack));
}

#[test]
fn recorded_progress_is_laid_over_the_index() {
    let plan = sample();
    let index = Index::build(&plan);
    let mut overlay = Overlay::default();
    overlay.status.insert(0, Some(Status::OffTrack));
    let filter = Filter {
        statuses: [StatusChoice::Is(Status::OffTrack)].into(),
        ..Filter::default()
    };
    assert_eq!(search(&plan, &index, &overlay, &filter).rows, [0]);
    overlay.row_text.insert(3, "zebra crossing".into());
    let words = Filter {
        words: "zebra".into(),
        ..Filter::default()
    };
    assert_eq!(search(&plan, &index, &overlay, &words).rows, [3]);
}

#[test]
fn links_round_trip_and_bad_values_give_notices() {
    let filter = Filter {
        priorities: ["p1".into(), "p3".into()].into(),
        leads: ["Nottinghamshire Police".into()].into(),
        partners: ["Schools".into()].into(),
        due: [DueChoice::Overdue, DueChoice::NoDate].into(),
        from: NaiveDate::from_ymd_opt(2017, 1, 1),
        to: NaiveDate::from_ymd_opt(2017, 3, 31),
        statuses: [StatusChoice::Is(Status::AtRisk), StatusChoice::NoStatus].into(),
        words: "mash referrals".into(),
        sort: Sort::Status,
    };
    let (back, notices) = filter_from_query(&filter_to_query(&filter));
    assert_eq!(back, filter);
    assert!(notices.is_empty());
    let pairs: Vec<(String, String)> = [
        ("status", "green"),
        ("due", "soon"),
        ("from", "31/03/2017"),
        ("sort", "random"),
        ("plan", "x.json"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (filter, notices) = filter_from_query(&pairs);
    assert_eq!(filter, Filter::default());
    assert_eq!(notices.len(), 4, "{notices:?}");
    let plan = sample();
    let index = Index::build(&plan);
    let mut filter = Filter {
        priorities: ["p9".into()].into(),
        leads: ["Nobody".into()].into(),
        ..Filter::default()
    };
    assert_eq!(keep_known(&mut filter, &index).len(), 2);
    assert!(filter.is_empty());
}

#[test]
fn twenty_thousand_actions_filter_correctly() {
    let plan = generate_plan(20_000, 42);
    let index = Index::build(&plan);
    let filter = Filter {
        leads: [ORGANISATIONS[1].to_owned()].into(),
        words: "protocol".into(),
        ..Filter::default()
    };
    let results = search(&plan, &index, &Overlay::default(), &filter);
    assert!(!results.rows.is_empty());
    assert_eq!(results.total, 20_000);
}

fn arb_filter(index: &Index) -> impl Strategy<Value = Filter> {
    let priorities: Vec<String> = index.priorities.iter().map(|(id, _)| id.clone()).collect();
    let leads: Vec<String> = index.leads.keys().cloned().collect();
    let statuses: Vec<StatusChoice> = StatusChoice::all().collect();
    (
        proptest::sample::subsequence(priorities.clone(), 0..=priorities.len().min(3)),
        proptest::sample::subsequence(leads.clone(), 0..=leads.len().min(3)),
        proptest::sample::subsequence(DueChoice::ALL.to_vec(), 0..=2),
        proptest::sample::subsequence(statuses.clone(), 0..=3),
        proptest::sample::select(vec![
            "",
            "",
            "review",
            "the",
            "partners",
            "xyz",
            "schools board",
        ]),
        any::<bool>(),
    )
        .prop_map(|(p, l, d, s, w, with_partners)| Filter {
            priorities: p.into_iter().collect(),
            partners: if with_partners {
                l.iter().cloned().collect()
            } else {
                Default::default()
            },
            leads: l.into_iter().collect(),
            due: d.into_iter().collect(),
            statuses: s.into_iter().collect(),
            words: w.to_owned(),
            ..Filter::default()
        })
}

fn plan_and_filter(actions: usize) -> impl Strategy<Value = (u64, Filter)> {
    (0u64..1000).prop_flat_map(move |seed| {
        let index = Index::build(&generate_plan(actions, seed));
        arb_filter(&index).prop_map(move |filter| (seed, filter))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn adding_a_filter_never_adds_results((seed, filter) in plan_and_filter(300), narrowing in 0usize..4) {
        let plan = generate_plan(300, seed);
        let index = Index::build(&plan);
        let before = search(&plan, &index, &Overlay::default(), &filter).rows;
        let mut narrower = filter.clone();
        match narrowing {
            0 => { narrower.words = format!("{} review", narrower.words); }
            1 if narrower.statuses.is_empty() => { narrower.statuses.insert(StatusChoice::Is(Status::OnTrack)); }
            2 if narrower.due.is_empty() => { narrower.due.insert(DueChoice::NoDate); }
            _ if narrower.priorities.is_empty() => { narrower.priorities.insert("p1".into()); }
            _ => { narrower.words.push_str(" the"); }
        }
        let after = search(&plan, &index, &Overlay::default(), &narrower).rows;
        prop_assert!(after.iter().all(|r| before.contains(r)));
    }

    #[test]
    fn an_options_count_is_what_choosing_it_gives((seed, filter) in plan_and_filter(250)) {
        let plan = generate_plan(250, seed);
        let index = Index::build(&plan);
        let results = search(&plan, &index, &Overlay::default(), &filter);
        let count_of = |chosen: Filter| search(&plan, &index, &Overlay::default(), &chosen).rows.len();
        for (id, _) in &index.priorities {
            let got = count_of(Filter { priorities: [id.clone()].into(), ..filter.clone() });
            prop_assert_eq!(results.priority_counts.get(id).copied().unwrap_or(0), got);
        }
        for choice in DueChoice::ALL {
            let got = count_of(Filter { due: [choice].into(), from: None, to: None, ..filter.clone() });
            prop_assert_eq!(results.due_counts.get(&choice).copied().unwrap_or(0), got);
        }
        for choice in StatusChoice::all() {
            let got = count_of(Filter { statuses: [choice].into(), ..filter.clone() });
            prop_assert_eq!(results.status_counts.get(&choice).copied().unwrap_or(0), got);
        }
        for lead in index.leads.keys() {
            let got = count_of(Filter { leads: [lead.clone()].into(), partners: Default::default(), ..filter.clone() });
            prop_assert_eq!(results.lead_counts.get(lead).copied().unwrap_or(0), got);
        }
    }
}

#[test]
fn every_action_finds_its_own_row() {
    let plan = generate_plan(300, 5);
    let index = Index::build(&plan);
    for (i, row) in index.rows.iter().enumerate() {
        assert_eq!(
            index.row_of(row.priority, row.activity, row.action),
            Some(i)
        );
    }
    assert_eq!(index.row_of(0, 0, 10_000), None);
    assert_eq!(index.row_of(99, 0, 0), None);
}

#[test]
fn search_text_is_asked_for_only_when_there_are_words() {
    let plan = sample();
    let index = Index::build(&plan);
    let asked = std::cell::Cell::new(false);
    let text = SearchText::build(&plan);
    let ask = || {
        asked.set(true);
        &text
    };
    let all = run(
        &index,
        ask,
        &Overlay::default(),
        &Filter {
            words: "  ".into(),
            ..Filter::default()
        },
        today(),
    );
    assert!(!asked.get(), "no words, no search text");
    assert_eq!(all.rows.len(), index.len());
    let ask = || {
        asked.set(true);
        &text
    };
    let found = run(
        &index,
        ask,
        &Overlay::default(),
        &Filter {
            words: "school".into(),
            ..Filter::default()
        },
        today(),
    );
    assert!(asked.get());
    assert!(!found.rows.is_empty() && found.rows.len() < index.len());
}

#[test]
fn words_are_found_in_one_pass_row_by_row() {
    let plan = generate_plan(2_000, 3);
    let text = SearchText::build(&plan);
    let words = ["pro", "protocol", "e", "homelessness review", "zzz"];
    let terms: Vec<memchr::memmem::Finder> = words
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
        .collect();
    let masks = text.row_masks(&terms);
    assert_eq!(masks.len(), Index::build(&plan).len());
    for (row, mask) in masks.iter().enumerate() {
        let own = text.row(row);
        assert!(!own.contains('\u{1e}'), "a row's text is its own");
        for (bit, word) in words.iter().enumerate() {
            assert_eq!(
                mask & (1 << bit) != 0,
                own.contains(word),
                "row {row}, word {word:?}"
            );
        }
    }
}

#[test]
fn control_characters_are_not_part_of_words() {
    assert_eq!(
        plan_tracker::query::fold::query_terms("road\u{1e}safety\u{1f}plan"),
        ["road", "safety", "plan"]
    );
}

#[test]
fn edits_made_since_opening_are_laid_over_the_index() {
    use plan_tracker::plan::Moment;
    use plan_tracker::progress::{Change, Edit, Locator, NoteDraft};
    let plan = sample();
    let index = Index::build(&plan);
    let row = 4;
    let r = &index.rows[row];
    let action = &plan.priorities[r.priority].activities()[r.activity].actions()[r.action];
    let activity = &plan.priorities[r.priority].activities()[r.activity];
    let edit = |id: &str, change: Change| Edit {
        id: id.into(),
        at: Moment::parse("2026-11-24T10:00:00.000Z").expect("moment"),
        by: "Test".into(),
        batch: None,
        session: None,
        change,
    };
    let note = |text: &str| NoteDraft {
        id: "n".into(),
        text: text.into(),
        status: None,
        evidence: Vec::new(),
        corrects: None,
    };
    let mut edits = std::collections::HashMap::new();
    edits.insert(
        action.id.clone(),
        vec![
            edit(
                "e1",
                Change::SetStatus {
                    item: action.id.clone(),
                    status: Some(Status::OffTrack),
                },
            ),
            edit(
                "e2",
                Change::AddNote {
                    item: action.id.clone(),
                    note: note("Zebra crossing agreed"),
                },
            ),
        ],
    );
    edits.insert(
        activity.id.clone(),
        vec![edit(
            "e3",
            Change::AddNote {
                item: activity.id.clone(),
                note: note("Giraffe"),
            },
        )],
    );
    edits.insert(
        "not-in-this-plan".into(),
        vec![edit(
            "e4",
            Change::SetPercent {
                item: "not-in-this-plan".into(),
                percent: Some(5),
            },
        )],
    );
    let overlay = Overlay::from_edits(&plan, &index, &Locator::new(&plan), &edits);
    assert_eq!(overlay.status.get(&row), Some(&Some(Status::OffTrack)));
    assert_eq!(
        overlay.row_text.get(&row).map(String::as_str),
        Some("zebra crossing agreed")
    );
    assert_eq!(
        overlay
            .activity_text
            .get(&(r.priority, r.activity))
            .map(String::as_str),
        Some("giraffe")
    );
    assert_eq!(
        overlay.status.len(),
        1,
        "edits to items the plan lacks change nothing"
    );
    let words = Filter {
        words: "zebra".into(),
        ..Filter::default()
    };
    assert_eq!(search(&plan, &index, &overlay, &words).rows, [row]);
}

#[test]
fn activities_with_no_actions_are_kept_where_they_stand_in_the_plan() {
    let plan = sample();
    let index = Index::build(&plan);
    let actionless: Vec<(usize, usize)> = index
        .actionless
        .iter()
        .map(|a| (a.priority, a.activity))
        .collect();
    // "Key actions: to be confirmed" (2.4), and the two activities the
    // 2017/18 review added at the end of priority 4.
    assert_eq!(actionless.len(), 3, "{actionless:?}");
    let everything = search(&plan, &index, &Overlay::default(), &Filter::default());
    assert_eq!(everything.actionless, actionless);

    // In the first page, only those before the last action drawn.
    let first_page = plan_groups(&index, &everything, 10);
    let drawn: Vec<(usize, usize)> = first_page
        .iter()
        .flat_map(|g| g.activities.iter().map(move |(a, _)| (g.priority, *a)))
        .collect();
    let last = drawn.last().copied().expect("something drawn");
    assert!(actionless
        .iter()
        .all(|place| drawn.contains(place) == (*place < last)));
    // Every page drawn: every activity, in plan order, each once.
    let all = plan_groups(&index, &everything, usize::MAX);
    let places: Vec<(usize, usize)> = all
        .iter()
        .flat_map(|g| g.activities.iter().map(move |(a, _)| (g.priority, *a)))
        .collect();
    let mut sorted = places.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(places, sorted, "plan order, no repeats");
    assert_eq!(
        places.len(),
        plan.priorities
            .iter()
            .map(|p| p.activities().len())
            .sum::<usize>()
    );
    for place in &actionless {
        let (_, rows) = all
            .iter()
            .find(|g| g.priority == place.0)
            .and_then(|g| g.activities.iter().find(|(a, _)| *a == place.1))
            .expect("shown");
        assert!(rows.is_empty());
    }

    // Filters that speak of activities keep or drop them; deadlines and
    // statuses, which only actions have, drop them.
    let with = |filter: Filter| search(&plan, &index, &Overlay::default(), &filter).actionless;
    let p2 = plan.priorities[1].id.clone();
    assert_eq!(
        with(Filter {
            priorities: [p2].into(),
            ..Filter::default()
        })
        .len(),
        1
    );
    assert_eq!(
        with(Filter {
            leads: ["To be confirmed".to_owned()].into(),
            ..Filter::default()
        }),
        Vec::<(usize, usize)>::new(),
        "2.4's lead is not 'To be confirmed'"
    );
    assert_eq!(
        with(Filter {
            words: "family support workers".into(),
            ..Filter::default()
        })
        .len(),
        1
    );
    assert!(with(Filter {
        due: [DueChoice::Overdue].into(),
        ..Filter::default()
    })
    .is_empty());
    assert!(with(Filter {
        statuses: [StatusChoice::NoStatus].into(),
        ..Filter::default()
    })
    .is_empty());
}
