export { createUploadHandler } from './create-upload-handler.js';
export type { UploadHandler, UploadHandlerOptions } from './create-upload-handler.js';
export type { PresignInfo, StoredUpload, UploadStorage } from './upload-storage.js';
