import { screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  DurationPicker,
  ImageDropzone,
  ModelSelect,
  PromptField,
  TaskProgress,
} from '../../src/components/index.js';
import { renderWithProviders, taskSnapshot } from './helpers.js';

describe('parts forward refs and merge onto a child with asChild', () => {
  it('forwards refs to the elements they render', () => {
    const textarea = createRef<HTMLTextAreaElement>();
    const trigger = createRef<HTMLButtonElement>();
    const radio = createRef<HTMLButtonElement>();
    const zone = createRef<HTMLDivElement>();
    const browse = createRef<HTMLButtonElement>();
    renderWithProviders(
      <>
        <PromptField.Root model="veo3">
          <PromptField.Label />
          <PromptField.Textarea ref={textarea} />
        </PromptField.Root>
        <ModelSelect.Root kind="video">
          <ModelSelect.Trigger ref={trigger}>
            <ModelSelect.Value placeholder="Pick" />
          </ModelSelect.Trigger>
        </ModelSelect.Root>
        <DurationPicker.Root model="kling/v2-1-pro">
          <DurationPicker.Item value={10} ref={radio} />
        </DurationPicker.Root>
        <ImageDropzone.Root model="veo3" ref={zone}>
          <ImageDropzone.Input />
          <ImageDropzone.Browse ref={browse} />
        </ImageDropzone.Root>
      </>,
    );
    expect(textarea.current).toBe(screen.getByRole('textbox', { name: 'Prompt' }));
    expect(trigger.current).toBe(screen.getByRole('combobox', { name: 'Model' }));
    expect(radio.current).toBe(screen.getByRole('radio', { name: '10 s' }));
    expect(zone.current).toBe(screen.getByRole('group', { name: 'Reference images' }));
    expect(browse.current).toBe(screen.getByRole('button', { name: 'Choose images' }));
  });

  it("renders onto the child with asChild, keeping its behaviour and the child's handlers", async () => {
    let clicked = 0;
    renderWithProviders(
      <>
        <ImageDropzone.Root model="veo3" asChild>
          <section className="zone">
            <ImageDropzone.Input />
            <ImageDropzone.Browse asChild>
              <a role="button" href="#browse" onClick={() => clicked++}>
                Add pictures
              </a>
            </ImageDropzone.Browse>
          </section>
        </ImageDropzone.Root>
        <TaskProgress.Root task={taskSnapshot()}>
          <TaskProgress.Status asChild>
            <strong>Working on it</strong>
          </TaskProgress.Status>
        </TaskProgress.Root>
      </>,
    );
    const section = screen.getByRole('group', { name: 'Reference images' });
    expect(section.tagName).toBe('SECTION');
    expect(section).toHaveClass('zone');
    expect(section).toHaveAttribute('data-max', '3');
    const input = section.querySelector<HTMLInputElement>('input[type="file"]')!;
    let opened = 0;
    input.click = () => void opened++;
    await userEvent.click(screen.getByRole('button', { name: 'Add pictures' }));
    expect(clicked).toBe(1);
    expect(opened).toBe(1);
    expect(document.querySelector('strong')).toHaveTextContent('Working on it');
    expect(document.querySelector('strong')).toHaveAttribute('data-state', 'pending');
  });
});
