import { typeChecksWith } from './support/consumer-projects.js';

typeChecksWith('typescript-5');
