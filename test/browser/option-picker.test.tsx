import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DurationPicker, ResolutionPicker } from '../../src/components/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

// The parts every picker shares (internal/option-picker.tsx), through one picker each.
describe('option pickers', () => {
  it('works uncontrolled, with prices per option and custom markup', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(
      <DurationPicker.Root
        model="sora-2-pro-text-to-video"
        defaultValue={10}
        context={{ resolution: '1080p' }}
        onValueChange={onValueChange}
        aria-label="Clip length"
      >
        <DurationPicker.Options>
          {(option) => (
            <label>
              <DurationPicker.Item
                value={option.value}
                aria-label={`${option.label}, ${option.credits} credits`}
              >
                <DurationPicker.ItemIndicator>✓</DurationPicker.ItemIndicator>
              </DurationPicker.Item>
              {option.label} <DurationPicker.ItemCredits value={option.value} />
            </label>
          )}
        </DurationPicker.Options>
      </DurationPicker.Root>,
    );
    expect(screen.getByRole('radio', { name: '10 s, 48 credits' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '10 s, 48 credits' })).toHaveTextContent('✓');
    expect(screen.getByRole('radio', { name: '20 s, 96 credits' })).toBeEmptyDOMElement();
    expect(screen.getByText('96 credits')).toHaveAttribute('data-value', '96');
    await userEvent.click(screen.getByRole('radio', { name: '20 s, 96 credits' }));
    expect(onValueChange).toHaveBeenCalledWith(20);
    expect(screen.getByRole('radiogroup', { name: 'Clip length' })).toHaveAttribute(
      'data-value',
      '20',
    );
  });

  it('shows field errors on the group', async () => {
    renderWithProviders(
      <ResolutionPicker.Root
        model="wan/2-6-text-to-video"
        value="720p"
        errors={['resolution must be one of 480p for wan/2-6-text-to-video']}
      />,
    );
    const group = screen.getByRole('radiogroup', { name: 'Resolution' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAttribute('data-invalid');
    expect(group).toHaveAccessibleDescription(
      'resolution must be one of 480p for wan/2-6-text-to-video',
    );
    await expectNoAxeViolations();
  });
});
