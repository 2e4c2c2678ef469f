/** A task's outputs as kept in the app's storage: the URLs that replace the CDN's. */
export interface KeptOutputs {
  imageUrls: string[];
  videoUrl: string | null;
}

/**
 * What the task store says when a poll sees a completed task: copy now (`claimed`, a lease taken), the
 * outputs are `kept` already, another poll is copying (`busy`), or every attempt failed (`given-up`).
 */
export type OutputClaim =
  | { state: 'claimed' }
  | { state: 'kept'; outputs: KeptOutputs }
  | { state: 'busy' }
  | { state: 'given-up' };

/** How a copy ended: the kept outputs with the snapshot that names them, or a failure. */
export type OutputOutcome =
  // The snapshot is a `TaskSnapshot` (API spelling), spelled out here so the store's file need not be imported.
  { outputs: KeptOutputs; snapshot: Readonly<Record<string, unknown>> } | { failed: true };

/** A task's copy state in a memory store, beside its owner. */
export interface OutputState {
  kept?: KeptOutputs;
  attempts: number;
  leaseUntil: number;
}

/** The claim on `state` at `now` (mutating it when claimed): one copy at a time, `maxAttempts` in all. */
export function claimOutputState(
  state: OutputState,
  now: number,
  leaseMs: number,
  maxAttempts: number,
): OutputClaim {
  if (state.kept) return { state: 'kept', outputs: state.kept };
  if (state.attempts >= maxAttempts) return { state: 'given-up' };
  if (state.leaseUntil > now) return { state: 'busy' };
  state.leaseUntil = now + leaseMs;
  return { state: 'claimed' };
}

/** Records how a copy ended in `state`, releasing its lease. */
export function settleOutputState(state: OutputState, outcome: OutputOutcome): void {
  state.leaseUntil = 0;
  if ('failed' in outcome) state.attempts += 1;
  else state.kept = outcome.outputs;
}
