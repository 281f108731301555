// @ts-check
// The changesets waiting in .changeset/, read as `npx changeset version` reads them. One that
// cannot be read is named with what is wrong: @changesets/read throws without the file's name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parse from '@changesets/parse';

/**
 * @param {string} root the repository's root
 * @returns {{ id: string, summary: string, releases: { name: string, type: string }[] }[]}
 * @throws {Error} naming each changeset that cannot be read, what is wrong with it, and what to do
 */
export function readChangesets(root) {
  const dir = join(root, '.changeset');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.md') && !file.startsWith('.') && !/^README\.md$/i.test(file))
    .sort();
  /** @type {string[]} */
  const problems = [];
  const changesets = files.flatMap((file) => {
    try {
      return [{ ...parse(readFileSync(join(dir, file), 'utf8')), id: file.slice(0, -'.md'.length) }];
    } catch (error) {
      // The parser's words, on one line, without the file's contents it quotes after them.
      const [what = ''] = /** @type {Error} */ (error).message.split(
        /\n(?:Changeset contents|Received content|Frontmatter content|Received|Example|Expected format):/,
      );
      problems.push(`.changeset/${file}: ${what.replace(/^could not parse changeset - /, '').replace(/\n/g, ' ')}`);
      return [];
    }
  });
  if (problems.length)
    throw new Error(
      `${problems.length > 1 ? 'These changesets cannot' : 'This changeset cannot'} be read:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        "  A changeset starts with its frontmatter between two --- lines, each package's name and its bump (major, minor, patch or none):\n" +
        "    ---\n    '@autocollect/client': patch\n    ---\n" +
        `  Correct ${problems.length > 1 ? 'each' : 'it'} so, or remove it and describe the change again with \`npx changeset\`.`,
    );
  return changesets;
}
