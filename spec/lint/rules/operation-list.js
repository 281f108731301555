// The description must hold exactly the operations (and webhooks) Amili lists,
// under Amili's own operationIds: a missing, extra or renamed one is an error.
// Options: operationIds (for paths) and webhooks (webhook names), both lists.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function compare(kind, actual, expected, report) {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const twice = actual.filter((name, i) => actual.indexOf(name) !== i);
  if (missing.length) report(`Missing ${kind}: ${missing.join(', ')}. Add them, or remove them from the list in redocly.yaml.`);
  if (extra.length) report(`Unexpected ${kind}: ${extra.join(', ')}. Amili does not list them: fix the name, or add it to the list in redocly.yaml.`);
  if (twice.length) report(`Duplicate ${kind}: ${[...new Set(twice)].join(', ')}.`);
}

export default function OperationList({ operationIds = [], webhooks } = {}) {
  return {
    Root: {
      leave(root, ctx) {
        const report = (message) => ctx.report({ message, location: ctx.location });
        const resolve = (node) => ctx.resolve(node).node ?? {};
        const operationIdsIn = (pathItems) =>
          Object.values(pathItems ?? {}).flatMap((item) => {
            const resolved = resolve(item);
            return METHODS.filter((method) => resolved[method]).map((method) => resolve(resolved[method]).operationId);
          });
        compare('operationIds', operationIdsIn(root.paths), operationIds, report);
        if (webhooks) compare('webhooks', Object.keys(root.webhooks ?? {}), webhooks, report);
      },
    },
  };
}
