import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import {
  mockGlobalTypes,
  mockInitialGlobals,
  startMockWorker,
  withMockEnvironment,
} from './mock-environment';
import { themeGlobalTypes, themeInitialGlobals, withTheme } from './theme-global';

// Plays wait for what a person would see with the same patience as the component tests
// (test/setup/browser.ts), wherever they run: the Vitest storybook project, `check:storybook` over the
// built site, and Storybook's own Interactions panel. Testing Library's 1 s default is too short on a
// loaded machine (a play's `findByRole` timed out there while the sample image attached).
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  globalTypes: { ...mockGlobalTypes, ...themeGlobalTypes },
  initialGlobals: { ...mockInitialGlobals, ...themeInitialGlobals },
  // Starts MSW's worker before the first story; handlers then follow each story (see mock-environment).
  loaders: [mswLoader(startMockWorker)],
  decorators: [withMockEnvironment, withTheme],
  parameters: {
    layout: 'padded',
    // Every story is checked with axe; a violation fails its test.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: { order: ['Introduction', 'Guides', 'Recipes', 'Components', 'Hooks'] },
    },
  },
};

export default preview;
