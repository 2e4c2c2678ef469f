import { describe, expect, it } from 'vitest';
import { installDomStubs } from '../../src/testing/index.js';

describe('installDomStubs', () => {
  it('adds what Radix and the dropzone need to jsdom, and keeps what is already there', () => {
    const own = class OwnResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    const scope = globalThis as { ResizeObserver?: unknown };
    const before = scope.ResizeObserver;
    delete scope.ResizeObserver;
    try {
      installDomStubs();
      const observer = new (scope.ResizeObserver as typeof ResizeObserver)(() => {});
      expect(() => observer.observe(document.body)).not.toThrow();
      scope.ResizeObserver = own;
      installDomStubs();
      expect(scope.ResizeObserver).toBe(own);
    } finally {
      scope.ResizeObserver = before;
    }
    const element = document.createElement('div');
    expect(() => element.scrollIntoView()).not.toThrow();
    expect(element.hasPointerCapture(1)).toBe(false);
    expect(() => element.setPointerCapture(1)).not.toThrow();
    expect(URL.createObjectURL(new Blob(['x']))).toMatch(/^blob:/);
    expect(URL.createObjectURL(new Blob(['x']))).not.toBe(URL.createObjectURL(new Blob(['x'])));
  });
});
