// The framework-free layer between the client core and the React bindings: TanStack Query options,
// keys, persistence and the generation observer. Public names are re-exported by ../react/index.ts.
export { GenerationObserver } from './generation-observer.js';
export type { GenerationObserverOptions } from './generation-observer.js';
export { GenerationsObserver } from './generations-observer.js';
export { MAX_VARIANTS } from './generations-slot.js';
export type { GenerationsObserverOptions } from './generations-observer.js';
export type {
  GenerationSlot,
  Generations,
  SlotStatus,
  UseGenerationsOptions,
} from './generations-types.js';
export { getGenerationState } from './generation-state.js';
export type { GenerationState, GenerationStatus } from './generation-state.js';
export type { Generation, GenerationBase, UseGenerationOptions } from './generation-types.js';
export { getTaskProgress } from './get-task-progress.js';
export type { TaskProgressInfo } from './get-task-progress.js';
export {
  generateImageMutationOptions,
  generateVideoMutationOptions,
  submitMutationOptions,
} from './mutation-options.js';
export type { PersistedTask, PersistOption, StorageLike } from './persistence.js';
export { taskKeys } from './query-keys.js';
export { taskQueryOptions } from './task-query-options.js';
export type { FollowTaskOptions } from './task-query-options.js';
export { taskHistoryKeys } from './task-history-keys.js';
export { defaultHistoryStore, taskHistoryQueryOptions } from './task-history-query-options.js';
export type {
  TaskHistoryOptions,
  TaskHistoryPage,
  TaskHistorySource,
} from './task-history-query-options.js';
export { recordTaskHistory } from './task-history-recorder.js';
export type { TaskHistoryTarget } from './task-history-recorder.js';
export { createIndexedDbHistoryStore } from './task-history-store.js';
export type {
  IndexedDbHistoryStoreOptions,
  TaskHistoryListOptions,
  TaskHistoryStore,
} from './task-history-store.js';
