//! Writes a generated plan: `generate-plan <actions> [seed] > plan.json`.

fn main() {
    let mut args = std::env::args().skip(1);
    let actions = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let plan = plan_tracker::generate::generate_plan(actions, seed);
    println!("{}", plan_tracker::plan::write_plan(&plan));
}
