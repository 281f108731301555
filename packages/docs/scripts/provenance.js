// @ts-check
// Finds what a description marks `x-provenance: inferred`, names where it is, and
// marks it visibly for readers of the rendered page.
import { escapePointerPart, HTTP_METHODS, unescapePointerPart } from '@autocollect/spec/description';

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];

/** @typedef {{ pointer: string, location: string, reason: string }} InferredItem */

/**
 * Every inferred item: its JSON pointer, a readable location and the reason.
 * @param {any} document
 * @returns {InferredItem[]}
 */
export function inferredItems(document) {
  /** @type {InferredItem[]} */
  const items = [];
  /** @type {(node: any, parts: string[]) => void} */
  const visit = (node, parts) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...parts, String(i)]);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node['x-provenance'] === 'inferred') {
      items.push({
        pointer: `#/${parts.map(escapePointerPart).join('/')}`,
        location: describe(document, parts),
        reason: node['x-provenance-reason'],
      });
    }
    for (const [key, value] of Object.entries(node)) visit(value, [...parts, key]);
  };
  visit(document, []);
  return items;
}

/**
 * A location a reader understands, such as "GetInvoicesByOrganization: query parameter From".
 * @param {any} document
 * @param {string[]} parts the JSON pointer's parts
 * @returns {string}
 */
export function describe(document, parts) {
  const [section, a, b, ...rest] = parts;
  if (section === 'servers') return `Server ${document.servers[Number(a)].url}`;
  if (section === 'components') {
    const kind =
      {
        schemas: 'Schema',
        parameters: 'Parameter',
        responses: 'Response',
        headers: 'Header',
        requestBodies: 'Request body',
        examples: 'Example',
      }[a ?? ''] ?? a;
    return `${kind} ${b}${schemaPath(rest)}`;
  }
  if ((section === 'paths' || section === 'webhooks') && a !== undefined) {
    const item = document[section][a];
    const method = b !== undefined && HTTP_METHODS.includes(b) ? b : undefined;
    const operation = method ? item[method] : undefined;
    const owner = operation?.operationId ?? `${section === 'webhooks' ? 'Webhook' : 'Path'} ${a}`;
    const inside = method ? rest : [b, ...rest].filter((part) => part !== undefined);
    if (inside.length === 0) return `Operation ${owner} (${method?.toUpperCase()} ${a})`;
    const [where, index, ...deeper] = inside;
    if (where === 'parameters') {
      const parameter = (operation ?? item).parameters[Number(index)];
      return `${owner}: ${parameter.in} parameter ${parameter.name}${schemaPath(deeper)}`;
    }
    if (where === 'responses') return `${owner}: response ${index}${schemaPath(deeper.slice(3))}`;
    if (where === 'requestBody') return `${owner}: request body${schemaPath(deeper.slice(2))}`;
    return `${owner}: ${inside.join('.')}`;
  }
  return parts.join('.');
}

/**
 * " → property debtors" for a pointer into a schema's properties.
 * @param {string[]} parts
 */
function schemaPath(parts) {
  const names = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (SCHEMA_MAPS.includes(part) && next !== undefined) {
      names.push(unescapePointerPart(next));
      i++;
    } else if (part === 'items') names.push('[]');
  }
  return names.length ? ` → property ${names.join('.').replaceAll('.[]', '[]')}` : '';
}

/**
 * Marks every inferred item where readers look: a badge and a callout on operations, a lead-in elsewhere.
 * @param {any} document
 * @param {string} [guide] where the "What is inferred" guide is, from this page
 */
export function markInferred(document, guide = '#/what-is-inferred') {
  for (const { pointer, reason } of inferredItems(document)) {
    const parts = pointer.slice(2).split('/').map(unescapePointerPart);
    const node = parts.reduce((/** @type {any} */ n, part) => n[part], document);
    if (parts[0] === 'servers') continue; // the server menu shows one line; the guide lists them
    const isOperation =
      (parts[0] === 'paths' || parts[0] === 'webhooks') && parts.length === 3 && HTTP_METHODS.includes(parts[2] ?? '');
    if (isOperation) {
      node['x-badges'] = [...(node['x-badges'] ?? []), { name: 'Inferred', color: '#b45309' }];
      node.description = `> **Inferred.** ${reason} See [What is inferred](${guide}).\n\n${node.description ?? ''}`;
    } else {
      node.description = `**Inferred:** ${reason}${node.description ? `\n\n${node.description}` : ''}`;
    }
  }
  return document;
}
