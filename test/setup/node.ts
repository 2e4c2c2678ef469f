// Every test starts and ends with no open MSW handlers leaking between files.
import { afterEach } from 'vitest';

afterEach(() => {
  // Nothing global yet; per-suite servers close themselves.
});
