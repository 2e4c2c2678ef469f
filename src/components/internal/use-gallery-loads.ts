'use client';
import { useCallback, useState } from 'react';

/** What the gallery says after a load, and where focus goes after a "Load more". */
export interface GalleryLoads {
  /** The live region's text ("20 more tasks loaded"), with a counter so a repeat is said again. */
  said: { text: string; count: number };
  /** The index of the first item a "Load more" brought, to focus, until taken. */
  focusFrom: number | null;
  /** Marks the start of a load from the `LoadMore` part (focus then moves to the first new item). */
  startLoad: () => void;
  /** Forgets `focusFrom` once focus has moved. */
  focused: () => void;
}

interface Load {
  /** How many tasks there were when the load began. */
  from: number;
  /** Whether `loading` has been seen during this load (a "Load more" may flip it a render later). */
  seen: boolean;
  /** Whether the person asked for it with the `LoadMore` part. */
  byButton: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Follows loads through the gallery's props alone (so any data source works): a load starts when
 * `loading` turns on or `LoadMore` is pressed, and ends when tasks arrive or `loading` turns off.
 * State is adjusted during render from the previous props, React's pattern for derived state.
 */
export function useGalleryLoads({
  count,
  loading,
  failed,
  hasMore,
}: {
  count: number;
  loading: boolean;
  failed: boolean;
  hasMore: boolean;
}): GalleryLoads {
  const [load, setLoad] = useState<Load | null>(null);
  const [said, setSaid] = useState({ text: '', count: 0 });
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  if (loading && (!load || !load.seen)) {
    const from = load?.from ?? count;
    setLoad({ from, seen: true, byButton: load?.byButton ?? false });
    setSaid((current) => ({
      text: from ? 'Loading more tasks…' : 'Loading tasks…',
      count: current.count + 1,
    }));
  } else if (load && !loading && (load.seen || count !== load.from || failed)) {
    // Ended: say what arrived (a failure is the Error part's to say, as an alert).
    setLoad(null);
    const added = count - load.from;
    const text = failed
      ? ''
      : added > 0
        ? `${plural(added, load.from ? 'more task' : 'task')} loaded${hasMore ? '' : '. That is all of them'}`
        : load.from && !hasMore
          ? 'No more tasks'
          : '';
    if (text) setSaid((current) => ({ text, count: current.count + 1 }));
    if (load.byButton && added > 0) setFocusFrom(load.from);
  }

  const startLoad = useCallback(
    () =>
      setLoad((current) =>
        current ? { ...current, byButton: true } : { from: count, seen: false, byButton: true },
      ),
    [count],
  );
  const focused = useCallback(() => setFocusFrom(null), []);
  return { said, focusFrom, startLoad, focused };
}
