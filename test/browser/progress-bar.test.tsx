import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/components/internal/progress-bar.js';

// The markup Radix Progress gave TaskProgress.Bar and ImageDropzone.ItemProgress before, which apps'
// styles and assistive technology read.
describe('ProgressBar', () => {
  it('is a progressbar out of 100 whose value is read out in words', () => {
    render(
      <ProgressBar
        aria-label="Uploading cat.png"
        value={42}
        fraction={0.42}
        getValueLabel={(value, max) => `${value} of ${max}`}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Uploading cat.png' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(bar).toHaveAttribute('aria-valuetext', '42 of 100');
    for (const element of [bar, bar.firstElementChild!]) {
      expect(element).toHaveAttribute('data-state', 'loading');
      expect(element).toHaveAttribute('data-value', '42');
      expect(element).toHaveAttribute('data-max', '100');
    }
    expect(getComputedStyle(bar.firstElementChild!).getPropertyValue('--progress')).toBe('0.42');
  });

  it('says the percentage by default, and is complete at 100', () => {
    render(<ProgressBar aria-label="Done" value={100} fraction={1} />);
    const bar = screen.getByRole('progressbar', { name: 'Done' });
    expect(bar).toHaveAttribute('aria-valuetext', '100%');
    expect(bar).toHaveAttribute('data-state', 'complete');
    expect(bar.firstElementChild).toHaveAttribute('data-state', 'complete');
  });

  it('is indeterminate without a value: no aria-valuenow, no value text', () => {
    render(<ProgressBar aria-label="Waiting" value={null} fraction={0} />);
    const bar = screen.getByRole('progressbar', { name: 'Waiting' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).not.toHaveAttribute('aria-valuetext');
    expect(bar).not.toHaveAttribute('data-value');
    expect(bar).toHaveAttribute('data-state', 'indeterminate');
  });

  it('takes your props, ref and own indicator, or merges onto its child with asChild', () => {
    const ref = createRef<HTMLDivElement>();
    const { unmount } = render(
      <ProgressBar aria-label="Mine" value={5} fraction={0.05} className="bar" ref={ref}>
        <span data-testid="indicator" />
      </ProgressBar>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Mine' });
    expect(ref.current).toBe(bar);
    expect(bar).toHaveClass('bar');
    expect(bar.children).toHaveLength(1);
    expect(screen.getByTestId('indicator')).toBeInTheDocument();
    unmount();

    render(
      <ProgressBar aria-label="As section" value={5} fraction={0.05} asChild>
        <section />
      </ProgressBar>,
    );
    expect(screen.getByRole('progressbar', { name: 'As section' }).tagName).toBe('SECTION');
  });
});
