// Redocly plugin with the rules that configurable rules cannot express.
import ProvenanceReason from './rules/provenance-reason.js';

export default function autocollectPlugin() {
  return {
    id: 'autocollect',
    rules: {
      oas3: {
        'provenance-reason': ProvenanceReason,
      },
    },
  };
}
