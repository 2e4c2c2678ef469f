// Every story is whole on its own: opened alone in a fresh tab, it looks as it does after any other.
// That holds when each module that renders a class imports the stylesheet defining it (a stylesheet
// loaded by some other story in the same tab does not count), and every story file imports the theme.
// The visual tests (the `visual` tag, see test/setup/visual.ts) catch the same loss in pixels.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const storiesDir = join(root, 'stories');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The classes each stylesheet defines (every `.name` in its selectors). */
const definedBy = new Map<string, string>();
for (const sheet of filesUnder(storiesDir, /\.css$/)) {
  const css = readFileSync(sheet, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of css.matchAll(/([^{}]+)\{/g))
    for (const [, name] of rule[1]!.matchAll(/\.([a-zA-Z][\w-]*)/g))
      if (!definedBy.has(name!)) definedBy.set(name!, sheet);
}

/** The stylesheets a module imports itself. */
function importedSheets(file: string, source: string): Set<string> {
  const sheets = [...source.matchAll(/^import '([^']+\.css)';$/gm)].map(([, path]) =>
    resolve(dirname(file), path!),
  );
  return new Set(sheets);
}

/** The class names a module renders (`className="a b"`, `className={`a ${…}`}`). */
function usedClasses(source: string): Set<string> {
  const names = new Set<string>();
  for (const [, quoted, template] of source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})/g))
    for (const name of (quoted ?? template ?? '').replace(/\$\{[^}]*\}/g, ' ').split(/\s+/))
      if (name) names.add(name);
  return names;
}

const theme = join(storiesDir, 'theme/theme.css');
const modules = filesUnder(storiesDir, /\.tsx$/);

describe('stories import the stylesheets they need', () => {
  it('finds the stories and the theme', () => {
    expect(modules.length).toBeGreaterThan(20);
    expect(definedBy.get('recipe-bar')).toBe(theme);
  });

  it.each(modules.map((file) => [relative(root, file), file]))(
    '%s imports the stylesheet of every class it renders',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const imported = importedSheets(file, source);
      const missing = [...usedClasses(source)]
        .filter((name) => definedBy.has(name) && !imported.has(definedBy.get(name)!))
        .map((name) => `${name} (${relative(root, definedBy.get(name)!)})`);
      expect(missing).toEqual([]);
    },
  );

  it.each(
    modules
      .filter((file) => file.endsWith('.stories.tsx'))
      .map((file) => [relative(root, file), file]),
  )('%s imports the theme', (_name, file) => {
    expect(importedSheets(file, readFileSync(file, 'utf8'))).toContain(theme);
  });
});
