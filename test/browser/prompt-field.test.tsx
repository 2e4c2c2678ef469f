import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { PromptField } from '../../src/components/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

describe('PromptField', () => {
  it('submits its form on Ctrl+Enter or Cmd+Enter; Enter alone adds a line', async () => {
    const submitted: string[] = [];
    renderWithProviders(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submitted.push(new FormData(event.currentTarget).get('prompt') as string);
        }}
      >
        <PromptField.Root model="veo3_fast">
          <PromptField.Label />
          <PromptField.Textarea />
        </PromptField.Root>
      </form>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Prompt' });
    await userEvent.click(textarea);
    await userEvent.keyboard('Waves{Enter}at dawn');
    expect(textarea).toHaveValue('Waves\nat dawn');
    expect(submitted).toEqual([]);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(submitted).toEqual(['Waves\nat dawn']);
    await userEvent.keyboard('{Meta>}{Enter}{/Meta}');
    expect(submitted).toHaveLength(2);
    expect(textarea).toHaveValue('Waves\nat dawn');
  });

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
