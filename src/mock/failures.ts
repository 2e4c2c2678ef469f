/** Why a task fails: the API's own codes or a provider's code passed through. */
export interface MockFailure {
  /** `EMPTY_RESULT`, `STORAGE_ERROR`, or a provider-style code such as `moderation_blocked`. */
  code: string;
  /** The reason in words. Defaults to a message for the known codes, else `"The provider failed: <code>"`. */
  message?: string;
}

/** Ready-made failures: the API's two codes and a provider-style one. */
export const mockFailures = {
  /** The provider reported success with no output. */
  emptyResult: {
    code: 'EMPTY_RESULT',
    message: 'The provider reported success but returned no output',
  },
  /** The output could not be persisted to the CDN. */
  storageError: { code: 'STORAGE_ERROR', message: 'The output could not be saved to storage' },
  /** A provider's own code, passed through as the API does. */
  providerError: {
    code: 'moderation_blocked',
    message: "The provider's safety system rejected the request",
  },
} as const satisfies Record<string, MockFailure>;

/** The message of a failure, with the default for known codes. */
export function failureMessage(failure: MockFailure): string {
  const known = Object.values(mockFailures).find((item) => item.code === failure.code);
  return failure.message ?? known?.message ?? `The provider failed: ${failure.code}`;
}
