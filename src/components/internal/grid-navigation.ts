// Where an arrow key takes focus among items laid out by CSS (a grid, a list, any wrapping row): read
// from where the items are drawn, so the keys follow the layout at every width without knowing its
// column count. Pure: takes the items' boxes.

/** The part of a `DOMRect` the navigation reads. */
export type Box = Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right'>;

const center = (box: Box) => (box.left + box.right) / 2;

/** The nearest item in the row above or below `from`: the closest row, then the closest column. */
function vertical(boxes: readonly Box[], from: number, down: boolean): number | null {
  const here = boxes[from]!;
  const middle = (here.top + here.bottom) / 2;
  let best: number | null = null;
  let bestRow = Infinity;
  let bestColumn = Infinity;
  boxes.forEach((box, index) => {
    // Only items wholly past this one's middle: the next row, not a taller neighbour.
    const row = down ? box.top - middle : middle - box.bottom;
    if (index === from || row < 0) return;
    const column = Math.abs(center(box) - center(here));
    // Items in one row start within a few pixels of each other.
    if (row < bestRow - 2 || (Math.abs(row - bestRow) <= 2 && column < bestColumn)) {
      best = index;
      bestRow = Math.min(row, bestRow);
      bestColumn = column;
    }
  });
  return best;
}

/**
 * The index focus moves to from `from` for `key`, or `null` when the key does not move it: arrows
 * left/right to the previous/next item (reversed when `rtl`), up/down to the nearest item in the row
 * above/below, Home/End to the first/last, Page Up/Page Down to the previous/next (the feed pattern's
 * keys).
 */
export function gridTarget(
  boxes: readonly Box[],
  from: number,
  key: string,
  rtl = false,
): number | null {
  const last = boxes.length - 1;
  const step = (delta: number) => {
    const to = from + delta;
    return to < 0 || to > last ? null : to;
  };
  switch (key) {
    case 'ArrowRight':
      return step(rtl ? -1 : 1);
    case 'ArrowLeft':
      return step(rtl ? 1 : -1);
    case 'PageDown':
      return step(1);
    case 'PageUp':
      return step(-1);
    case 'ArrowDown':
      return vertical(boxes, from, true);
    case 'ArrowUp':
      return vertical(boxes, from, false);
    case 'Home':
      return last < 0 ? null : 0;
    case 'End':
      return last < 0 ? null : last;
    default:
      return null;
  }
}
