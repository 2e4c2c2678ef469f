'use client';
import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering once per whole `stepMs` counted from `origin` while `active` (so an
 * elapsed-time display changes exactly when its seconds do, and at no other time).
 */
export function useNow(active: boolean, origin: number, stepMs: number | false = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active || !stepMs) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, stepMs - ((((Date.now() - origin) % stepMs) + stepMs) % stepMs));
    };
    schedule();
    return () => clearTimeout(timer);
  }, [active, origin, stepMs]);
  return now;
}
