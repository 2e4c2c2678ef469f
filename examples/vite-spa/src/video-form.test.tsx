import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createTestWrapper, type TestWrapper } from 'gptimage2-react/testing';
import { afterEach, expect, it } from 'vitest';
import { VideoForm } from './video-form';

let gen: TestWrapper;
// The form has several polite live regions (the duration, the price, the progress): what they announce.
const announced = (form: HTMLElement) =>
  within(form)
    .getAllByRole('status')
    .map((region) => region.textContent);
afterEach(() => gen.dispose());

/** Renders the form behind the mock API and submits a prompt, as a person would. */
async function submit(prompt: string) {
  render(<VideoForm />, { wrapper: gen.wrapper });
  const form = screen.getByRole('form', { name: 'Video' });
  const user = userEvent.setup();
  await user.click(within(form).getByLabelText('Video prompt'));
  await user.paste(prompt);
  await user.click(within(form).getByRole('button', { name: 'Generate video' }));
  return form;
}

it('generates a video: one submit, the progress, then the video after a minute of model time', async () => {
  gen = createTestWrapper();
  const form = await submit('Waves at dawn');
  await gen.advance(0);
  expect(announced(form)).toContain('Generating…');

  await gen.advance(70_000); // Veo 3.1 Fast takes 30–70 s, and no real time passes
  expect(announced(form)).toContain('Completed: the video is ready');
  expect(within(form).getByLabelText('Generated video: Waves at dawn').getAttribute('src')).toMatch(
    /\/video\.mp4$/,
  );
  expect(gen.api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
});

it('shows the failure, and the credits come back', async () => {
  gen = createTestWrapper({ mock: { scenario: 'providerFailure' } });
  const form = await submit('Waves at dawn');
  await gen.advance(120_000);
  expect(announced(form)).toContain("Failed: The provider's safety system rejected the request");
  expect(within(form).getByText('9 credits refunded')).toBeTruthy();
  expect(gen.api.balance()).toBe(1000);
});
