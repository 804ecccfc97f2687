//! Plan Tracker: joint action plans, opened, filtered, updated and exported
//! entirely in the browser.
//!
//! # Map
//!
//! | module | what it does | knows about the browser? |
//! |---|---|---|
//! | [`plan`] | format version 1: types, reading with every problem listed, deadlines, dates and figures as people write them, the JSON Schema | no |
//! | [`query`] | the search index and search text, filters with option counts, sorting, filters in links | no |
//! | [`progress`] | edits as values (progress and structure changes alike), the journal and reading it back from storage, applying edits, roll-up | no |
//! | [`exchange`] | export with every change applied, partner packs, merging returns three ways, comparing versions, CSV | no |
//! | [`report`] | for the board: the dashboard's figures and charts (charming options with a table of the same figures), the exception report and its CSV, the read-only snapshot | no |
//! | [`import`] | a plan from a spreadsheet or a pasted table: text in any of the encodings Excel writes, merged cells spread, headings matched to fields, rows grouped, RAG words read, ids made from content; a new plan from its title and first priority | no |
//! | [`generate`] | realistic generated plans for tests and the benchmark | no |
//! | [`browser`] | storage, files, fetch, downloads, saving to a picked file, the address bar, the clock, the view's width, work put off until idle, the panic hook | yes: the only module that is |
//! | [`ui`] | Leptos components, one feature per file, and the app state | through `browser` |
//!
//! # Parts
//!
//! The WebAssembly is cut into parts at build time (`scripts/build-wasm` runs
//! wasm-split): the main part shows a plan, and the welcome page, the
//! measures page, "Share and merge", the progress form, the notes and history list and the plan file
//! writer, the dashboard, the exception report, meeting mode, the
//! snapshot writer, the import page, the plan editor, the accessibility
//! statement and the shaper (which applies structure changes) are each
//! downloaded the first time they are used; once the service worker
//! (`public/service-worker.js`) has kept them all, with no network. The
//! split points are the `#[wasm_split]` functions; see `ui::on_demand`. A
//! part never calls another part's split point itself, even through the
//! main part's methods: it asks through a callback the app gives at start
//! (as the exception report asks for a snapshot, meeting mode for an
//! export, and the plan's state holds the shaper's download), since a
//! part's code is kept in every build of the crate, and a call from it
//! would pull the other part's loader into
//! builds that have no parts, such as the browser tests, which then never
//! start. `scripts/test` checks the browser test build for this.
//!
//! # How data flows
//!
//! Bytes from a file or a link go to [`plan::read_plan`], which gives a plan
//! or every problem with its place. The file's plan is then fixed for as
//! long as it is open. The plan shown is the file's with the journal's
//! structure changes applied ([`progress::structure::shape`]) and its
//! hidden characters marked ([`plan::hidden`]), in a part of its own: a
//! plan with neither never needs it; it changes
//! only when the structure does, never for progress, and each shape gets an
//! [`query::Index`] built once, and the words filter's
//! [`query::SearchText`] once the browser is idle after the first paint (or
//! at the first search, if that comes sooner). What people record
//! becomes a [`progress::Edit`] (who, when, what, in which tab) in a
//! [`progress::Journal`]; the journal is the only state that changes, and
//! undo, discard and export are entries in it too. What is shown is derived:
//! an item's progress is its base progress with its edits applied
//! ([`progress::current_progress`]), the filter's results come from the index
//! with an overlay of edited statuses, and an export applies the whole journal
//! (structure first, then progress) to one copy of the file's plan
//! ([`exchange::export_plan`]). One effect writes the
//! journal to browser storage within every change, before anything is drawn
//! from it, merged first with what another tab may have stored.
//!
//! # Invariants
//!
//! - Reading never panics and never stops at the first problem; a file that
//!   fails leaves the open plan as it was (`tests/bad-files/` is the
//!   catalogue, checked natively and end to end). Ids holding control
//!   characters are refused: edits are keyed on them.
//! - Unknown fields at any level come back unchanged, in place, on export; an
//!   exported file reopens as exactly the same plan (a property test checks).
//!   Numbers, known or not, keep every digit as written; only an exponent is
//!   spelt serde_json's one way (`1e2` comes back `1e+2`, never `100.0`).
//! - Reading stops with a message, never a stack overflow or an exhausted
//!   memory: at 128 levels of nesting, 64 MB, or 4 million values; a single
//!   text over 1 MB is a problem at its place, and the note form refuses
//!   one. A plan by link is fetched only over http or https, and its body
//!   only up to 64 MB.
//! - An edit never copies or rebuilds the whole plan; only shown items are
//!   computed.
//! - An edit is never lost without the person choosing so. Copies of the
//!   journal (tabs, storage) merge by id and only grow: an edit undone or
//!   discarded in one tab never comes back from another, undo takes back
//!   only the tab's own last change, and an export counts exactly the edits
//!   its file holds. Edits to items the plan lacks are kept, and exported in
//!   the file's `orphaned_edits`. Closing a plan, or opening another, while
//!   changes are saved nowhere (storage full, blocked or failing, and not
//!   exported) asks first and offers to export. A plan made in the browser
//!   (new, or imported) counts as waiting until its first export, as no
//!   file holds it: the journal keeps that mark (`made_here`).
//! - Merging a return is edits like any other: nothing is applied until the
//!   person confirms, a field both sides changed since the pack was sent is
//!   a conflict they choose, and undo takes the whole merge back. A change
//!   taken is one that shows once merged; one that would lose to a later
//!   change here is a conflict; anything else a return holds that cannot be
//!   merged is listed with the reason. A return's word for when its pack was
//!   sent is trusted only for a pack this browser recorded sending, and
//!   never from the future; otherwise it merges as a plain file, and says so.
//! - Filtering reads only the index, the search text and the overlay:
//!   organisations are numbers there, and only a page of results is drawn.
//! - Nothing a plan file says is formatted into words unless it is shown:
//!   a problem's place, for one, is kept as numbers until there is a problem.
//! - Ids of items in a file never change; an item added gets a new id in
//!   its edit, so every replay makes the same plan. A plan always keeps a
//!   priority, and deleting a measure or priority drops the links to it, so
//!   an export of an edited plan always reads back. Edits to a deleted item
//!   are kept in the export's `orphaned_edits`, and undo brings it back.
//! - Notes are never rewritten: a correction is a later note that names the
//!   one it corrects. Two changes to the same field: the later wins, and the
//!   earlier stays in the journal and the item's history.
//! - Stored data that cannot be read is moved aside under a backup key, never
//!   deleted, and the original is removed only once its copy reads back; if
//!   it cannot be moved, it is left as it was and nothing is saved over it.
//!   Storage that is full, blocked or failing is shown to the person, and
//!   the change stays in memory; the warning stays until it is exported or
//!   saved.
//! - A part of the app that cannot be downloaded is a problem shown where it
//!   would be, with "Try again"; the plan and the changes stay as they were.
//! - Text from a file is only ever rendered as text: no module sets raw HTML,
//!   and links are followed only for http, https and mailto. Characters
//!   that reverse or hide text are shown marked in names and titles
//!   ([`plan::hidden`]), in the plan as shown, never in the file.
//! - The app runs under a strict content security policy (`index.html`): no
//!   inline script, style attribute or handler, no eval (WebAssembly's
//!   compile aside), nothing from another origin. A style set from Rust goes
//!   through the style property (`prop:style=`, which the browser takes as
//!   CSS, not markup), never a `style` attribute.
//! - A new version of the app is taken only when the person reloads into
//!   it, and never mixes parts with the old: each version's parts are under
//!   their own content-hashed folder and kept by the service worker whole.
//!   A tab left on the older version when another takes the new one is told,
//!   and works on.
//! - Nothing in `plan`, `query`, `progress`, `exchange` or `generate` uses
//!   leptos, web_sys or js_sys.

pub mod browser;
pub mod exchange;
pub mod generate;
pub mod import;
pub mod plan;
pub mod progress;
pub mod query;
pub mod report;
pub mod ui;
