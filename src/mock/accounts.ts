/** The anonymous account's id, used when the mock has no keys. */
const ANONYMOUS = '';

/** Balances per account, and who a request's `Authorization` header names. */
export interface Accounts {
  /** The account a request belongs to, or `null` when it must answer 401. */
  authorize(authorization: string | null): string | null;
  /** The account a test means by `key` (see `MockApi.balance`); throws for an unknown key. */
  resolve(key: string | undefined, adding?: boolean): string;
  balance(account: string): number;
  setBalance(account: string, credits: number): void;
  /** Back to the balances the mock started with. */
  reset(): void;
}

/**
 * With `keys`, every request needs `Authorization: Bearer <key>` naming one of them, and each key has
 * its own balance. Without, there is one anonymous account with `credits` and no authentication.
 */
export function createAccounts(
  keys: Readonly<Record<string, { credits: number }>> | undefined,
  credits: number,
): Accounts {
  const initial = (): Map<string, number> =>
    new Map(
      keys ? Object.entries(keys).map(([key, { credits: n }]) => [key, n]) : [[ANONYMOUS, credits]],
    );
  let balances = initial();

  return {
    authorize(authorization) {
      if (!keys) return ANONYMOUS;
      const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
      return key !== undefined && balances.has(key) ? key : null;
    },
    resolve(key, adding = false) {
      if (!keys) {
        if (key !== undefined)
          throw new TypeError(
            `The mock has no keys (it runs one anonymous account), so there is no balance for "${key}"`,
          );
        return ANONYMOUS;
      }
      if (key === undefined) {
        if (balances.size === 1) return [...balances.keys()][0]!;
        throw new TypeError(`The mock has ${balances.size} keys: name the one you mean`);
      }
      if (!balances.has(key) && !adding)
        throw new TypeError(
          `Unknown key "${key}": the mock has ${[...balances.keys()].join(', ') || 'none'}`,
        );
      return key;
    },
    balance: (account) => balances.get(account) ?? 0,
    setBalance(account, n) {
      if (!Number.isFinite(n) || n < 0)
        throw new RangeError(`A balance must be a finite number ≥ 0 (got ${n})`);
      balances.set(account, n);
    },
    reset() {
      balances = initial();
    },
  };
}
