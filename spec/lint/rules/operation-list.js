// @ts-check
// The description must hold exactly the operations (and webhooks) Amili lists,
// under Amili's own operationIds: a missing, extra or renamed one is an error.
// Options: operationIds (for paths) and webhooks (webhook names), both lists.
import { HTTP_METHODS } from '../../scripts/description.js';

/**
 * @param {string} kind
 * @param {string[]} actual
 * @param {string[]} expected
 * @param {(message: string) => void} report
 */
function compare(kind, actual, expected, report) {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const twice = actual.filter((name, i) => actual.indexOf(name) !== i);
  if (missing.length)
    report(`Missing ${kind}: ${missing.join(', ')}. Add them, or remove them from the list in redocly.yaml.`);
  if (extra.length) {
    report(
      `Unexpected ${kind}: ${extra.join(', ')}. Amili does not list them: fix the name, or add it to the list in redocly.yaml.`,
    );
  }
  if (twice.length) report(`Duplicate ${kind}: ${[...new Set(twice)].join(', ')}.`);
}

/** @type {(options: { operationIds?: string[], webhooks?: string[] }) => import('@redocly/openapi-core').Oas3Visitor} */
export default function OperationList({ operationIds = [], webhooks }) {
  return {
    Root: {
      leave(root, ctx) {
        const report = (/** @type {string} */ message) => ctx.report({ message, location: ctx.location });
        const resolve = (/** @type {any} */ node) => ctx.resolve(node).node ?? {};
        const operationIdsIn = (/** @type {Record<string, unknown> | undefined} */ pathItems) =>
          Object.values(pathItems ?? {}).flatMap((item) => {
            const resolved = resolve(item);
            return HTTP_METHODS.filter((method) => resolved[method]).map(
              (method) => resolve(resolved[method]).operationId,
            );
          });
        compare('operationIds', operationIdsIn(root.paths), operationIds, report);
        if (webhooks) compare('webhooks', Object.keys(('webhooks' in root && root.webhooks) || {}), webhooks, report);
      },
    },
  };
}
