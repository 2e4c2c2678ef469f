'use client';
import type { ReactNode } from 'react';
import { estimateCredits } from '../core/registry/estimate-credits.js';
import type { Registry } from '../core/registry/registry.js';
import type { DraftRequest } from '../core/request/types.js';
import { formatCredits } from './internal/format.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { useRegistry } from './internal/use-model.js';

/** Props of {@link CreditEstimate}. */
export interface CreditEstimateProps extends Omit<PartProps<'span'>, 'children'> {
  /** The request as the form holds it (`model`, `duration`, `resolution` are what prices depend on). */
  request: Pick<DraftRequest, 'model' | 'duration' | 'resolution' | 'providerInput'>;
  /** Where the model is looked up. Defaults to the client's registry. */
  registry?: Registry;
  /** How many tasks of this request (variants): shown as "4 × 40 = 160 credits". Defaults to `1`. */
  count?: number;
  /** Credits the API charged, once submitted: authoritative, shown instead of the estimate. */
  charged?: number | null;
  /** Renders the figure yourself: `credits` (the total, for `count` tasks) is `null` when the price is not published. */
  children?: (credits: number | null, charged: boolean) => ReactNode;
}

/**
 * What a request will cost by the published prices ("9 credits"), or "Credits shown after submit"
 * where the price is not published (Wan 2.6, Seedance 1.5 Pro): never a guess. Once the API has
 * charged (`charged`), that figure replaces the estimate. Changes are announced politely.
 *
 * Data attributes: `data-value` (the credits), `data-unknown` (no published price), `data-charged`.
 *
 * @example
 * <CreditEstimate request={{ model: 'sora-2-text-to-video', duration: 10, resolution: '1080p' }} /> // "15 credits"
 * <CreditEstimate request={{ model: 'veo3_fast' }} count={4} /> // "4 × 9 = 36 credits"
 */
export const CreditEstimate = /* @__PURE__ */ part<HTMLSpanElement, CreditEstimateProps>(
  'CreditEstimate',
  function CreditEstimate(
    { request, registry, count = 1, charged, asChild, children, ...props },
    ref,
  ) {
    const models = useRegistry(registry);
    const isCharged = charged !== undefined && charged !== null;
    const unit = estimateCredits(request, models);
    const credits = isCharged ? charged : unit === null ? null : unit * count;
    const text =
      credits === null
        ? 'Credits shown after submit'
        : isCharged
          ? `${formatCredits(credits)} charged`
          : count > 1
            ? `${count} × ${unit} = ${formatCredits(credits)}`
            : formatCredits(credits);
    return (
      <Part
        tag="span"
        asChild={asChild}
        aria-live="polite"
        aria-atomic="true"
        data-value={credits ?? undefined}
        data-unknown={flag(credits === null)}
        data-charged={flag(isCharged)}
        {...props}
        ref={ref}
      >
        {children ? children(credits, isCharged) : text}
      </Part>
    );
  },
);
