import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapePointerPart, unescapePointerPart } from '@autocollect/spec/description';
import { describe, expect, it } from 'vitest';
import { pages } from './support/bundle.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const main = JSON.parse(readFileSync(`${packageDir}dist/openapi.docs.json`, 'utf8'));
const guide: string = main.tags.find((tag: { name: string }) => tag.name === 'What is inferred').description;

/** Every JSON pointer a bundle marks inferred, found by a walk of its own. */
function markedInferred(node: unknown, pointer = '#'): string[] {
  if (!node || typeof node !== 'object') return [];
  const here = (node as Record<string, unknown>)['x-provenance'] === 'inferred' ? [pointer] : [];
  return [
    ...here,
    ...Object.entries(node).flatMap(([key, value]) => markedInferred(value, `${pointer}/${escapePointerPart(key)}`)),
  ];
}

/** The pointers the guide lists under one description's heading. */
function listed(title: string): string[] {
  const section = guide.split(/^### /m).find((part) => part.startsWith(`${title}\n`)) ?? '';
  return [...section.matchAll(/^- \*\*.+?\*\* \(`(#[^`]*)`\): .+$/gm)].map((match) => match[1]!);
}

describe('the "What is inferred" guide', () => {
  it.each(pages.map((p) => [p.document.info.title, p.document] as const))(
    'lists exactly what %s marks inferred',
    (title, document) => {
      const expected = markedInferred(document);
      expect(expected.length).toBeGreaterThan(3);
      expect(listed(title).sort()).toEqual(expected.sort());
    },
  );

  it('gives every item its reason from the spec', () => {
    for (const { document } of pages) {
      for (const pointer of markedInferred(document)) {
        const node = pointer
          .split('/')
          .slice(1)
          .reduce((n: any, part) => n[unescapePointerPart(part)], document);
        expect(guide).toContain(`(\`${pointer}\`): ${node['x-provenance-reason']}`);
      }
    }
  });

  it('is a section of the main page, beside the marks on the inferred operations', () => {
    expect(main['x-tagGroups'][0].tags).toContain('What is inferred');
    const pause = main.paths['/orgs/{organizationId}/cases/{caseId}/pause'].post;
    expect(pause['x-badges']).toEqual([{ name: 'Inferred', color: '#b45309' }]);
    expect(pause.description).toMatch(/^> \*\*Inferred\.\*\* /);
  });
});

describe('links to the guide', () => {
  it.each(pages.map((p) => [p.page, p.bundleName] as const))(
    '%s links to "What is inferred" where the guide is: a section hash Redoc routes',
    (page, bundleName) => {
      const rendered = readFileSync(`${packageDir}dist/${bundleName}.docs.json`, 'utf8');
      const links = [...rendered.matchAll(/\[What is inferred\]\(([^)]*)\)/g)].map((match) => match[1]);
      // The main page has inferred operations; a page without any has no such link.
      if (page === 'index.html') expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link).toBe(page === 'index.html' ? '#/what-is-inferred' : 'index.html#/what-is-inferred');
      }
      expect(rendered).not.toContain('#tag/');
    },
  );
});
