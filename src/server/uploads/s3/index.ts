// gptimage2-react/server/s3: upload storage on S3-compatible services through presigned PUT. Its own
// entry, so `gptimage2-react/server` never loads the AWS SDK (an optional peer dependency).
export { createS3Storage } from './s3-storage.js';
export type { S3StorageOptions } from './s3-storage.js';
