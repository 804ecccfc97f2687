//! The accessibility statement, in the GOV.UK model: how accessible the app
//! is, what is known not to be, how to report a problem, and how it was
//! tested. A part of its own: few people open it, and it is mostly words.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::Page;
use crate::ui::use_state;

#[wasm_split(statement_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn statement_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <Statement/> }.into_any())
}

#[component]
fn Statement() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="statement">
            <p><button type="button" class="link-button" on:click=move |_| state.set_page(Page::Plan)>"Back"</button></p>
            <h1 class="heading-xl">"Accessibility statement for Plan Tracker"</h1>
            <p class="body">"This statement applies to Plan Tracker, the app for tracking a joint action plan that you are using now. The organisation that hosts it for you is responsible for this copy of it."</p>
            <p class="body">"We want as many people as possible to be able to use it. You should be able to:"</p>
            <ul class="list list--bullet">
                <li>"do everything with a keyboard alone, with the focus always visible"</li>
                <li>"zoom in up to 400% with the text reflowing, down to a 320 pixel wide screen, with no sideways scrolling"</li>
                <li>"use it with a screen reader: pages have headings and landmarks, and changes such as a saved update are announced, and a new count of results once you stop typing or choosing"</li>
                <li>"use it on a phone or tablet, with controls at least 44 by 44 pixels"</li>
                <li>"use your system's high contrast (forced colours) mode, and turn off motion"</li>
                <li>"read every chart as a table with the same figures"</li>
            </ul>

            <h2 class="heading-l">"How accessible this app is"</h2>
            <p class="body">"We know some parts are not fully accessible:"</p>
            <ul class="list list--bullet">
                <li>"charts are pictures: each has a \"Show as a table\" control with the same figures, and a title that says what it shows"</li>
                <li>"the text of a plan (titles, notes, evidence) is written by the plan's authors and may not be plain English"</li>
                <li>"a PDF saved from the browser's print dialog is as accessible as the browser makes it; the CSV export and the snapshot are the accessible alternatives"</li>
            </ul>

            <h2 class="heading-l">"Reporting accessibility problems"</h2>
            <p class="body">"If you find a problem not listed on this page, or need a plan in another format, contact the coordinator of your plan or the organisation that hosts this app for you. Say which page you were on and what went wrong."</p>

            <h2 class="heading-l">"Enforcement procedure"</h2>
            <p class="body">"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your organisation responds to your complaint, contact the Equality Advisory and Support Service (EASS)."</p>

            <h2 class="heading-l">"Technical information about this app's accessibility"</h2>
            <p class="body">"Plan Tracker is designed to meet the Web Content Accessibility Guidelines version 2.2 AA standard. It is partially compliant, because of the limits listed above."</p>

            <h2 class="heading-l">"How we tested this app"</h2>
            <p class="body">"Every version is tested before it is published, in Chromium, by automated end-to-end tests that use the app the way a person does, finding each control by its role and label. They include:"</p>
            <ul class="list list--bullet">
                <li>"checks with axe-core against WCAG 2.2 A and AA, and against axe's best practices (among them headings that never skip a level, one main landmark and landmarks named apart), on each page and state: the welcome page, a plan, filters open and applied, the progress form with its error summary, history, measures, share and merge with a conflict, the dashboard, the exception report, meeting mode, importing, editing, and the pages shown when part of the app cannot be downloaded"</li>
                <li>"that a plan reads as an outline to a screen reader: its landmarks, then headings from the plan's title down to each action, with each status in words"</li>
                <li>"using the app with the keyboard alone, including the toolbar's menu and meeting mode, where every control the keyboard reaches must be in the meeting and not hidden under its bar of steps, on tablets and at 200% zoom, nor, on a phone, under the line that says changes are not being kept"</li>
                <li>"that the count of results is announced once when a search settles, not for every letter typed, and that each recorded change, each export and a storage problem are announced once, from a live region already on the page"</li>
                <li>"screen sizes from a 320 pixel phone to a 1366 pixel tablet, a laptop's screen zoomed to 200% and a desktop's zoomed to 400% (320 by 256 pixels), for sideways scrolling, touch target sizes, and what is on the first screen"</li>
                <li>"that focus goes into a form that opens in place of its button (\"Update progress\", \"Add a value\", \"Add a key action\") and back to the button when the form closes"</li>
            </ul>
            <p class="body">"We have also used it with one screen reader, Orca 43 on Linux with Chromium, with its keys pressed by a script and what it said written down: reading a plan by its headings and landmarks, filtering it, recording progress with a mistake put right, stepping through meeting mode and reading the dashboard. That found that focus was lost when a form opened in place of its button, that the count of results was said again after each update saved, and that meeting mode did not say which step it started on; all three are fixed."</p>
            <p class="body">"It has not yet been tested by an accessibility specialist or by people who use assistive technology, nor with NVDA, JAWS, VoiceOver or TalkBack. This statement was prepared on 1 December 2026 and last reviewed on 2 December 2026."</p>
        </div>
    }
}
