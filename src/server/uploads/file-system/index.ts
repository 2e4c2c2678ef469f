// gptimage2-react/server/fs: upload storage on the local disk (Node only; the main server entry stays
// free of `node:` imports, for edge runtimes).
export { createFileSystemStorage } from './file-system-storage.js';
export type { FileSystemStorageOptions } from './file-system-storage.js';
