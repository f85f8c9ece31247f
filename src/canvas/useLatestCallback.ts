import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps its identity for the component's life and calls the latest `fn`.
 * React Flow copies every handler prop into its store when its identity changes, and every
 * store update runs the selector of every node and edge on the canvas (each edge works out
 * its end points again): handlers that depend on the nodes or the graph would cost that on
 * every drag frame and every edit.
 */
export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
