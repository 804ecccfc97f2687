//! Plan Tracker's entry point: the panic hook, then the app.

fn main() {
    plan_tracker::browser::panic::install();
    leptos::mount::mount_to_body(plan_tracker::ui::App);
}
