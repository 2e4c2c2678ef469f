import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  createClient,
  defaultRegistry,
  GptImageProvider,
  ModelSelect,
  narrowRegistry,
} from '../../src/index.js';
import { newQueryClient } from './helpers.js';

// The registry the proxy is given, given to the browser client too: the UI offers only what the server accepts.
const registry = narrowRegistry(defaultRegistry, ['gpt-image-2', 'nano-banana-2', 'veo3_fast']);

/** The app's providers, as the README sets them up, with a client on the narrowed registry. */
function renderInApp(ui: ReactNode) {
  const client = createClient({ registry });
  return render(
    <QueryClientProvider client={newQueryClient()}>
      <GptImageProvider client={client}>
        <main>{ui}</main>
      </GptImageProvider>
    </QueryClientProvider>,
  );
}

describe('a narrowed registry in the provider', () => {
  it('makes ModelSelect offer only the narrowed models, and nothing the server would refuse', async () => {
    renderInApp(<ModelSelect.Root kind="image" />);
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
    renderInApp(<ModelSelect.Root kind="video" />);
    await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option')).toHaveLength(1);
    expect(within(listbox).getByRole('option', { name: 'Veo 3.1 Fast 9 credits' })).toBeVisible();
  });
});
