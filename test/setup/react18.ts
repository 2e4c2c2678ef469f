// The dom-react18 project: every `react`/`react-dom` resolves to the React 18 copies, so there is one
// React. Vite's alias covers inlined code (ours, TanStack Query); this covers Node's own CommonJS
// resolution (react-dom 18's `require('react')`, Testing Library's `require('react-dom')`).
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve };
const resolve = moduleWithResolve._resolveFilename;
moduleWithResolve._resolveFilename = function (request, ...rest) {
  const redirected = request
    .replace(/^react-dom(?=\/|$)/, 'react-dom-18')
    .replace(/^react(?=\/|$)/, 'react-18');
  return resolve.call(this, redirected, ...rest);
};
