import type { Ref, RefCallback } from 'react';
import { joinIds } from './use-descriptions.js';

/** One ref from several: each gets the node (and a React 19 cleanup is honoured by calling with `null`). */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

type Props = Record<string, unknown>;

/**
 * A part's props merged with the user's, for prop getters: the user's values win, except that event
 * handlers are chained (the user's first; call `event.preventDefault()` in yours to skip the part's),
 * refs are composed, and `className` and `aria-describedby` are joined.
 */
export function mergeProps<T extends object, U extends object>(ours: T, theirs?: U): T & U {
  const merged: Props = { ...(ours as Props), ...(theirs as Props | undefined) };
  if (!theirs) return merged as T & U;
  for (const [key, mine] of Object.entries(ours)) {
    const user = (theirs as Props)[key];
    if (user === undefined) merged[key] = mine;
    else if (/^on[A-Z]/.test(key) && typeof mine === 'function' && typeof user === 'function') {
      merged[key] = (event: { defaultPrevented?: boolean }) => {
        user(event);
        if (!event?.defaultPrevented) mine(event);
      };
    } else if (key === 'ref') merged.ref = composeRefs(mine as Ref<unknown>, user as Ref<unknown>);
    else if (key === 'className') merged.className = [mine, user].filter(Boolean).join(' ');
    else if (key === 'aria-describedby') merged[key] = joinIds(user as string, mine as string);
  }
  return merged as T & U;
}
