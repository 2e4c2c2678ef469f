// Plays wait for what a person would see with the same patience as the component tests
// (test/setup/browser.ts): Testing Library's 1 s default is too short on a loaded machine.
import { configure } from 'storybook/test';

configure({ asyncUtilTimeout: 5000 });
