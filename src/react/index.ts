// gptimage2-react: the React bindings. Thin glue over the framework-free core and TanStack Query.
export { generateImageMutationOptions, generateVideoMutationOptions, submitMutationOptions } from './mutation-options.js';
export type { PersistedTask, PersistOption, StorageLike } from './persistence.js';
export { GptImageProvider, useGptImageClient } from './provider.js';
export type { GptImageProviderProps } from './provider.js';
export { taskKeys } from './query-keys.js';
export { taskQueryOptions } from './task-query-options.js';
export type { FollowTaskOptions } from './task-query-options.js';
export { getTaskProgress } from './task-progress.js';
export type { TaskProgressInfo } from './task-progress.js';
export { useGenerateImage } from './use-generate-image.js';
export type { ImageGeneration } from './use-generate-image.js';
export { useGenerateVideo } from './use-generate-video.js';
export type { VideoGeneration } from './use-generate-video.js';
export { getGenerationState } from './use-generation.js';
export type { Generation, GenerationBase, GenerationState, GenerationStatus, UseGenerationOptions } from './use-generation.js';
export { useTask } from './use-task.js';
export type { UseTaskOptions, UseTaskResult } from './use-task.js';
export { useTaskProgress } from './use-task-progress.js';
