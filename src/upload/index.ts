// gptimage2-react/upload: the browser half of uploads (createUploadHandler's client), framework-free
// and in its own entry, so apps that upload nothing pay nothing for it.
export { createUploader } from './create-uploader.js';
export type { UploaderOptions } from './create-uploader.js';
export { UploadError } from './upload-error.js';
export type { UploadErrorCode } from './upload-error.js';
