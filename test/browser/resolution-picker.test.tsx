import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ResolutionPicker } from '../../src/components/index.js';
import { expectNoAxeViolations, PickerHarness as Harness, renderWithProviders } from './helpers.js';

const value = () => screen.getByLabelText('value');

describe('ResolutionPicker', () => {
  it("shows each tier's price with the rest of the request", () => {
    renderWithProviders(
      <ResolutionPicker.Root
        model="sora-2-text-to-video"
        defaultValue="720p"
        context={{ duration: 10 }}
      >
        <ResolutionPicker.Options>
          {(option) => (
            <div key={option.value}>
              <ResolutionPicker.Item value={option.value} />
              <ResolutionPicker.ItemCredits value={option.value} />
            </div>
          )}
        </ResolutionPicker.Options>
      </ResolutionPicker.Root>,
    );
    expect(screen.getByRole('radio', { name: '720p' }).nextSibling).toHaveTextContent('10 credits');
    expect(screen.getByRole('radio', { name: '1080p' }).nextSibling).toHaveTextContent(
      '15 credits',
    );
  });

  it('disables tiers the aspect ratio excludes (Nano Banana 2, 1:4 at 1K only)', async () => {
    renderWithProviders(
      <ResolutionPicker.Root
        model="nano-banana-2"
        defaultValue="1K"
        context={{ aspectRatio: '1:4' }}
      />,
    );
    expect(screen.getByRole('radio', { name: '1K' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '2K' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: '4K' })).toHaveAccessibleDescription(
      '1:4 is only available at 1K',
    );
    await expectNoAxeViolations();
  });

  it('moves a tier to the nearest the new model offers, keeps one it has, clears it for a model with none', async () => {
    renderWithProviders(
      <Harness
        Picker={ResolutionPicker}
        models={['nano-banana-2', 'nano-banana-pro', 'gpt-image-2']}
        initial="1K"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'use nano-banana-pro' }));
    await expect.poll(() => value().textContent).toBe('2K');
    await userEvent.click(screen.getByRole('radio', { name: '4K' }));
    await userEvent.click(screen.getByRole('button', { name: 'use nano-banana-2' }));
    expect(screen.getByRole('radio', { name: '4K' })).toBeChecked();
    expect(value()).toHaveTextContent('4K');
    await userEvent.click(screen.getByRole('button', { name: 'use gpt-image-2' }));
    await expect.poll(() => value().textContent).toBe('none');
    expect(screen.getByRole('group', { name: 'Resolution' })).toHaveTextContent(
      'GPT Image 2 offers no resolution choice',
    );
  });
});
