// The tablet profile: a sample plan opened by its address on a slow tablet,
// as Chromium emulates one: the CPU slowed four times and a Fast 4G network
// (9 Mbit/s down and up, 170 ms round trip), the app served compressed as a
// real host would. "Cold" is a first visit with an empty cache; "repeat" is
// the next visit in the same browser, which the service worker serves.
//
// Timed from the start of the navigation (performance.now() counts from it)
// to the first paint after the plan's count shows every action.

const SAMPLE = 'samples/notts-cypf-2016-18.json';
const SAMPLE_ACTIONS = 44;
const FAST_4G = { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };
const CPU_SLOWDOWN = 4;
// Said on the console when the plan is painted. The visit waits for this
// message rather than polling with page.waitForFunction: Playwright's first
// evaluation in a new page compiles its own injected script (55 ms on the
// page's main thread with the CPU slowed) in the middle of the load it times.
const PAINTED = 'plan-tracker-bench: plan painted';

/** Runs in the page before anything else: notes the time of the first paint
 * after "Showing all N actions" appears, and says so on the console. */
function watchForPlan({ actions, painted }) {
  const wanted = `Showing all ${actions} actions`;
  const seen = () => {
    const count = document.getElementById('results-count');
    return count && count.textContent.includes(wanted);
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      window.__planPainted = performance.now();
      console.log(painted);
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function slowDown(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  return cdp;
}

async function visit(page, url) {
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED, timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await painted;
  return page.evaluate(() => window.__planPainted);
}

/** `runs` cold visits, each in a fresh browser context, each followed by a
 * repeat visit once the service worker holds the app. */
export async function tabletProfile(browser, origin, runs) {
  const cold = [];
  const repeat = [];
  let encoding = null;
  const url = `${origin}/?plan=${SAMPLE}`;
  // Untimed, at full speed: the server compresses each file the first time
  // it is asked for (a real host would have done so before), and the
  // worker's download of every file makes sure all of them are.
  const warm = await browser.newContext({ serviceWorkers: 'allow' });
  const warmPage = await warm.newPage();
  await warmPage.goto(url);
  await warmPage.evaluate(() => navigator.serviceWorker.ready);
  await warm.close();
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'allow' });
    await context.addInitScript(watchForPlan, { actions: SAMPLE_ACTIONS, painted: PAINTED });
    const page = await context.newPage();
    page.on('response', (response) => {
      if (/plan-tracker_bg\.wasm$/.test(response.url())) encoding = response.headers()['content-encoding'] || 'none';
    });
    await slowDown(context, page);
    cold.push(await visit(page, url));
    // The worker keeps every file before it takes over.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    repeat.push(await visit(page, url));
    await context.close();
  }
  return { cold, repeat, encoding, cpuSlowdown: CPU_SLOWDOWN, network: FAST_4G };
}
