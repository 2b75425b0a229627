import { mountSurface } from '../../shared/mount';
import { ProjectPage } from './ProjectPage';

void mountSurface(<ProjectPage />);
