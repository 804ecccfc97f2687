// The pages measured: the app and its two peers. Everything that differs
// between them is here (where they are, their selectors, how a lead filter
// is chosen), so the measuring code is one function for all three. The app's
// ids are those of src/ui/welcome.rs, filter_panel.rs and plan_page.rs.

/** Escapes text for use inside a RegExp. */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A peer's module marks <body data-ready> once it has loaded and listens. */
const peerReady = (page) => page.locator('body[data-ready]').waitFor({ state: 'attached' });

/** The peers filter the lead with a <select>; choosing is a `change`. */
const selectLead = {
  trigger: { trigger: 'change', triggerSelector: '#lead' },
  choose: (page, name) => page.selectOption('#lead', name),
  clear: (page) => page.selectOption('#lead', ''),
};

export const TARGETS = [
  {
    key: 'app',
    name: 'Plan Tracker',
    path: '/',
    fileInput: '#plan-file',
    search: '#filter-words',
    count: '#results-count',
    /** Ready once the welcome page is drawn and start.js has said the wasm started. */
    ready: async (page) => {
      await page.locator('#plan-file').waitFor();
      await page.waitForFunction(() => window.__bench.wasmMemory !== null);
    },
    lead: {
      // A person ticks the checkbox by its label: "Nottinghamshire Police (1432)".
      trigger: { trigger: 'click', triggerSelector: 'label[for^="f-lead-"]' },
      choose: (page, name) => leadLabel(page, name).click(),
      clear: (page, name) => leadLabel(page, name).click(),
      reveal: (page, name) => leadLabel(page, name).scrollIntoViewIfNeeded(),
    },
  },
  {
    key: 'plain',
    name: 'Plain JS',
    path: '/peers/plain.html',
    fileInput: '#file',
    search: '#search',
    count: '#count',
    ready: peerReady,
    lead: selectLead,
  },
  {
    key: 'datatables',
    name: 'DataTables',
    path: '/peers/datatables.html',
    fileInput: '#file',
    // DataTables draws its own search box once the table exists.
    search: '.dt-search input',
    count: '.dt-info',
    ready: peerReady,
    lead: selectLead,
  },
];

function leadLabel(page, name) {
  return page.locator('label[for^="f-lead-"]').filter({ hasText: new RegExp(`^${escapeRegExp(name)} \\(\\d+\\)$`) });
}

export const targetByKey = Object.fromEntries(TARGETS.map((t) => [t.key, t]));
