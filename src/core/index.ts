// gptimage2-react/client: the framework-free core. Never imports React.
export { createClient, DEFAULT_BASE_URL } from './client.js';
export type { ClientOptions, GptImageClient, ListTasksOptions } from './client.js';
export type { Clock } from './clock.js';
export type { CallOptions, HeadersOption } from './http/transport.js';
export type { RetryOptions } from './http/retry.js';
export {
  GptImageError,
  HistoryUnavailableError,
  HttpError,
  InsufficientCreditsError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  SubmitOutcomeUnknownError,
  TaskFailedError,
  TaskNotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  isAbortError,
  isGptImageError,
} from './errors.js';
export type { ErrorCode, FieldErrors } from './errors.js';
export { defaultPollSchedule, fixedPollSchedule } from './polling/poll-schedule.js';
export type { PollContext, PollSchedule } from './polling/poll-schedule.js';
export type { PollOptions, PollState } from './polling/next-poll.js';
export type { WaitForTaskOptions } from './polling/wait-for-task.js';
export {
  getAspectRatioOptions,
  getDurationOptions,
  getResolutionOptions,
} from './registry/control-options.js';
export type { ControlOption, OptionContext } from './registry/control-options.js';
export { estimateCredits, priceOf } from './registry/estimate-credits.js';
export type { CreditRequest } from './registry/estimate-credits.js';
export type { CreditRule, InputMode, ModelKind, ModelSpec } from './registry/model-spec.js';
export { builtInModels } from './registry/models.js';
export type { BuiltInModel } from './registry/models.js';
export {
  createRegistry,
  defaultRegistry,
  extendRegistry,
  listModels,
  modeLabel,
  unavailableReason,
} from './registry/registry.js';
export type {
  DefaultRegistry,
  ModelFilter,
  ModelOf,
  Registry,
  RegistryExtension,
} from './registry/registry.js';
export { effectiveInputMode } from './request/input-mode.js';
export { toWireBody } from './request/to-wire-body.js';
export type {
  DraftRequest,
  GenerationRequest,
  ImageModelId,
  ImageRequest,
  ImageRequestById,
  ImageRequestFor,
  VideoModelId,
  VideoRequest,
  VideoRequestById,
  VideoRequestFor,
} from './request/types.js';
export { validateRequest } from './request/validate-request.js';
export { isTerminal } from './task/task.js';
export type { Submission, Task, TaskPage, TaskStatus } from './task/task.js';
