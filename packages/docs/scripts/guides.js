// @ts-check
// The guides: markdown files in guides/, shown as sections of the reference (trait
// tags grouped under "Guides"), plus "What is inferred", generated from the spec.
import { readdirSync, readFileSync } from 'node:fs';
import { inferredItems } from './provenance.js';

export const INFERRED_GUIDE = 'What is inferred';

/** @typedef {{ name: string, markdown: string }} Guide */

/**
 * The hand-written guides, in file-name order, each named by its first heading.
 * @param {URL} dir
 * @returns {Guide[]}
 */
export function loadGuides(dir) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const heading = /^# (.+)\n+/.exec(text);
      if (!heading) throw new Error(`guides/${file} must start with a "# Title" line.`);
      return { name: (heading[1] ?? '').trim(), markdown: text.slice(heading[0].length).trim() };
    });
}

/**
 * "What is inferred": every item each description marks inferred, with where it is and why.
 * @param {{ title: string, document: any }[]} descriptions
 */
export function inferredGuide(descriptions) {
  const sections = descriptions.map(({ title, document }) => {
    const items = inferredItems(document);
    const lines = items.map(({ location, pointer, reason }) => `- **${location}** (\`${pointer}\`): ${reason}`);
    return `### ${title}\n\n${items.length} inferred item${items.length === 1 ? '' : 's'}.\n\n${lines.join('\n')}`;
  });
  return [
    'Amili publishes reference pages, not a machine-readable description, and',
    'several pages could not be read. Where the spec had to fill a gap, it says so',
    'with `x-provenance: inferred` and a reason. This list is generated from the',
    'spec at build time; each entry names where the guess is and what it rests on.',
    'Everything not listed here is as Amili shows it.',
    '',
    ...sections.flatMap((/** @type {string} */ section) => [section, '']),
  ].join('\n');
}

/**
 * Adds the guides as tags before the API's own, and groups the navigation: guides, then the API.
 * @param {any} document
 * @param {Guide[]} guides
 */
export function addGuides(document, guides) {
  const guideTags = guides.map(({ name, markdown }) => ({ name, description: markdown, 'x-traitTag': true }));
  const apiTags = (document.tags ?? []).map((/** @type {{ name: string }} */ tag) => tag.name);
  document.tags = [...guideTags, ...(document.tags ?? [])];
  document['x-tagGroups'] = [
    { name: 'Guides', tags: guideTags.map((tag) => tag.name) },
    { name: 'API reference', tags: apiTags.filter((/** @type {string} */ name) => name !== 'Webhooks') },
    ...(apiTags.includes('Webhooks') ? [{ name: 'Webhooks', tags: ['Webhooks'] }] : []),
  ];
  return document;
}
