import { describeResponsive } from './support/responsive';

describeResponsive(['projectPage', 'projectSettings']);
