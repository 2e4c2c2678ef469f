// What stories' play functions use of the Storybook environment (see .storybook/mock-environment.tsx).
export { mockApiOf } from '../../.storybook/mock-environment';
