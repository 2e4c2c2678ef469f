// What test/setup/upload-servers.ts provides to the browser tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The upload handlers on 127.0.0.1: through the handler (file system), and presigned PUT to s3rver;
     * and `dropping`, a server that resets every connection (the network failing).
     */
    uploadEndpoints: { direct: string; presigned: string; dropping: string };
  }
}
export {};
