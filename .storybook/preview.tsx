import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import {
  mockGlobalTypes,
  mockInitialGlobals,
  startMockWorker,
  withMockEnvironment,
} from './mock-environment';
import { themeGlobalTypes, themeInitialGlobals, withTheme } from './theme-global';

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
