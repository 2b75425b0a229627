import { describeResponsive } from './support/responsive';

describeResponsive(['issuePanel', 'gadget']);
