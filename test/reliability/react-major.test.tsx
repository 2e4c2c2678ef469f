import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, inject, it } from 'vitest';

it('runs under one React, of the major its project names', () => {
  expect(version.split('.')[0]).toBe(inject('reactMajor') ?? '19');
  expect(domVersion).toBe(version);
});
