import { createContext, useContext, type ReactNode } from 'react';
import type { SurfaceContext } from './extension';

const Context = createContext<SurfaceContext | null>(null);

export function SurfaceContextProvider({ value, children }: { value: SurfaceContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The Forge context of this frame; surfaces are only rendered once it is known. */
export function useSurfaceContext(): SurfaceContext {
  const value = useContext(Context);
  if (value === null) throw new Error('useSurfaceContext outside SurfaceContextProvider');
  return value;
}
