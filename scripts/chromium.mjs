// Debian's Chromium, the one browser on this machine (browsers cannot be downloaded here), and the flags
// that keep it quiet on a closed network. Shared by the test projects (vite.config.ts) and the scripts
// that drive a page themselves (check-storybook, check-examples).

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run as root on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
