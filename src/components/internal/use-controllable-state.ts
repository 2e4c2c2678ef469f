'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the state uncontrolled. */
  prop: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Called with each new value, controlled or not (never for a value equal to the current one). */
  onChange?: (value: T) => void;
  /** The component's name, for the development warning. */
  name: string;
}

/**
 * State that a parent may control (`value` + `onValueChange`) or leave to the component
 * (`defaultValue`). Warns in development when a component switches between the two, as React's
 * inputs do, since the switch loses either the parent's value or the component's own.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  name,
}: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [inner, setInner] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : inner;

  // Handlers read the latest value and callback, so a setter made in one render stays correct later.
  const latest = useRef({ value, onChange, controlled });
  useEffect(() => {
    latest.current = { value, onChange, controlled };
  });

  const wasControlled = useRef(controlled);
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' && wasControlled.current !== controlled) {
      console.warn(
        `gptimage2-react: ${name} is changing from ${wasControlled.current ? 'controlled' : 'uncontrolled'} to ${controlled ? 'controlled' : 'uncontrolled'}. ` +
          'Pass `value` on every render (use `null` for no choice), or only `defaultValue`.',
      );
    }
    wasControlled.current = controlled;
  }, [controlled, name]);

  const setValue = useCallback((next: T) => {
    const current = latest.current;
    if (Object.is(next, current.value)) return;
    if (!current.controlled) setInner(next);
    // Seen by a second call in the same tick, before React re-renders.
    current.value = next;
    current.onChange?.(next);
  }, []);

  return [value, setValue];
}
