// The headless components: each brings the registry's rules for one control to the screen.
export { AspectRatioPicker } from './aspect-ratio-picker.js';
export { ChangeNotice } from './change-notice.js';
export type { ChangeNoticeProps } from './change-notice.js';
export { CreditEstimate } from './credit-estimate.js';
export type { CreditEstimateProps } from './credit-estimate.js';
export { DurationPicker } from './duration-picker.js';
export type { PickerOption, PickerParts, PickerRootProps } from './duration-picker.js';
export { ImageDropzone } from './image-dropzone.js';
export type { ImageDropzoneRootProps } from './image-dropzone.js';
export { getModelGroups, ModelSelect } from './model-select.js';
export type {
  ModelGroup,
  ModelOption,
  ModelOptionsFilter,
  ModelSelectItemProps,
  ModelSelectRootProps,
} from './model-select.js';
export { PromptField } from './prompt-field.js';
export type { PromptFieldRootProps } from './prompt-field.js';
export { ResolutionPicker } from './resolution-picker.js';
export { describeRefund, describeTaskStatus, TaskProgress } from './task-progress.js';
export type {
  GenerationLike,
  TaskProgressResultProps,
  TaskProgressRootProps,
  TaskProgressState,
} from './task-progress.js';
export { useGenerationForm } from './use-generation-form.js';
export type { FormField, GenerationForm, UseGenerationFormOptions } from './use-generation-form.js';
export { useImageDropzone } from './use-image-dropzone.js';
export type {
  ImageDropzoneState,
  ImageItem,
  UseImageDropzoneOptions,
} from './internal/image-dropzone-types.js';
export { describeImageRules, ImageErrorCode } from './image-checks.js';
export type { ImageError, ImageErrorCodeValue, ImageRejection } from './image-checks.js';
export type { UploadAdapter, UploadContext, UploadFailure } from './upload-queue.js';
export type { ModelInput } from './internal/use-model.js';
export { describeFieldError } from './describe-field-error.js';
export { describeRateLimit } from './describe-rate-limit.js';
export { describeChange } from './describe-change.js';
export type { FieldErrorFormatter } from './describe-field-error.js';
export { TaskGallery } from './task-gallery.js';
export type { TaskGalleryListProps, TaskGalleryRootProps } from './task-gallery.js';
export type { TaskGalleryItemProps } from './task-gallery-item.js';
export type { TaskGalleryMediaProps } from './task-gallery-parts.js';
export type { TaskGalleryOutputProps } from './task-gallery-actions.js';
