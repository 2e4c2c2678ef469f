// gptimage2-react: hooks and headless components. The client core is re-exported for one-import apps;
// bundlers drop what an app does not use.
export * from './core/index.js';
// Not in the client entry (its 8 KB budget); here and in gptimage2-react/server.
export { narrowRegistry } from './core/registry/narrow-registry.js';
export * from './react/index.js';
export * from './components/index.js';
