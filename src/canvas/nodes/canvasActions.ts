import { createContext } from 'react';

/** What a node's own controls (a container's part chips) can ask of the canvas. */
export interface CanvasActions {
  select(id: string): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ select: () => undefined });
