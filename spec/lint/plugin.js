// @ts-check
// Redocly plugin with the rules that configurable rules cannot express.
import OperationList from './rules/operation-list.js';
import ProvenanceReason from './rules/provenance-reason.js';

export default function autocollectPlugin() {
  return {
    id: 'autocollect',
    rules: {
      oas3: {
        'operation-list': OperationList,
        'provenance-reason': ProvenanceReason,
      },
    },
  };
}
