/**
 * What jsdom lacks and the components use, stubbed only where missing (a real implementation, or one
 * your own setup installed first, is kept):
 * - `ResizeObserver` (Radix measures popovers and the select's trigger), observing nothing;
 * - `Element.prototype.scrollIntoView` (the model list scrolls its selected item into view);
 * - `hasPointerCapture`, `setPointerCapture`, `releasePointerCapture` (Radix Select opens on pointer down);
 * - `URL.createObjectURL` / `revokeObjectURL` (the dropzone's previews), giving `blob:` URLs that load nothing.
 * Safe to call more than once, and a no-op outside a DOM.
 */
export function installDomStubs(): void {
  const scope = globalThis as typeof globalThis & { ResizeObserver?: unknown };
  if (typeof scope.ResizeObserver === 'undefined') {
    scope.ResizeObserver = class ResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  const proto =
    typeof Element === 'undefined' ? undefined : (Element.prototype as Partial<Element>);
  if (proto) {
    proto.scrollIntoView ??= function scrollIntoView() {};
    proto.hasPointerCapture ??= function hasPointerCapture() {
      return false;
    };
    proto.setPointerCapture ??= function setPointerCapture() {};
    proto.releasePointerCapture ??= function releasePointerCapture() {};
  }
  if (typeof URL !== 'undefined' && typeof URL.createObjectURL !== 'function') {
    let made = 0;
    URL.createObjectURL = () => `blob:${globalThis.location?.origin ?? 'null'}/stub-${++made}`;
    URL.revokeObjectURL = () => {};
  }
}
