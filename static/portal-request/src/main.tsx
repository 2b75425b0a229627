import { mountSurface } from '../../shared/mount';
import { PortalRequestPanel } from './PortalRequestPanel';

void mountSurface(<PortalRequestPanel />);
