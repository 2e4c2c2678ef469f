// gptimage2-react: hooks and headless components. The client core is re-exported for one-import apps;
// bundlers drop what an app does not use.
export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';
