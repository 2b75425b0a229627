import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoSiteSchema } from '@preview/protocol';
import { HostApp } from './HostApp';
import { previewFetch } from './preview-fetch';
import './host.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  const response = await previewFetch('/__preview/site');
  const site = demoSiteSchema.parse(await response.json());
  createRoot(root).render(
    <StrictMode>
      <HostApp site={site} />
    </StrictMode>,
  );
}

void start();
