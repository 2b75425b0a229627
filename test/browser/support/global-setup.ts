import { startSharedBrowser } from './shared-browser';

export default startSharedBrowser;
