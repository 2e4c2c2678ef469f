import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

// Real browser events are not wrapped in act(): tests wait for what a user would see instead
// (findBy…, expect.poll). Testing Library turns the act environment on in its own beforeAll (it is
// imported above, so its hook runs first); this turns it off again, so React does not warn.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

// `npm test` runs every project at once on two shared cores: wait up to 5 s for what a user would see
// (findBy…, waitFor), not Testing Library's 1 s. Assertions are unchanged; only patience is.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
