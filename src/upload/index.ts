export { createUploader } from './create-uploader.js';
export type { UploaderOptions } from './create-uploader.js';
export { UploadError } from './upload-error.js';
export type { UploadErrorCode } from './upload-error.js';
