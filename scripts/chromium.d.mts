/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export declare const chromiumPath: string;
/** Flags for a headless run as root on a machine with no network but loopback. */
export declare const chromiumArgs: string[];
