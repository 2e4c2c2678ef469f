'use client';
import * as Slot from 'radix-ui/slot';
import {
  forwardRef,
  type ComponentPropsWithoutRef,
  type ForwardRefRenderFunction,
  type JSX,
  type PropsWithoutRef,
} from 'react';

type Tag = keyof JSX.IntrinsicElements;

/** Props every DOM part takes: its element's props plus `asChild` (and a forwarded `ref`). */
export type PartProps<E extends Tag> = ComponentPropsWithoutRef<E> & {
  /** Merge the part's props and behaviour onto its single child element instead of rendering its own. */
  asChild?: boolean;
};

/**
 * A part's element: `tag`, or, with `asChild`, the single child with the part's props merged onto it
 * (Radix `Slot`: handlers chained, classes joined, refs composed).
 */
export const Part = /* @__PURE__ */ forwardRef<
  HTMLElement,
  { tag: Tag; asChild?: boolean; [prop: string]: unknown }
>(function Part({ tag, asChild, ...props }, ref) {
  const Element = (asChild ? Slot.Root : tag) as React.ElementType;
  return <Element {...props} ref={ref} />;
});

/**
 * A part component that forwards its `ref` (React 18 passes refs only through `forwardRef`; 19 also
 * as a prop), named for React DevTools.
 */
export function part<E extends Element, P extends object>(
  displayName: string,
  render: ForwardRefRenderFunction<E, P>,
) {
  const component = forwardRef<E, P>(render as ForwardRefRenderFunction<E, PropsWithoutRef<P>>);
  component.displayName = displayName;
  return component;
}

/** A boolean as a presence attribute (`data-disabled=""`), or nothing. */
export const flag = (on: boolean | undefined) => (on ? '' : undefined);
