import { mountSurface } from '../../shared/mount';
import { IssuePanel } from './IssuePanel';

void mountSurface(<IssuePanel />);
