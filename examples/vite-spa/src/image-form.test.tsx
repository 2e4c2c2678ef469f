import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createTestWrapper, type TestWrapper } from 'gptimage2-react/testing';
import { afterEach, expect, it } from 'vitest';
import { ImageForm } from './image-form';

let gen: TestWrapper;
afterEach(() => gen.dispose());

it('generates a 16:9 image and shows it, with the credits charged', async () => {
  gen = createTestWrapper();
  render(<ImageForm />, { wrapper: gen.wrapper });
  const form = screen.getByRole('form', { name: 'Image' });
  const user = userEvent.setup();
  await user.click(within(form).getByRole('radio', { name: /16:9/ }));
  await user.click(within(form).getByLabelText('Image prompt'));
  await user.paste('A red fox in fresh snow');
  await user.click(within(form).getByRole('button', { name: 'Generate image' }));
  await gen.advance(60_000);
  expect(
    within(form).getByRole('img', { name: 'Generated image: A red fox in fresh snow' }),
  ).toBeTruthy();
  expect(gen.api.requests[0]?.body).toMatchObject({ model: 'gpt-image-2', aspectRatio: '16:9' });
  expect(gen.api.balance()).toBeLessThan(1000);
});

it('refuses an empty prompt in the form, and sends nothing', async () => {
  gen = createTestWrapper();
  render(<ImageForm />, { wrapper: gen.wrapper });
  const form = screen.getByRole('form', { name: 'Image' });
  await userEvent.setup().click(within(form).getByRole('button', { name: 'Generate image' }));
  await gen.advance(0);
  await waitFor(() =>
    expect(within(form).getByLabelText('Image prompt').getAttribute('aria-invalid')).toBe('true'),
  );
  expect(gen.api.requests).toEqual([]);
});
