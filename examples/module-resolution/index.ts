// Every entry of the package, as a TypeScript project resolves it. check:examples type-checks this
// file under each tsconfig here (node10, node16, bundler) against the installed tarball.
import { useGenerateVideo } from 'gptimage2-react';
import { createClient } from 'gptimage2-react/client';
import { createMockApi } from 'gptimage2-react/mock';
import { startMockServer } from 'gptimage2-react/mock/node';
import { createProxyHandler } from 'gptimage2-react/server';
import { createTestWrapper } from 'gptimage2-react/testing';

export const entries = [
  useGenerateVideo,
  createClient,
  createMockApi,
  startMockServer,
  createProxyHandler,
  createTestWrapper,
];
