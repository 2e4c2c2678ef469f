import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  createClient,
  createRegistry,
  defaultRegistry,
  extendRegistry,
  type ModelSpec,
} from '../../src/core/index.js';
import { getModelGroups, ModelSelect } from '../../src/components/index.js';
import { narrowRegistry } from '../../src/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

function Controlled(
  props: Partial<React.ComponentProps<typeof ModelSelect.Root>> & { initial?: string },
) {
  const [model, setModel] = useState<string | null>(props.initial ?? null);
  return (
    <>
      <ModelSelect.Root
        {...props}
        value={model}
        onValueChange={(id, spec) => {
          setModel(id);
          props.onValueChange?.(id, spec);
        }}
      />
      <output aria-label="chosen">{model ?? 'none'}</output>
    </>
  );
}

const trigger = () => screen.getByRole('combobox', { name: 'Model' });

describe('ModelSelect', () => {
  it('lists the video models grouped by family, with names and prices', async () => {
    renderWithProviders(<Controlled kind="video" />);
    expect(trigger()).toHaveTextContent('Choose a model');
    await userEvent.click(trigger());
    const listbox = await screen.findByRole('listbox');
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('data-family'))).toEqual([
      'Kling 2.1',
      'Sora 2',
      'Hailuo 02',
      'Veo 3.1',
      'Wan 2.6',
      'Seedance',
    ]);
    expect(within(listbox).getAllByRole('option')).toHaveLength(16);
    expect(groups[3]).toHaveAccessibleName('Veo 3.1');
    // An option is named by what it shows: the model, then its price.
    expect(within(listbox).getByRole('option', { name: 'Veo 3.1 Fast 9 credits' })).toBeVisible();
    expect(
      within(listbox).getByRole('option', { name: 'Kling V2.1 Pro from 21 credits' }),
    ).toBeVisible();
    expect(
      within(listbox).getByRole('option', { name: 'Wan 2.6 credits shown after submit' }),
    ).toBeVisible();
    expect(within(listbox).queryByRole('option', { name: /GPT Image 2/ })).toBeNull();
    // Open, Radix hides the page behind the list (aria-hidden, focus held in the list): judge the list.
    await expectNoAxeViolations(listbox);
    await userEvent.keyboard('{Escape}');
    await expectNoAxeViolations();
  });

  it('chooses with the keyboard: open, arrows, Enter; the trigger shows the name', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(<Controlled kind="image" onValueChange={onValueChange} />);
    trigger().focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByLabelText('chosen')).toHaveTextContent('nano-banana-2');
    expect(trigger()).toHaveTextContent('Nano Banana 2');
    expect(trigger()).not.toHaveTextContent('credits');
    expect(onValueChange).toHaveBeenCalledWith(
      'nano-banana-2',
      expect.objectContaining({ name: 'Nano Banana 2', family: 'Nano Banana' }),
    );
    expect(document.activeElement).toBe(trigger());
  });

  it('typeahead on the closed trigger jumps to a model by name', async () => {
    renderWithProviders(<Controlled kind="video" />);
    trigger().focus();
    await userEvent.keyboard('h');
    expect(screen.getByLabelText('chosen')).toHaveTextContent('hailuo/02-text-to-video-standard');
    // Radix forgets the typed letters after a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await userEvent.keyboard('Wan');
    expect(screen.getByLabelText('chosen')).toHaveTextContent('wan/2-6-text-to-video');
    expect(trigger()).toHaveTextContent('Wan 2.6');
  });

  it('typeahead in the open list moves to a model by name; Enter chooses it', async () => {
    renderWithProviders(<Controlled kind="video" initial="kling/v2-1-pro" />);
    await userEvent.click(trigger());
    await screen.findByRole('listbox');
    await userEvent.keyboard('Seed');
    expect(document.activeElement).toHaveAccessibleName(
      'Seedance 1.5 Pro credits shown after submit',
    );
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('chosen')).toHaveTextContent('bytedance/seedance-1.5-pro');
  });

  it('shows models that cannot take the attached images disabled, with the reason, and skips them', async () => {
    renderWithProviders(
      <Controlled kind="video" inputMode="image_to_video" imageCount={2} initial="veo3_fast" />,
    );
    await userEvent.click(trigger());
    const listbox = await screen.findByRole('listbox');
    const sora = within(listbox).getByRole('option', {
      name: 'Sora 2 from 5 credits Sora 2 does not do image-to-video',
    });
    expect(sora).toHaveAttribute('aria-disabled', 'true');
    expect(sora).toHaveAttribute('data-disabled');
    expect(within(sora).getByText('Sora 2 does not do image-to-video')).toBeVisible();
    const kling = within(listbox).getByRole('option', { name: /^Kling V2.1 Pro/ });
    expect(kling).toHaveAccessibleName(
      'Kling V2.1 Pro from 21 credits Kling V2.1 Pro takes at most 1 image (2 attached)',
    );
    expect(kling).toHaveAttribute('aria-disabled', 'true');
    const veo = within(listbox).getByRole('option', { name: 'Veo 3.1 63 credits' });
    expect(veo).not.toHaveAttribute('aria-disabled');
    // From Veo 3.1 Fast the arrows reach only the other Veo models: every other model is disabled.
    expect(document.activeElement).toHaveAccessibleName('Veo 3.1 Fast 9 credits');
    for (const expected of [
      'Veo 3.1 63 credits',
      'Veo 3.1 Lite 5 credits',
      'Veo 3.1 Lite 5 credits',
    ]) {
      await userEvent.keyboard('{ArrowDown}');
      expect(document.activeElement).toHaveAccessibleName(expected);
    }
    for (const expected of [
      'Veo 3.1 63 credits',
      'Veo 3.1 Fast 9 credits',
      'Veo 3.1 Fast 9 credits',
    ]) {
      await userEvent.keyboard('{ArrowUp}');
      expect(document.activeElement).toHaveAccessibleName(expected);
    }
    // Clicking a disabled model does nothing.
    await userEvent.click(sora, { force: true });
    expect(screen.getByLabelText('chosen')).toHaveTextContent('veo3_fast');
    await expectNoAxeViolations(listbox);
  });

  it("an Item cannot lift the registry's restriction", async () => {
    renderWithProviders(
      <ModelSelect.Root kind="video" imageCount={1} inputMode="image_to_video" defaultOpen>
        <ModelSelect.Trigger>
          <ModelSelect.Value placeholder="Pick" />
        </ModelSelect.Trigger>
        <ModelSelect.Portal>
          <ModelSelect.Content>
            <ModelSelect.Viewport>
              <ModelSelect.Item value="sora-2-text-to-video" disabled={false}>
                <ModelSelect.ItemText>Sora</ModelSelect.ItemText>
              </ModelSelect.Item>
              <ModelSelect.Item value="not-a-model">
                <ModelSelect.ItemText>Nothing</ModelSelect.ItemText>
              </ModelSelect.Item>
            </ModelSelect.Viewport>
          </ModelSelect.Content>
        </ModelSelect.Portal>
      </ModelSelect.Root>,
    );
    const sora = await screen.findByRole('option', { name: 'Sora' });
    expect(sora).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('option', { name: 'Nothing' })).toBeNull();
  });

  it('renders custom groups and shows errors on the trigger', async () => {
    renderWithProviders(
      <ModelSelect.Root kind="image" errors={['model is required']}>
        <label id="model-label">Image model</label>
        <ModelSelect.Trigger aria-labelledby="model-label">
          <ModelSelect.Value placeholder="Pick one" />
        </ModelSelect.Trigger>
        <ModelSelect.Error />
        <ModelSelect.Portal>
          <ModelSelect.Content position="popper">
            <ModelSelect.Viewport>
              <ModelSelect.Groups>
                {(group) => (
                  <ModelSelect.Group key={group.family}>
                    <ModelSelect.GroupLabel>{group.family} family</ModelSelect.GroupLabel>
                    {group.options.map((option) => (
                      <ModelSelect.Item key={option.model.id} value={option.model.id}>
                        <ModelSelect.ItemText>{option.model.name}</ModelSelect.ItemText>
                        <ModelSelect.ItemPrice />
                      </ModelSelect.Item>
                    ))}
                  </ModelSelect.Group>
                )}
              </ModelSelect.Groups>
            </ModelSelect.Viewport>
          </ModelSelect.Content>
        </ModelSelect.Portal>
      </ModelSelect.Root>,
    );
    const button = screen.getByRole('combobox', { name: 'Image model' });
    expect(button).toHaveAttribute('aria-invalid', 'true');
    expect(button).toHaveAttribute('data-invalid');
    expect(button).toHaveAccessibleDescription('model is required');
    await expectNoAxeViolations();
    await userEvent.click(button);
    expect(await screen.findByRole('group', { name: 'Nano Banana family' })).toBeVisible();
    await expectNoAxeViolations(screen.getByRole('listbox'));
  });

  it('offers the models of an extended registry', async () => {
    const custom = {
      ...defaultRegistry.get('veo3')!,
      id: 'veo4',
      name: 'Veo 4',
      family: 'Veo 4',
      credits: { '720p': 30, '1080p': 40 },
    } satisfies ModelSpec;
    const registry = extendRegistry(defaultRegistry, { add: [custom], remove: ['veo3_lite'] });
    renderWithProviders(<Controlled kind="video" registry={registry} />);
    await userEvent.click(trigger());
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: 'Veo 4 from 30 credits' })).toBeVisible();
    expect(within(listbox).queryByRole('option', { name: /Veo 3.1 Lite/ })).toBeNull();
  });
});

