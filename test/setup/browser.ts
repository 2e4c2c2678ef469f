import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

// Real browser events are not wrapped in act(): tests wait for what a user would see instead
// (findBy…, expect.poll). Testing Library turns the act environment on in its own beforeAll (it is
// imported above, so its hook runs first); this turns it off again, so React does not warn.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

afterEach(() => cleanup());
