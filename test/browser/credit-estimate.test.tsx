import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditEstimate } from '../../src/components/index.js';
import { renderWithProviders } from './helpers.js';

describe('CreditEstimate', () => {
  it('shows the published price for the options, and "shown after submit" where none is published', () => {
    const { rerender } = renderWithProviders(
      <CreditEstimate
        request={{ model: 'sora-2-text-to-video', duration: 10, resolution: '1080p' }}
      />,
    );
    expect(screen.getByText('15 credits')).toHaveAttribute('data-value', '15');
    rerender(<CreditEstimate request={{ model: 'nano-banana-2' }} />);
    expect(screen.getByText('4 credits')).toBeVisible();
    rerender(<CreditEstimate request={{ model: 'wan/2-6-text-to-video', duration: 10 }} />);
    const unknown = screen.getByText('Credits shown after submit');
    expect(unknown).toHaveAttribute('data-unknown');
    expect(unknown).not.toHaveAttribute('data-value');
    rerender(
      <CreditEstimate request={{ model: 'wan/2-6-text-to-video', duration: 10 }} charged={30} />,
    );
    expect(screen.getByText('30 credits charged')).toHaveAttribute('data-charged');
  });

  it('renders through a function', () => {
    renderWithProviders(
      <CreditEstimate request={{ model: 'veo3_lite' }}>
        {(credits) => `≈ ${credits} cr`}
      </CreditEstimate>,
    );
    expect(screen.getByText('≈ 5 cr')).toBeVisible();
  });
});
