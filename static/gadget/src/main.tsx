import { mountSurface } from '../../shared/mount';
import { Gadget } from './Gadget';

void mountSurface(<Gadget />);
