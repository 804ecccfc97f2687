// Keeps Plan Tracker for offline use: registers the service worker
// (sw.js, written by scripts/build-wasm beside index.html), and offers to
// reload when a new version has been downloaded. Loaded by start.js once
// the page is idle.

/** Registers sw.js (written by scripts/build-wasm beside index.html). A new
 * version waits until the person chooses to reload into it; only the tab
 * that asked reloads. Where service workers are unavailable or refused, the
 * app works as before, online. */
export async function keepForOffline() {
  if (!('serviceWorker' in navigator)) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL('../sw.js', import.meta.url));
  } catch (error) {
    console.warn('Plan Tracker will not be kept for offline use:', error);
    return;
  }
  let asked = false;
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) {
      location.reload();
      return;
    }
    // The first version taking this page over is no news.
    if (!controlled) {
      controlled = true;
      return;
    }
    // Another tab took a new version. This page runs on, on its own version
    // (its files are kept), until the person chooses to reload.
    document.getElementById('new-version')?.remove();
    document.body.prepend(newVersionBanner(
      'Plan Tracker was updated in another tab. Reload this one to use the new version: changes saved in this browser are kept.',
      () => location.reload(),
    ));
  });
  // Offered only when an older version runs this page: the first install
  // simply takes over.
  const offer = (worker) => {
    if (!navigator.serviceWorker.controller || document.getElementById('new-version')) return;
    document.body.prepend(newVersionBanner(
      'A new version of Plan Tracker is ready. Reload to use it: changes saved in this browser are kept.',
      () => {
        asked = true;
        worker.postMessage('update-now');
      },
    ));
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

/** A new version to reload into, GOV.UK-style: what happened, and the
 * button that reloads. Built from text nodes only: nothing is parsed as
 * HTML, and no inline handler is needed. */
function newVersionBanner(message, reload) {
  const banner = document.createElement('div');
  banner.id = 'new-version';
  banner.className = 'banner new-version';
  banner.setAttribute('role', 'region');
  banner.setAttribute('aria-label', 'New version');
  const text = document.createElement('p');
  text.className = 'banner__heading';
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = 'Reload to update';
  button.addEventListener('click', reload);
  banner.append(text, button);
  return banner;
}
