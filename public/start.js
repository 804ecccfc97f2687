// Starts Plan Tracker: loads the main part of the app (the other parts are
// downloaded when first used), then tells anyone listening that it started,
// and later, when idle, keeps the app for offline use (offline.js).
//
// The script is async (index.html), so it runs as soon as it arrives, and
// the glue is imported only after the plan's fetch has started: a static
// import would hold this script back until the glue had arrived and been
// compiled, and the plan's download with it. index.html preloads the glue,
// so importing it here costs no extra round trip. The app itself starts
// once the page is parsed, as it mounts in the page's body.

// The plan the address names (?plan=...) is fetched while the app itself
// downloads; the app takes the response (fetch_bytes in src/browser/files.rs)
// and checks it as it would its own.
const planLink = new URLSearchParams(location.search).get('plan');
if (planLink) {
  try {
    const url = new URL(planLink, location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      window.planTrackerPrefetch = { link: planLink, response: fetch(url) };
    }
  } catch {
    // Not an address: the app says so when it reads the link itself.
  }
}

const parsed = document.readyState === 'loading'
  ? new Promise((done) => addEventListener('DOMContentLoaded', done, { once: true }))
  : null;
try {
  const { default: init } = await import('./plan-tracker.js');
  await parsed;
  const wasm = await init({ module_or_path: new URL('plan-tracker_bg.wasm', import.meta.url) });
  dispatchEvent(new CustomEvent('plan-tracker-started', { detail: { wasm } }));
} catch (error) {
  console.error(error);
  await parsed;
  // A page of its own, as the app's pages are: a main landmark and a title.
  document.body.insertAdjacentHTML('afterbegin', '<main><h1 class="heading-xl start-failed__title">Sorry, there is a problem</h1>'
    + '<p class="start-failed" role="alert">Plan Tracker could not start. Reload the page; if that does not help, use an up-to-date browser such as Chrome, Edge, Firefox or Safari.</p></main>');
}

// Keeping the app for offline use waits until the page is loaded and the
// browser is idle (it downloads every file, a few megabytes, which must not
// slow the plan being opened), and its code is fetched only then.
const whenIdle = (work) => (window.requestIdleCallback ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 2000));
const keepForOffline = () => import('./offline.js').then((offline) => offline.keepForOffline()).catch(() => {});
if (document.readyState === 'complete') whenIdle(keepForOffline);
else addEventListener('load', () => whenIdle(keepForOffline), { once: true });
