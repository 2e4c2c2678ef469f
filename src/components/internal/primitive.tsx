'use client';
import { Slot } from 'radix-ui';
import type { ComponentPropsWithoutRef, JSX } from 'react';

type Tag = keyof JSX.IntrinsicElements;

/** Props every DOM part takes: its element's props plus `asChild`. */
export type PartProps<E extends Tag> = ComponentPropsWithoutRef<E> & {
  /** Merge the part's props and behaviour onto its single child element instead of rendering its own. */
  asChild?: boolean;
  ref?: React.Ref<E extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[E] : HTMLElement>;
};

/**
 * A part's element: `tag`, or, with `asChild`, the single child with the part's props merged onto it
 * (Radix `Slot`: handlers chained, classes joined, refs composed).
 */
export function Part<E extends Tag>({ tag, asChild, ...props }: PartProps<E> & { tag: E }) {
  const Element = (asChild ? Slot.Root : tag) as React.ElementType;
  return <Element {...props} />;
}

/** A boolean as a presence attribute (`data-disabled=""`), or nothing. */
export const flag = (on: boolean | undefined) => (on ? '' : undefined);
