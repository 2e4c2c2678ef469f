import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ChangeNotice } from '../../src/components/index.js';
import { adaptRequest, defaultRegistry } from '../../src/index.js';
import { expectNoAxeViolations, renderWithProviders } from './helpers.js';

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
    expect(region).toHaveTextContent('Duration: 10 s → 8 s');
    expect(region.querySelector('[data-field="duration"]')).not.toBeNull();
    await expectNoAxeViolations();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(region).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});
