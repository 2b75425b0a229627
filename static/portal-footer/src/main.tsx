import { mountSurface } from '../../shared/mount';
import { PortalFooter } from './PortalFooter';

void mountSurface(<PortalFooter />);
