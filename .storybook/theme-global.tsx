// The toolbar's Theme: light or dark. The theme's tokens (stories/theme/theme.css) switch on
// `data-theme` of <html>, so portals (ModelSelect's list) follow too; the canvas and each docs block
// are painted with the page token so a dark story never sits on white.
import { useLayoutEffect } from 'react';
import type { Decorator } from '@storybook/react-vite';

/** The toolbar's choices of colour scheme. */
export type ThemeGlobal = 'light' | 'dark';

export const themeGlobalTypes = {
  theme: {
    description: 'The theme’s colour scheme (stories/theme/theme.css)',
    toolbar: {
      title: 'Theme',
      icon: 'mirror',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
} as const;

export const themeInitialGlobals = { theme: 'light' satisfies ThemeGlobal };

function Themed({ theme, children }: { theme: ThemeGlobal; children: React.ReactNode }) {
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.body.style.background = 'var(--gi-page)';
  }, [theme]);
  return (
    <div data-theme-canvas="" style={{ background: 'var(--gi-page)', color: 'var(--gi-ink)' }}>
      {children}
    </div>
  );
}

/** Applies the toolbar's theme to the page. */
export const withTheme: Decorator = (Story, context) => (
  <Themed theme={(context.globals.theme ?? 'light') as ThemeGlobal}>
    <Story />
  </Themed>
);
