import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';

it('renders in real Chromium', () => {
  render(<button type="button">Generate</button>);
  expect(screen.getByRole('button', { name: 'Generate' })).toBeVisible();
  expect(navigator.userAgent).toMatch(/Chrome/);
});
