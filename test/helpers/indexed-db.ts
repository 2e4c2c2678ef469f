// IndexedDB databases a browser test opens, each deleted after the test that made it.
import { afterEach } from 'vitest';

/** Registers the clean-up and returns a maker of fresh database names (`prefix` then a random part). */
export function testDatabases(prefix: string): () => string {
  let databases: string[] = [];
  afterEach(async () => {
    await Promise.all(
      databases.map(
        (name) =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = resolve;
          }),
      ),
    );
    databases = [];
  });
  return () => {
    const name = `${prefix}-${Math.random().toString(36).slice(2)}`;
    databases.push(name);
    return name;
  };
}
