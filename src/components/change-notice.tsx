'use client';
import type { ReactNode } from 'react';
import type { RequestChange } from '../core/request/adapt-request.js';
import { describeChange } from './describe-change.js';
import { Part, part, type PartProps } from './internal/primitive.js';

/** Props of {@link ChangeNotice}. */
export interface ChangeNoticeProps extends Omit<PartProps<'div'>, 'children'> {
  /** What the last model change adapted (`useGenerationForm().changes`, or `adaptRequest(...).changes`). */
  changes: readonly RequestChange[];
  /** Clears the notice; when given, a "Dismiss" button is shown. */
  onDismiss?: () => void;
  /** Renders each change yourself. Defaults to {@link describeChange} ("Duration: 10 s → 8 s"). */
  children?: (change: RequestChange) => ReactNode;
}

/**
 * Tells the user what a model change did to the rest of the request, one line per field in the words
 * of the form's controls ("Start from: images → text", "Duration: 10 s → 8 s"), in a polite live region that stays mounted (empty when there is nothing to say)
 * so each new notice is announced.
 *
 * Data attributes: `data-state` (`open` with changes, `closed` without); each item has `data-field`.
 *
 * @example
 * <ChangeNotice {...form.getChangeNoticeProps()} />
 */
export const ChangeNotice = /* @__PURE__ */ part<HTMLDivElement, ChangeNoticeProps>(
  'ChangeNotice',
  function ChangeNotice({ changes, onDismiss, asChild, children, ...props }, ref) {
    return (
      <Part
        tag="div"
        asChild={asChild}
        data-state={changes.length ? 'open' : 'closed'}
        {...props}
        ref={ref}
      >
        <div role="status" aria-live="polite">
          {changes.length > 0 && (
            <ul>
              {changes.map((change, index) => (
                <li key={`${change.field}-${index}`} data-field={change.field}>
                  {children ? children(change) : describeChange(change)}
                </li>
              ))}
            </ul>
          )}
        </div>
        {changes.length > 0 && onDismiss && (
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </Part>
    );
  },
);
