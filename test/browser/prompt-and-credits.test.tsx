import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ChangeNotice, CreditEstimate, PromptField } from '../../src/components/index.js';
import { adaptRequest, defaultRegistry } from '../../src/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

describe('PromptField', () => {
  it("counts against the model's cap, is marked invalid past it, and says so once", async () => {
    renderWithProviders(
      <PromptField.Root model="hailuo/02-text-to-video-pro" defaultValue={'a'.repeat(1498)}>
        <PromptField.Label />
        <PromptField.Textarea />
        <PromptField.Counter />
        <PromptField.Description />
      </PromptField.Root>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Prompt' });
    expect(textarea).toHaveAccessibleDescription(
      'Describe what to generate, up to 1500 characters for Hailuo Pro. 1498 / 1500',
    );
    expect(textarea).not.toHaveAttribute('aria-invalid');
    const counter = screen.getByText('1498 / 1500');
    expect(counter).toHaveAttribute('data-value', '1498');
    expect(counter).toHaveAttribute('data-max', '1500');
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live).toBeEmptyDOMElement();

    textarea.focus();
    (textarea as HTMLTextAreaElement).setSelectionRange(1498, 1498);
    await userEvent.keyboard('bcd');
    expect((textarea as HTMLTextAreaElement).value.length).toBe(1501);
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAttribute('data-invalid');
    expect(screen.getByText('1501 / 1500')).toHaveAttribute('data-invalid');
    expect(live).toHaveTextContent('Over the 1500-character limit');
    // Nothing is cut: the user decides what to remove.
    await userEvent.keyboard('{Backspace}{Backspace}');
    expect(textarea).not.toHaveAttribute('aria-invalid');
    expect(live).toBeEmptyDOMElement();
    await expectNoAxeViolations();
  });

  it('follows the model when controlled, and shows errors as the description', async () => {
    function Form() {
      const [model, setModel] = useState('gpt-image-2');
      const [prompt, setPrompt] = useState('');
      return (
        <>
          <button type="button" onClick={() => setModel('bytedance/seedance-1.5-pro')}>
            Seedance
          </button>
          <PromptField.Root
            model={model}
            value={prompt}
            onValueChange={setPrompt}
            errors={prompt.length < 3 ? ['prompt must be at least 3 characters'] : []}
          />
        </>
      );
    }
    renderWithProviders(<Form />);
    expect(screen.getByText('0 / 20000')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Seedance' }));
    const textarea = screen.getByRole('textbox', { name: 'Prompt' });
    expect(screen.getByText('0 / 2500')).toBeVisible();
    expect(textarea).toHaveAccessibleDescription('0 / 2500 prompt must be at least 3 characters');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(textarea, 'cat');
    expect(textarea).not.toHaveAttribute('aria-invalid');
    expect(textarea).toHaveAccessibleDescription('3 / 2500');
    await expectNoAxeViolations();
  });
});

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

describe('ChangeNotice', () => {
  it('lists what a model change adapted in a live region that stays mounted, and dismisses', async () => {
    function Notice() {
      const [changes, setChanges] = useState<ReturnType<typeof adaptRequest>['changes']>([]);
      return (
        <>
          <button
            type="button"
            onClick={() =>
              setChanges(
                adaptRequest(
                  {
                    model: 'kling/v2-1-pro',
                    prompt: 'x',
                    duration: 10,
                    inputImageUrls: ['https://a.test/1.png'],
                  },
                  defaultRegistry.get('veo3_fast')!,
                ).changes.filter((change) => change.field !== 'model'),
              )
            }
          >
            switch
          </button>
          <ChangeNotice changes={changes} onDismiss={() => setChanges([])} />
        </>
      );
    }
    renderWithProviders(<Notice />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    await userEvent.click(screen.getByRole('button', { name: 'switch' }));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Duration 10 s → 8 s: Veo 3.1 Fast offers 8 s');
    expect(region.querySelector('[data-field="duration"]')).not.toBeNull();
    await expectNoAxeViolations();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(region).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});
