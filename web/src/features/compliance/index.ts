export { canSeeCompliance } from './compliance-api';
export { CompliancePage } from './compliance-page';
