// The headless components: each brings the registry's rules for one control to the screen.
export { AspectRatioPicker } from './aspect-ratio-picker.js';
export { ChangeNotice } from './change-notice.js';
export type { ChangeNoticeProps } from './change-notice.js';
export { CreditEstimate } from './credit-estimate.js';
export type { CreditEstimateProps } from './credit-estimate.js';
export { DurationPicker } from './duration-picker.js';
export type { PickerOption, PickerParts, PickerRootProps } from './duration-picker.js';
export { describeImageRules, ImageDropzone } from './image-dropzone.js';
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
export { ImageErrorCode, useImageDropzone } from './use-image-dropzone.js';
export type {
  ImageDropzoneState,
  ImageError,
  ImageErrorCodeValue,
  ImageItem,
  ImageRejection,
  UploadAdapter,
  UploadContext,
  UseImageDropzoneOptions,
} from './use-image-dropzone.js';
export type { ModelInput } from './internal/use-model.js';
export { describeFieldError } from './describe-field-error.js';
export { describeRateLimit } from './describe-rate-limit.js';
export type { FieldErrorFormatter } from './describe-field-error.js';
