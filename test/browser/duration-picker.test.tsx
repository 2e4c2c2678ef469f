import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DurationPicker } from '../../src/components/index.js';
import {
  expectNoAxeViolations,
  PickerHarness as Harness,
  pressArrow,
  renderWithProviders,
} from './helpers.js';

const value = () => screen.getByLabelText('value');

describe('DurationPicker', () => {
  it("offers only the model's durations and chooses with the keyboard", async () => {
    renderWithProviders(
      <Harness Picker={DurationPicker} models={['kling/v2-1-pro']} initial={5} />,
    );
    const group = screen.getByRole('radiogroup', { name: 'Duration' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.textContent),
    ).toEqual(['5 s', '10 s']);
    expect(screen.getByRole('radio', { name: '5 s' })).toBeChecked();
    expect(group).toHaveAttribute('data-value', '5');
    screen.getByRole('radio', { name: '5 s' }).focus();
    await pressArrow('ArrowRight');
    expect(screen.getByRole('radio', { name: '10 s' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '10 s' })).toHaveAttribute('data-state', 'checked');
    expect(value()).toHaveTextContent('10');
    expect(group).toHaveAttribute('data-value', '10');
    await expectNoAxeViolations();
  });

  it('shows a fixed-duration model (Veo 3.1) as its single value, fixed, and reports the adapted value', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(
      <Harness
        Picker={DurationPicker}
        models={['kling/v2-1-pro', 'veo3']}
        initial={10}
        onValueChange={onValueChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'use veo3' }));
    const group = screen.getByRole('radiogroup', { name: 'Duration' });
    expect(within(group).getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByRole('radio', { name: '8 s' })).toBeChecked();
    expect(group).toHaveAttribute('data-fixed');
    expect(screen.getByRole('radio', { name: '8 s' })).toHaveAttribute('data-fixed');
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange).toHaveBeenCalledWith(8);
    expect(value()).toHaveTextContent('8');
    await expectNoAxeViolations();
  });

  it('moves a duration to the nearest one the new model offers (Sora 20 s → Kling 10 s → Seedance 8 s)', async () => {
    renderWithProviders(
      <Harness
        Picker={DurationPicker}
        models={[
          'sora-2-text-to-video',
          'kling/v2-1-master-text-to-video',
          'bytedance/seedance-1.5-pro',
        ]}
        initial={20}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'use kling/v2-1-master-text-to-video' }),
    );
    await expect.poll(() => value().textContent).toBe('10');
    expect(screen.getByRole('radio', { name: '10 s' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'use bytedance/seedance-1.5-pro' }));
    await expect.poll(() => value().textContent).toBe('8');
    expect(screen.getByRole('radio', { name: '8 s' })).toBeChecked();
  });

  it('an image model has no durations: a disabled group says why, and the value is cleared', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(
      <Harness
        Picker={DurationPicker}
        models={['hailuo/02-text-to-video-pro', 'gpt-image-2']}
        initial={10}
        onValueChange={onValueChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'use gpt-image-2' }));
    const group = screen.getByRole('group', { name: 'Duration' });
    expect(group).toHaveAttribute('aria-disabled', 'true');
    expect(group).toHaveAttribute('data-empty');
    expect(group).toHaveTextContent('GPT Image 2 makes still images');
    expect(screen.queryByRole('radio')).toBeNull();
    expect(onValueChange).toHaveBeenCalledWith(null);
    expect(value()).toHaveTextContent('none');
    await expectNoAxeViolations();
  });
});
