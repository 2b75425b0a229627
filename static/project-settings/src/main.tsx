import { mountSurface } from '../../shared/mount';
import { ProjectSettings } from './ProjectSettings';

void mountSurface(<ProjectSettings />);