describe('getModelGroups', () => {
  it('keeps registry order within and across families, and hides what filter refuses', () => {
    const registry = createRegistry(defaultRegistry.models);
    const groups = getModelGroups(registry, {
      kind: 'image',
      filter: (model) => model.id !== 'nano-banana-pro',
    });
    expect(
      groups.map((group) => [group.family, group.options.map((option) => option.model.id)]),
    ).toEqual([
      ['GPT Image', ['gpt-image-2']],
      ['Nano Banana', ['nano-banana-2', 'google/nano-banana']],
    ]);
  });
});

// The registry the proxy is given, given to the browser client too: the UI offers only what the server accepts.
const narrowed = narrowRegistry(defaultRegistry, ['gpt-image-2', 'nano-banana-2', 'veo3_fast']);

describe('a narrowed registry in the provider', () => {
  it('makes ModelSelect offer only the narrowed models, and nothing the server would refuse', async () => {
    renderWithProviders(<ModelSelect.Root kind="image" />, {
      client: createClient({ registry: narrowed }),
    });
    await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([expect.stringMatching(/^GPT Image 2/), expect.stringMatching(/^Nano Banana 2/)]);
    expect(within(listbox).queryByRole('option', { name: /Nano Banana Pro/ })).toBeNull();
  });

  it('offers the one narrowed video model', async () => {
    renderWithProviders(<ModelSelect.Root kind="video" />, {
      client: createClient({ registry: narrowed }),
    });
    await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option')).toHaveLength(1);
    expect(within(listbox).getByRole('option', { name: 'Veo 3.1 Fast 9 credits' })).toBeVisible();
  });
});
