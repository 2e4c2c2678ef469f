// gptimage2-react/testing/setup: a test runner's setup file (Vitest `setupFiles`, Jest `setupFilesAfterEnv`
// or `setupFiles`) that installs the DOM stubs the components need in jsdom.
import { installDomStubs } from './install-dom-stubs.js';

installDomStubs();
