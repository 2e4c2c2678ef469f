// gptimage2-react: the React bindings. Thin glue over the framework-free core and query layers.
export {
  generateImageMutationOptions,
  generateVideoMutationOptions,
  submitMutationOptions,
} from '../query/index.js';
export type { PersistedTask, PersistOption, StorageLike } from '../query/index.js';
export { taskKeys, taskQueryOptions, getTaskProgress, getGenerationState } from '../query/index.js';
export type { FollowTaskOptions, TaskProgressInfo } from '../query/index.js';
export type {
  Generation,
  GenerationBase,
  GenerationState,
  GenerationStatus,
  UseGenerationOptions,
} from '../query/index.js';
export { GptImageProvider, useGptImageClient } from './provider.js';
export type { GptImageProviderProps } from './provider.js';
export { useGenerateImage } from './use-generate-image.js';
export type { ImageGeneration } from './use-generate-image.js';
export { useGenerateVideo } from './use-generate-video.js';
export type { VideoGeneration } from './use-generate-video.js';
export { useGenerations } from './use-generations.js';
export type {
  GenerationSlot,
  Generations,
  SlotStatus,
  UseGenerationsOptions,
} from '../query/index.js';
export { useTask } from './use-task.js';
export type { UseTaskOptions, UseTaskResult } from './use-task.js';
export { useTaskProgress } from './use-task-progress.js';
export { useTaskHistory } from './use-task-history.js';
export type { TaskHistory, UseTaskHistoryOptions } from './use-task-history.js';
export {
  createIndexedDbHistoryStore,
  recordTaskHistory,
  taskHistoryKeys,
  taskHistoryQueryOptions,
} from '../query/index.js';
export type {
  IndexedDbHistoryStoreOptions,
  TaskHistoryListOptions,
  TaskHistoryOptions,
  TaskHistoryPage,
  TaskHistorySource,
  TaskHistoryStore,
  TaskHistoryTarget,
} from '../query/index.js';
export type { UseTaskProgressOptions } from './use-task-progress.js';
