// The benchmark's in-page probe, injected before any script of the app or a
// peer runs (Playwright addInitScript). Every time is taken here with
// performance.now(), so round trips between Node and the browser never count.
//
// One measurement is: arm(spec), then Node performs a real input (a key, a
// click, a chosen file), then result() resolves with { ms, t0, t1, ... }.
//   t0: the trigger event (keydown, click or change), seen first by a
//       capture-phase listener on window, before any handler of the page.
//   t1: either a signal from a wrapped browser API (the journal written to
//       localStorage, the export's download link clicked), or, for results,
//       the first paint after the results count shows what we wait for.
(() => {
  'use strict';
  const JOURNAL_PREFIX = 'plan-tracker/v1/journal/';
  const bench = {
    /** The file chosen last: the app empties its input as it opens one. */
    lastFile: null,
    /** The app's WebAssembly memory, for the memory figures. */
    wasmMemory: null,
    /** Size in bytes of the last Blob turned into an object URL (the export). */
    lastBlobSize: 0,
    /** The measurement waiting for its trigger or its end, if any. */
    armed: null,
    /** The promise of the last armed measurement, which may end before Node asks. */
    lastResult: null,
  };
  Object.defineProperty(window, '__bench', { value: bench });

  addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file' && input.files && input.files.length) {
      bench.lastFile = input.files[0];
    }
  }, true);

  // public/start.js announces the started app with its wasm exports.
  addEventListener('plan-tracker-started', (event) => {
    const wasm = event.detail && event.detail.wasm;
    bench.wasmMemory = (wasm && wasm.memory) || null;
  });

  // Wrapped browser APIs: the moments the app hands work to the browser.
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const result = setItem.call(this, key, value);
    if (String(key).startsWith(JOURNAL_PREFIX)) signal('journal-saved');
    return result;
  };
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) signal('download');
    return anchorClick.call(this);
  };
  // ECharts, once the dashboard downloads it: each chart's setOption is
  // counted, so that a measurement can end when the charts are drawn. Its
  // UMD build assigns `window.echarts` and fills it in later, so `init` is
  // wrapped the first time the app reaches for it.
  let echarts;
  Object.defineProperty(window, 'echarts', {
    configurable: true,
    get() {
      if (echarts && echarts.init && !echarts.init.__bench) {
        const init = echarts.init;
        echarts.init = function (...args) {
          const chart = init.apply(this, args);
          const setOption = chart.setOption;
          chart.setOption = function (...options) {
            const result = setOption.apply(this, options);
            chartSet();
            return result;
          };
          return chart;
        };
        echarts.init.__bench = true;
      }
      return echarts;
    },
    set(value) { echarts = value; },
  });
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (object) {
    if (object instanceof Blob) bench.lastBlobSize = object.size;
    return createObjectURL.call(URL, object);
  };

  /** "Showing all 20000 actions", "Showing 12 of 20000 actions" (the app and
   * the plain peer) or DataTables' "Showing 1 to 10 of 1,234 entries
   * (filtered from 20,000 total entries)", as { shown, total }. */
  function parseCount(text) {
    const number = (s) => Number(s.replace(/,/g, ''));
    let m = /Showing all ([\d,]+)/.exec(text);
    if (m) return { shown: number(m[1]), total: number(m[1]) };
    m = /Showing ([\d,]+) of ([\d,]+) action/.exec(text);
    if (m) return { shown: number(m[1]), total: number(m[2]) };
    m = /of ([\d,]+) entries(?: \(filtered from ([\d,]+) total)?/.exec(text);
    if (m) return { shown: number(m[1]), total: number(m[2] || m[1]) };
    return null;
  }

  function readCount(selector) {
    const element = document.querySelector(selector);
    return element ? parseCount(element.textContent) : null;
  }
  bench.readCount = readCount;

  /** Calls back with the time just after the next frame is rendered: the
   * rAF callback runs before that frame's style, layout and paint, and a
   * message posted from it is handled once they are done. */
  function afterNextPaint(callback) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  }

  function signal(name) {
    const armed = bench.armed;
    if (armed && armed.done.kind === 'signal' && armed.done.name === name && armed.t0 !== null && armed.t1 === null) {
      finish(armed, performance.now());
    }
  }

  /** A chart was drawn: a measurement waiting for charts ends with the
   * first paint after a frame in which at least `min` had been drawn. */
  function chartSet() {
    const armed = bench.armed;
    if (!armed || armed.done.kind !== 'charts' || armed.t0 === null || armed.t1 !== null) return;
    armed.charts += 1;
    if (armed.charts >= armed.done.min && !armed.waitingForCharts) {
      armed.waitingForCharts = true;
      afterNextPaint((t1) => finish(armed, t1));
    }
  }

  function finish(armed, t1) {
    armed.t1 = t1;
    armed.cleanup();
    armed.resolve({ ms: t1 - armed.t0, t0: armed.t0, t1, count: armed.count });
  }

  /** Whether the results count is the one the measurement waits for. */
  function countReached(done, before) {
    const now = readCount(done.selector);
    if (!now) return null;
    if (done.equals) return now.shown === done.equals.shown && now.total === done.equals.total ? now : null;
    if (!before) return now;
    return now.shown !== before.shown || now.total !== before.total ? now : null;
  }

  /**
   * spec.trigger: the event type that starts the clock ('keydown', 'click', 'change').
   * spec.triggerSelector: optional, the event's target must be inside a match.
   * spec.done: { kind: 'count', selector, equals?: {shown,total} } waits for
   *   the count to equal `equals`, or else to differ from its value now;
   *   { kind: 'signal', name: 'journal-saved' | 'download' };
   *   { kind: 'charts', min } waits for `min` charts to be drawn, then a paint;
   *   { kind: 'element', selector } waits for an element to be in the page.
   */
  bench.arm = (spec) => {
    if (bench.armed) bench.armed.cleanup();
    const armed = { spec, done: spec.done, t0: null, t1: null, count: null, before: null, charts: 0, waitingForCharts: false };
    armed.promise = new Promise((resolve, reject) => { armed.resolve = resolve; armed.reject = reject; });
    if (spec.done.kind === 'count') armed.before = readCount(spec.done.selector);

    const onTrigger = (event) => {
      if (armed.t0 !== null) return;
      if (spec.triggerSelector && !(event.target instanceof Element && event.target.closest(spec.triggerSelector))) return;
      armed.t0 = performance.now();
    };
    let observer = null;
    let waitingForPaint = false;
    const check = () => {
      if (armed.t0 === null || waitingForPaint || armed.t1 !== null) return;
      const reached = spec.done.kind === 'element'
        ? document.querySelector(spec.done.selector) && {}
        : countReached(spec.done, armed.before);
      if (!reached) return;
      waitingForPaint = true;
      armed.count = reached;
      afterNextPaint((t1) => finish(armed, t1));
    };
    addEventListener(spec.trigger, onTrigger, true);
    if (spec.done.kind === 'count' || spec.done.kind === 'element') {
      observer = new MutationObserver(check);
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    }
    const timer = setTimeout(() => {
      armed.cleanup();
      const now = spec.done.kind === 'count' ? JSON.stringify(readCount(spec.done.selector)) : '';
      const awaited = { count: 'results count change', charts: `${spec.done.min} charts drawn (${armed.charts} were)`, element: spec.done.selector }[spec.done.kind] || spec.done.name;
      armed.reject(new Error(`no ${awaited} within ${spec.timeoutMs} ms `
        + `(trigger ${spec.trigger} ${armed.t0 === null ? 'never seen' : 'seen'}; count now ${now})`));
    }, spec.timeoutMs || 60000);
    armed.cleanup = () => {
      removeEventListener(spec.trigger, onTrigger, true);
      if (observer) observer.disconnect();
      clearTimeout(timer);
      if (bench.armed === armed) bench.armed = null;
    };
    bench.armed = armed;
    bench.lastResult = armed.promise;
    // Node awaits it later; until then a rejection is not "unhandled".
    armed.promise.catch(() => {});
  };

  bench.result = () => bench.lastResult || Promise.reject(new Error('nothing armed'));

  /** The lower bound for opening: decode and JSON.parse the bytes of the
   * file chosen last, `runs` times, in this page. Milliseconds each. */
  bench.parseBaseline = async (runs) => {
    if (!bench.lastFile) throw new Error('no file was chosen in this page');
    const bytes = await bench.lastFile.arrayBuffer();
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const plan = JSON.parse(new TextDecoder().decode(bytes));
      times.push(performance.now() - t0);
      if (!plan) throw new Error('empty plan');
    }
    return times;
  };

  /** The floor for an import's preview: decode the CSV chosen last and
   * split it into rows and cells, `runs` times, in this page. Milliseconds
   * each. (A naive split: quotes are not read, so it does less than any
   * real CSV reader.) */
  bench.splitBaseline = async (runs) => {
    if (!bench.lastFile) throw new Error('no file was chosen in this page');
    const bytes = await bench.lastFile.arrayBuffer();
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const rows = new TextDecoder().decode(bytes).split('\n').map((line) => line.split(','));
      times.push(performance.now() - t0);
      if (!rows.length) throw new Error('empty sheet');
    }
    return times;
  };

  /** Chooses the file at `url` in the file input `selector`, as a person
   * would, but without Playwright's setInputFiles, whose element handle
   * keeps the page it was used on alive (and would look like a leak). */
  bench.chooseFile = async (selector, url) => {
    const blob = await (await fetch(url)).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], url.split('/').pop(), { type: 'application/json' }));
    const input = document.querySelector(selector);
    input.files = transfer.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  bench.wasmMemoryBytes = () => (bench.wasmMemory ? bench.wasmMemory.buffer.byteLength : 0);
})();
