import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs under one React, of the major this project names', () => {
  // test/setup/react18.ts sets this for the dom-react18 project.
  const expected = (globalThis as { EXPECTED_REACT_MAJOR?: string }).EXPECTED_REACT_MAJOR ?? '19';
  expect(version.split('.')[0]).toBe(expected);
  expect(domVersion).toBe(version);
});
