import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AspectRatioPicker } from '../../src/components/index.js';
import {
  expectNoAxeViolations,
  PickerHarness as Harness,
  pressArrow,
  renderWithProviders,
} from './helpers.js';

const value = () => screen.getByLabelText('value');

describe('AspectRatioPicker', () => {
  it('disables the ratios the resolution excludes, with the reason, and the arrows skip them', async () => {
    renderWithProviders(
      <Harness
        Picker={AspectRatioPicker}
        models={['nano-banana-2']}
        initial="21:9"
        context={{ resolution: '2K' }}
      />,
    );
    const tall = screen.getByRole('radio', { name: '1:4' });
    expect(tall).toBeDisabled();
    expect(tall).toHaveAttribute('data-disabled');
    // One caption for the four ratios 2K excludes, describing each of them.
    const caption = '1:4, 4:1, 1:8 and 8:1 are only available at 1K';
    expect(screen.getAllByText(/only available at/)).toHaveLength(1);
    for (const ratio of ['1:4', '4:1', '1:8', '8:1'])
      expect(screen.getByRole('radio', { name: ratio })).toHaveAccessibleDescription(caption);
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeEnabled();
    screen.getByRole('radio', { name: '21:9' }).focus();
    // 21:9 is the last ratio every resolution allows: the four after it are skipped, back to Auto.
    await pressArrow('ArrowRight');
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeChecked();
    expect(value()).toHaveTextContent('auto');
    await expectNoAxeViolations();
  });

  it('allows the extreme ratios at 1K', () => {
    renderWithProviders(
      <AspectRatioPicker.Root model="nano-banana-2" context={{ resolution: '1K' }} />,
    );
    expect(screen.getByRole('radio', { name: '8:1' })).toBeEnabled();
    expect(screen.getByRole('radio', { name: '8:1' })).not.toHaveAttribute('aria-describedby');
  });

  it('moves a ratio to the nearest shape the new model offers, and clears it for a model with none', async () => {
    renderWithProviders(
      <Harness
        Picker={AspectRatioPicker}
        models={['bytedance/seedance-1.5-pro', 'sora-2-text-to-video', 'kling/v2-1-standard']}
        initial="21:9"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'use sora-2-text-to-video' }));
    await expect.poll(() => value().textContent).toBe('16:9');
    expect(screen.getByRole('radio', { name: '16:9' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'use kling/v2-1-standard' }));
    await expect.poll(() => value().textContent).toBe('none');
    expect(screen.getByRole('group', { name: 'Aspect ratio' })).toHaveTextContent(
      'Kling V2.1 Standard takes the aspect ratio from the input image',
    );
    await expectNoAxeViolations();
  });
});
