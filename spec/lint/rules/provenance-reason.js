// @ts-check
// Whatever the spec marks as inferred must say why, in one sentence, so the
// docs and the "What is inferred" list can show the reason next to the guess.
const VALUES = ['documented', 'inferred'];

/** @type {() => import('@redocly/openapi-core').Oas3Visitor} */
export default function ProvenanceReason() {
  return {
    any: {
      enter(node, ctx) {
        if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
        const provenance = node['x-provenance'];
        const reason = node['x-provenance-reason'];
        if (provenance !== undefined && !VALUES.includes(provenance)) {
          ctx.report({
            message: `\`x-provenance\` must be one of ${VALUES.join(', ')}, not ${JSON.stringify(provenance)}.`,
            location: ctx.location.child('x-provenance'),
          });
        }
        if (provenance === 'inferred' && (typeof reason !== 'string' || reason.trim() === '')) {
          ctx.report({
            message:
              'Marked `x-provenance: inferred` without a reason: add `x-provenance-reason` with one sentence on what the guess is based on.',
            location: ctx.location.child('x-provenance'),
          });
        }
        if (reason !== undefined && provenance !== 'inferred') {
          ctx.report({
            message:
              '`x-provenance-reason` explains an inference: set `x-provenance: inferred` beside it, or remove the reason.',
            location: ctx.location.child('x-provenance-reason'),
          });
        }
      },
    },
  };
}
