import type { FieldErrors } from '../../src/core/errors.js';

/** What a validation result says, comparably: the wrong fields, sorted, and 'form' for a form error. */
export function verdict(errors: FieldErrors | null): string[] {
  if (!errors) return [];
  return [...(errors.formErrors.length ? ['form'] : []), ...Object.keys(errors.fieldErrors)].sort();
}
