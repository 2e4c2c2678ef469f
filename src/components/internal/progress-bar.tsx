'use client';
import type { CSSProperties } from 'react';
import { Part, part, type PartProps } from './primitive.js';

/** Props of a progress part (`TaskProgress.Bar`, `ImageDropzone.ItemProgress`): a `div`'s, plus the value in words. */
export type ProgressBarProps = PartProps<'div'> & {
  /** The value in words (`aria-valuetext`), given the value and the maximum (100). */
  getValueLabel?: (value: number, max: number) => string;
};

const MAX = 100;

/**
 * A `role="progressbar"` out of 100, with Radix Progress's attributes and data (`data-state`:
 * `indeterminate` without a value, `loading`, `complete`; `data-value`, `data-max`), on its root and on
 * its indicator. Its own, where Radix's would check its props and carry their messages at every render:
 * the library's parts always give a whole percentage or `null`. Children default to the indicator,
 * a `div` whose `--progress` is the fraction (0–1).
 */
export const ProgressBar = /* @__PURE__ */ part<
  HTMLDivElement,
  ProgressBarProps & { value: number | null; fraction: number }
>(
  'ProgressBar',
  function ProgressBar(
    { value, fraction, getValueLabel = (now) => `${now}%`, children, ...props },
    ref,
  ) {
    const data = {
      'data-state': value === null ? 'indeterminate' : value === MAX ? 'complete' : 'loading',
      'data-value': value ?? undefined,
      'data-max': MAX,
    };
    return (
      <Part
        tag="div"
        role="progressbar"
        aria-valuemax={MAX}
        aria-valuemin={0}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? undefined : getValueLabel(value, MAX)}
        {...data}
        {...props}
        ref={ref}
      >
        {children ?? <div {...data} style={{ '--progress': fraction } as CSSProperties} />}
      </Part>
    );
  },
);
