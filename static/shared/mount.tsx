import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { toSurfaceContext } from './context/extension';
import { SurfaceContextProvider } from './context/SurfaceContextProvider';
import './styles.css';

/** Starts a surface: Jira's theme (light or dark) first, then the app with its Forge context. */
export async function mountSurface(app: ReactNode): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  const [, context] = await Promise.all([view.theme.enable(), view.getContext()]);
  createRoot(root).render(
    <StrictMode>
      <SurfaceContextProvider value={toSurfaceContext(context)}>{app}</SurfaceContextProvider>
    </StrictMode>,
  );
}
