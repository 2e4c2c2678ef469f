// Visual regression tests of the Storybook project: after a story tagged `visual` has rendered and its
// play has passed, its page is captured at 1280 and 375 px wide, in the light and the dark theme, and
// compared with the baselines in test/visual/baselines/ (`npm run test:visual:update` rewrites
// them after a change meant to be seen). A story that loses its stylesheet fails here.
import { afterEach, expect, type TestContext } from 'vitest';
import { page } from 'vitest/browser';

const VIEWPORTS = [1280, 375] as const;
// The tallest page captured whole (the browser window is as tall, see vite.config.ts).
const MAX_HEIGHT = 3000;
const THEMES = ['light', 'dark'] as const;
// Storybook's own test viewport (@storybook/addon-vitest), restored after the captures.
const DEFAULT_VIEWPORT = { width: 1200, height: 900 };

// Nothing that moves or counts time: animations, transitions and the caret are stopped, and the
// elapsed timers and the mock's request counter (both depend on the machine's speed) are hidden,
// keeping their place in the layout. The page gets Storybook's padded layout.
const FREEZE = `
body { margin: 0 !important; padding: 1rem !important; height: auto !important; min-height: 0 !important; }
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
.recipe-elapsed, [data-testid='mock-requests'] { visibility: hidden !important; }
`;

const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));
const frames = async (count: number) => {
  for (let index = 0; index < count; index++) await frame();
};

/** Waits for the fonts, every image decoded, every clip paused on its first frame. */
async function settle() {
  await document.fonts.ready;
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  await Promise.all(
    [...document.querySelectorAll('video')].map(async (video) => {
      video.autoplay = false;
      // A play() the story asked for (an autoPlay clip's) must not start the clip again mid-capture.
      video.play = () => Promise.resolve();
      video.pause();
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
        await new Promise((done) => video.addEventListener('loadeddata', done, { once: true }));
      // Always back to the first frame, and wait until that frame is on screen: a clip paused just
      // after it started can read `currentTime` 0 while a later frame is still shown (a loaded CI run
      // captured the mock clip's moving bar a little to the right).
      const shown = new Promise((done) => video.requestVideoFrameCallback(() => done(undefined)));
      const seeked = new Promise((done) => video.addEventListener('seeked', done, { once: true }));
      video.currentTime = 0;
      await seeked;
      // The frame callback may not come when the first frame was already shown: a few frames at most.
      await Promise.race([shown, frames(10)]);
    }),
  );
  await frame();
  await frame();
}

interface StoryContext extends TestContext {
  story?: { id: string; tags: string[] };
}

afterEach(async (context: StoryContext) => {
  const { story, task } = context;
  if (!story?.tags.includes('visual') || task.result?.state === 'fail') return;
  const freeze = document.head.appendChild(document.createElement('style'));
  freeze.textContent = FREEZE;
  const root = document.documentElement;
  try {
    (document.activeElement as HTMLElement | null)?.blur?.();
    for (const width of VIEWPORTS) {
      for (const theme of THEMES) {
        root.dataset.theme = theme;
        // The whole page in view: a frame captures only what its viewport shows.
        await page.viewport(width, 900);
        await frame();
        await page.viewport(width, Math.min(MAX_HEIGHT, Math.max(900, root.scrollHeight)));
        window.scrollTo(0, 0);
        await settle();
        await expect
          .element(page.elementLocator(document.body))
          // Up to 30 s to find two equal captures in a row: a loaded machine draws slowly.
          .toMatchScreenshot(`${story.id}--${width}-${theme}`, { timeout: 30_000 });
      }
    }
  } finally {
    freeze.remove();
    root.dataset.theme = 'light';
    await page.viewport(DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height);
  }
}, 240_000);
