import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { InlineConfig, PluginOption } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * Stories import the library by its published names, as an app would; these point them at the sources.
 * The same map is in `tsconfig.json#compilerOptions.paths`.
 */
export const libraryAliases = [
  { find: /^gptimage2-react$/, replacement: src('index.ts') },
  { find: /^gptimage2-react\/client$/, replacement: src('core/index.ts') },
  { find: /^gptimage2-react\/server$/, replacement: src('server/index.ts') },
  {
    find: /^gptimage2-react\/server\/fs$/,
    replacement: src('server/uploads/file-system/index.ts'),
  },
  { find: /^gptimage2-react\/server\/s3$/, replacement: src('server/uploads/s3/index.ts') },
  { find: /^gptimage2-react\/upload$/, replacement: src('upload/index.ts') },
  { find: /^gptimage2-react\/mock$/, replacement: src('mock/index.ts') },
  { find: /^gptimage2-react\/mock\/node$/, replacement: src('mock/node.ts') },
  { find: /^gptimage2-react\/testing$/, replacement: src('testing/index.ts') },
  { find: /^gptimage2-react\/testing\/setup$/, replacement: src('testing/setup.ts') },
];

// "Live proxy" in the toolbar: `npm run storybook` forwards /api/ai/… to your app's proxy at this URL.
const liveProxy = process.env.STORYBOOK_PROXY_URL;

/** Plugins of the library's own build that Storybook must not run (declarations, for one). */
const LIBRARY_ONLY_PLUGINS = /^(vite:dts|dts)/;

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  // MSW's service worker (public/mockServiceWorker.js) must be served at the site's root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The Introduction page is the way in; Storybook's own onboarding checklist would only compete with it.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig: InlineConfig) {
    // Storybook reads the library's vite.config.ts: keep its React plugin, drop the library build.
    const plugins = (viteConfig.plugins ?? []).flat(Infinity as 1) as PluginOption[];
    const { build = {} } = viteConfig;
    return {
      ...viteConfig,
      plugins: plugins.filter(
        (plugin) =>
          !(
            plugin &&
            typeof plugin === 'object' &&
            'name' in plugin &&
            LIBRARY_ONLY_PLUGINS.test(plugin.name)
          ),
      ),
      build: {
        ...build,
        lib: false,
        rolldownOptions: undefined,
        sourcemap: false,
        minify: true,
        copyPublicDir: true,
        chunkSizeWarningLimit: 2000,
      },
      resolve: {
        ...viteConfig.resolve,
        alias: [...libraryAliases, ...toAliasList(viteConfig.resolve?.alias)],
      },
      server: liveProxy
        ? { ...viteConfig.server, proxy: { '/api/ai': { target: liveProxy, changeOrigin: true } } }
        : viteConfig.server,
    };
  },
};

function toAliasList(alias: NonNullable<InlineConfig['resolve']>['alias']) {
  if (!alias) return [];
  return Array.isArray(alias)
    ? alias
    : Object.entries(alias).map(([find, replacement]) => ({
        find,
        replacement: replacement as string,
      }));
}

export default config;
