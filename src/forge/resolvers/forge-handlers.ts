import { createBulkConsumer } from './bulk-consumer';
import { createResolver } from './create-resolver';
import { forgeBackendServices } from './forge-services';

const services = forgeBackendServices();

/** The Custom UI surfaces' resolver function (`manifest.yml`: function `resolver`). */
export const resolver = createResolver(services).getDefinitions();

/** The bulk-linking queue's consumer (`manifest.yml`: function `bulk-consumer`). */
export const bulkConsumer = createBulkConsumer(services);
