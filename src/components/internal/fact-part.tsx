'use client';
import type { ReactNode } from 'react';
import { Part, part, type PartProps } from './primitive.js';

/** What a fact part shows: its text and data attributes, or `null` for nothing. */
export type Fact = readonly [text: ReactNode, attributes?: object] | null;

/**
 * A part that shows one fact in words (a status, a reason, an empty state): `read` takes what the
 * part's scope holds and gives the text and its attributes, or `null` (the part renders nothing).
 * Children replace the text.
 */
export const factPart = <C,>(
  name: string,
  tag: 'p' | 'span' | 'div',
  use: (part: string) => C,
  read: (scope: C) => Fact,
) =>
  part<HTMLElement, PartProps<'div'>>(name, function Fact({ children, ...props }, ref) {
    const shown = read(use(name.slice(name.indexOf('.') + 1)));
    if (!shown) return null;
    return (
      <Part tag={tag} {...shown[1]} {...props} ref={ref}>
        {children ?? shown[0]}
      </Part>
    );
  });
