import { declarePart } from '../support/unit-tier';

declarePart(4);
