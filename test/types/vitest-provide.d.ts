// What vite.config.ts's projects `provide` to their tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major a project runs under: '18' in the *-react18 projects, else unset (19). */
    reactMajor?: '18';
  }
}
export {};
