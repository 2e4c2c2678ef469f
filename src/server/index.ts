// gptimage2-react/server: the route between the browser client and the API, holding the key. Never
// imports React; loads in Node, Bun, Deno and edge runtimes (no `node:` imports).
export { createProxyHandler } from './create-proxy-handler.js';
export { narrowRegistry } from '../core/registry/narrow-registry.js';
export {
  PROVIDER_INPUT_MAX_BYTES,
  PROVIDER_INPUT_MAX_DEPTH,
} from '../core/request/provider-input-limits.js';
export type {
  ProxyErrorStage,
  ProxyHandler,
  ProxyOptions,
  SubmitContext,
  TaskContext,
} from './proxy-options.js';
export { errorResponse } from './error-response.js';
export { IMAGE_URL_MAX_BYTES, largestRequestBytes } from './largest-request.js';
export { DEFAULT_TASK_ID_PATTERN } from './match-route.js';
export { createRedisTaskStore } from './redis/redis-task-store.js';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisClientLike,
  RedisStoreOptions,
} from './redis/redis-command.js';
export { createUsageLimiter } from './usage/create-usage-limiter.js';
export type { UsageLimiter, UsageLimiterOptions } from './usage/create-usage-limiter.js';
export { createRedisUsageStore } from './usage/redis-usage-store.js';
export { createMemoryUsageStore } from './usage/usage-store.js';
export type {
  TaskCharge,
  UsageReservation,
  UsageStore,
  UsageVerdict,
} from './usage/usage-store.js';
export { createMemoryTaskOwnerStore } from './task-owner-store.js';
export type {
  MemoryTaskOwnerStoreOptions,
  TaskOwnerStore,
  TaskRecord,
  TaskRecordPage,
  TaskSnapshot,
} from './task-owner-store.js';
export type { TaskListPosition, TaskListQuery } from '../core/http/task-list-query.js';
export type { KeepOutputsOptions } from './outputs/keep-outputs.js';
export type { KeptOutputs, OutputClaim, OutputOutcome } from './output-ledger.js';
export type { OutputType } from './uploads/stored-file-type.js';
export { toNodeHandler } from './to-node-handler.js';
export type { NodeRequestLike, NodeResponseLike } from './to-node-handler.js';
export { createUploadHandler } from './uploads/index.js';
export type {
  PresignInfo,
  StoredUpload,
  UploadHandler,
  UploadHandlerOptions,
  UploadStorage,
} from './uploads/index.js';
export type { UploadImageType } from '../core/upload/image-type.js';
export type {
  UploadIntent,
  UploadRefusalCode,
  UploadResult,
  UploadTicket,
} from '../core/upload/upload-protocol.js';
