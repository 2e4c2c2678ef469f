'use client';
import { timeoutManager, type ManagedTimerId } from '@tanstack/query-core';
import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering once per whole `stepMs` counted from `origin` while `active` (so an
 * elapsed-time display changes exactly when its seconds do, and at no other time). Its timer goes
 * through query-core's `timeoutManager`, as every timer of the hooks does, so a virtual clock drives it.
 */
export function useNow(active: boolean, origin: number, stepMs: number | false = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active || !stepMs) return;
    let timer: ManagedTimerId;
    const schedule = () => {
      timer = timeoutManager.setTimeout(
        () => {
          setNow(Date.now());
          schedule();
        },
        stepMs - ((((Date.now() - origin) % stepMs) + stepMs) % stepMs),
      );
    };
    schedule();
    return () => timeoutManager.clearTimeout(timer);
  }, [active, origin, stepMs]);
  return now;
}
