// Imported first by every measured section: a browser-like global scope (jsdom, so TanStack Query
// schedules its timers and React can render) on virtual time, installed before the code under test
// loads and captures the timer functions.
import { JSDOM } from 'jsdom';
import { installVirtualTime } from './virtual-time.js';

/** Where virtual time starts: the same instant in every section, so runs replay exactly. */
export const BENCH_START = Date.UTC(2026, 10, 24, 12);

const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'http://localhost/',
});
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis || key.startsWith('_')) continue;
  Object.defineProperty(globalThis, key, {
    configurable: true,
    writable: true,
    value: (window as unknown as Record<string, unknown>)[key],
  });
}
for (const key of ['window', 'document', 'navigator'] as const) {
  Object.defineProperty(globalThis, key, {
    configurable: true,
    writable: true,
    value: window[key],
  });
}

/** The virtual clock every section runs on. */
export const time = installVirtualTime(BENCH_START);

/** Shows or hides the page, as a browser tab switch does (TanStack Query's focus manager listens). */
export function setPageHidden(hidden: boolean) {
  Object.defineProperty(window.document, 'visibilityState', {
    value: hidden ? 'hidden' : 'visible',
    configurable: true,
  });
  window.document.dispatchEvent(new window.Event('visibilitychange', { bubbles: true }));
}
