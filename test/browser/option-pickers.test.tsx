import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AspectRatioPicker, DurationPicker, ResolutionPicker } from '../../src/components/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

/** A picker whose model can be switched, reporting its value and every onValueChange. */
function Harness<T>({
  Picker,
  models,
  initial,
  onValueChange,
  context,
}: {
  Picker: typeof DurationPicker | typeof AspectRatioPicker | typeof ResolutionPicker;
  models: string[];
  initial: T | null;
  onValueChange?: (value: T | null) => void;
  context?: Record<string, unknown>;
}) {
  const [model, setModel] = useState(models[0]!);
  const [value, setValue] = useState<T | null>(initial);
  const Root = Picker.Root as unknown as React.ComponentType<Record<string, unknown>>;
  return (
    <>
      {models.map((id) => (
        <button key={id} type="button" onClick={() => setModel(id)}>
          use {id}
        </button>
      ))}
      <Root
        model={model}
        value={value}
        context={context}
        onValueChange={(next: T | null) => {
          setValue(next);
          onValueChange?.(next);
        }}
      />
      <output aria-label="value">{value === null ? 'none' : String(value)}</output>
    </>
  );
}

const value = () => screen.getByLabelText('value');

/**
 * Presses an arrow key as a person does: Radix moves focus in a timeout and checks the radio it lands
 * on only while the key is still down, so the key is released after that.
 */
async function pressArrow(key: string) {
  await userEvent.keyboard(`{${key}>}`);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await userEvent.keyboard(`{/${key}}`);
}

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
});

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
