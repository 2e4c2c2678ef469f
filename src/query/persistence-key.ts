import type { PersistOption } from './persistence.js';

/**
 * The same persist option under `<key>:<suffix>` (same storage): a record that lives beside another,
 * as a batch's beside the form's single generation, or a slot's beside its batch.
 */
export function withKeySuffix(option: PersistOption, suffix: string): PersistOption;
export function withKeySuffix(
  option: PersistOption | undefined,
  suffix: string,
): PersistOption | undefined;
export function withKeySuffix(option: PersistOption | undefined, suffix: string) {
  if (option === undefined) return undefined;
  return typeof option === 'string'
    ? `${option}:${suffix}`
    : { ...option, key: `${option.key}:${suffix}` };
}
