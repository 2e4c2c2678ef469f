import { gridTarget, type Box } from '../../src/components/internal/grid-navigation.js';

/** Boxes of `count` items laid out `columns` to a row, each 100×80 with 10 px gaps. */
const grid = (count: number, columns: number, heights: number[] = []): Box[] =>
  Array.from({ length: count }, (_, index) => {
    const left = (index % columns) * 110;
    const top = Math.floor(index / columns) * 200;
    return { left, right: left + 100, top, bottom: top + (heights[index] ?? 80) };
  });

describe('gridTarget', () => {
  it('moves left and right one item, stopping at the ends (reversed right to left)', () => {
    const boxes = grid(5, 3);
    expect(gridTarget(boxes, 1, 'ArrowRight')).toBe(2);
    expect(gridTarget(boxes, 2, 'ArrowRight')).toBe(3);
    expect(gridTarget(boxes, 4, 'ArrowRight')).toBeNull();
    expect(gridTarget(boxes, 0, 'ArrowLeft')).toBeNull();
    expect(gridTarget(boxes, 1, 'ArrowRight', true)).toBe(0);
  });

  it('moves up and down to the nearest item of the next row, whatever the column count', () => {
    expect(gridTarget(grid(7, 3), 1, 'ArrowDown')).toBe(4);
    expect(gridTarget(grid(7, 3), 4, 'ArrowUp')).toBe(1);
    expect(gridTarget(grid(7, 2), 1, 'ArrowDown')).toBe(3);
    expect(gridTarget(grid(7, 1), 2, 'ArrowDown')).toBe(3);
    // The last row is short: down from its right goes to the nearest item there.
    expect(gridTarget(grid(7, 3), 5, 'ArrowDown')).toBe(6);
    expect(gridTarget(grid(7, 3), 6, 'ArrowDown')).toBeNull();
    expect(gridTarget(grid(7, 3), 0, 'ArrowUp')).toBeNull();
  });

  it('skips no row for a taller neighbour', () => {
    // Item 1 is taller than its row: down from 0 still lands in the next row, on 3.
    expect(gridTarget(grid(6, 3, [80, 190]), 0, 'ArrowDown')).toBe(3);
  });

  it('goes to the ends with Home and End, and one step with Page Up and Page Down', () => {
    const boxes = grid(5, 3);
    expect(gridTarget(boxes, 3, 'Home')).toBe(0);
    expect(gridTarget(boxes, 1, 'End')).toBe(4);
    expect(gridTarget(boxes, 1, 'PageDown')).toBe(2);
    expect(gridTarget(boxes, 1, 'PageUp')).toBe(0);
    expect(gridTarget(boxes, 1, 'a')).toBeNull();
    expect(gridTarget([], 0, 'End')).toBeNull();
  });
});
