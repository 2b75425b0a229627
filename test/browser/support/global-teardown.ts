import { stopSharedBrowser } from './shared-browser';

export default stopSharedBrowser;
