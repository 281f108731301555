// @ts-check
// Turns the measurements into results.json and a markdown table: each figure beside
// its target, and whether it is met.
import { cpus, freemem, release, totalmem, type } from 'node:os';

const fmt = (/** @type {number} */ value, digits = 2) =>
  Number.isFinite(value) ? value.toFixed(digits) : String(value);
const kb = (/** @type {number} */ bytes) => `${fmt(bytes / 1000, 1)} kB`;
const ms = (/** @type {number} */ value) => (value >= 1000 ? `${fmt(value / 1000, 2)} s` : `${fmt(value, 0)} ms`);

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Number(fmt(totalmem() / 2 ** 30, 1)),
    freeMemoryGb: Number(fmt(freemem() / 2 ** 30, 1)),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/**
 * Rows of [measure, figure, target, met] per section, from the results.
 * @param {any} results what run.js measured
 * @returns {{ title: string, rows: (string | boolean)[][] }[]}
 */
export function rows(results) {
  /** @type {{ title: string, rows: (string | boolean)[][] }[]} */
  const sections = [];
  const { network, inProcess, ownFetch } = results.requestCost;
  /** @param {Record<string, any>} variants */
  const byVariant = (variants) => Object.entries(variants).filter(([name]) => name !== 'clientVsOpenapiFetch');
  /**
   * The client against openapi-fetch over loopback, round by round, against the 1.05× target.
   * @param {{ ratio: number, spread: number, extraMicroseconds: number }} versus
   * @param {boolean} withMicroseconds whether the figure gives the difference too
   */
  const versusRow = (versus, withMicroseconds) => [
    '@autocollect/client ÷ openapi-fetch, round by round',
    `${fmt(versus.ratio, 3)}× (±${fmt(versus.spread * 50, 1)}%)${withMicroseconds ? `, +${fmt(versus.extraMicroseconds, 1)} µs` : ''}`,
    '≤ 1.05×',
    versus.ratio <= 1.05,
  ];
  sections.push({
    title: 'Request cost: GetInvoiceById over loopback, ratio to raw fetch (median of interleaved rounds)',
    rows: [
      ...byVariant(network).map(([name, value]) => [
        name,
        `${fmt(value.ratio)}× (${fmt(value.microseconds, 0)} µs/request, ±${fmt(value.spread * 50, 1)}%)`,
        '',
        '',
      ]),
      versusRow(network.clientVsOpenapiFetch, false),
    ],
  });
  const node24 = results.requestCost.networkOnNode24;
  if (node24) {
    sections.push({
      title: `Request cost on Node ${node24.version}, which users run: GetInvoiceById over loopback, the client against openapi-fetch`,
      rows: [
        ...byVariant(node24)
          .filter(([name]) => name !== 'version')
          .map(([name, value]) => [name, `${fmt(value.microseconds, 0)} µs/request`, '', '']),
        versusRow(node24.clientVsOpenapiFetch, true),
      ],
    });
  }
  for (const [title, variants, target] of /** @type {const} */ ([
    [
      'In process, the platform fetch answered by an in-process dispatcher (the default path), µs per call',
      inProcess,
      true,
    ],
    ['In process, with a fetch of your own that answers at once, µs per call', ownFetch, false],
  ])) {
    sections.push({
      title,
      rows: [
        ...byVariant(variants).map(([name, value]) => [
          name,
          `${fmt(value.microseconds)} µs (${fmt(value.ratio)}× raw fetch)`,
          '',
          '',
        ]),
        [
          '@autocollect/client − openapi-fetch, round by round',
          `+${fmt(variants.clientVsOpenapiFetch.extraMicroseconds, 1)} µs (${fmt(variants.clientVsOpenapiFetch.ratio, 3)}×)`,
          target ? '≤ +15 µs' : '',
          target ? variants.clientVsOpenapiFetch.extraMicroseconds <= 15 : '',
        ],
      ],
    });
  }
  const sizes = results.bundleSizes;
  const main = sizes['@autocollect/client (main entry, openapi-fetch included)'];
  const webhooks = sizes['@autocollect/client/webhooks'];
  sections.push({
    title: 'Bundle size (esbuild, browser, minified / minified + gzip)',
    rows: Object.entries(sizes).map(([name, size]) => {
      const target = size === main ? '≤ 6 kB gzip' : size === webhooks ? '≤ 2 kB gzip' : '';
      const met = size === main ? size.gzip <= 6_000 : size === webhooks ? size.gzip <= 2_000 : '';
      return [name, `${kb(size.minified)} / ${kb(size.gzip)}`, target, met];
    }),
  });
  const { steps, build, growth } = results.regeneration;
  sections.push({
    title: 'Regeneration on our spec (median of runs)',
    rows: [
      ...Object.entries(steps).map(([name, value]) => [name, ms(value), '', '']),
      ...Object.entries(build).map(([name, value]) => [
        name,
        ms(value),
        name.includes('warm') ? '≤ 2 s' : '',
        name.includes('warm') ? value <= 2000 : '',
      ]),
    ],
  });
  sections.push({
    title: '`npm run dev`: a one-file edit saved, to the reloaded page showing it in Chromium (median)',
    rows: Object.entries(results.devLoop.editToBrowser).map(([name, value]) => [
      name,
      ms(/** @type {number} */ (value)),
      '≤ 2 s',
      /** @type {number} */ (value) <= 2000,
    ]),
  });
  sections.push({
    title: '`npm run dev`: of which the rebuild (bundle, lint, types, docs page), as it reports it (median)',
    rows: Object.entries(results.devLoop.rebuild).map(([name, value]) => [
      name,
      ms(/** @type {number} */ (value)),
      '',
      '',
    ]),
  });
  const scales = Object.keys(growth);
  const largest = growth[scales[scales.length - 1]];
  const middle = growth[scales[scales.length - 2]];
  sections.push({
    title: `Growth: the same steps on synthetic specs (${scales.map((s) => `${s} = ${growth[s].operations} operations`).join(', ')}), time per operation`,
    rows: Object.keys(largest.perOperation).map((step) => [
      step,
      scales.map((scale) => `${scale}: ${fmt(growth[scale].perOperation[step])} ms`).join(', '),
      `flat: ${scales.at(-1)} no more than ${scales.at(-2)} per operation`,
      largest.perOperation[step] <= middle.perOperation[step] * 1.1,
    ]),
  });
  sections.push({
    title: `Consumer type-check: tsc --noEmit on a file that calls every operation (${results.typecheck.operations} operations)`,
    rows: Object.entries(results.typecheck)
      .filter(([key]) => key !== 'operations')
      .map(([name, value]) => [
        `${name} (${value.version})`,
        `${ms(value.milliseconds)}, ${value.instantiations.toLocaleString('en')} instantiations, ${value.types.toLocaleString('en')} types`,
        '',
        '',
      ]),
  });
  const memory = results.memory;
  sections.push({
    title: 'Memory: walking 100,000 items against 1,000 (each walk its own process)',
    rows: Object.entries(memory).map(([name, value]) => [
      name,
      `peak RSS ${fmt(value.small.peakRssMb, 1)} → ${fmt(value.large.peakRssMb, 1)} MB (+${fmt(value.peakRssGrowthMb, 1)}); heap after GC ${fmt(value.small.heapAfterGcMb, 1)} → ${fmt(value.large.heapAfterGcMb, 1)} MB (+${fmt(value.retainedGrowthMb, 1)})`,
      name === 'client.paginate' ? 'peak RSS within 10 MB of 1,000' : '',
      name === 'client.paginate' ? value.peakRssGrowthMb <= 10 : '',
    ]),
  });
  const { throughput, prismVersion, memory: loaded } = results.sandbox;
  sections.push({
    title: `Sandbox: requests per second against Stoplight Prism ${prismVersion} (\`prism mock\` of the same bundle), each in its own process, 10 connections (median of interleaved rounds)`,
    rows: Object.entries(throughput).map(([operation, value]) => [
      operation,
      `${fmt(value.ratio, 1)}× (${fmt(value.sandbox, 0)} against ${fmt(value.prism, 0)} requests/s)`,
      '≥ 5× Prism',
      value.ratio >= 5,
    ]),
  });
  sections.push({
    title: 'Sandbox: memory while it takes 100,000 invoices in batches of 1,000 (its own process)',
    rows: [
      [
        'peak RSS',
        `${fmt(loaded.loaded.peakRssMb, 0)} MB (${fmt(loaded.idle.rssMb, 0)} MB at start; the 100 batches took ${fmt(loaded.seconds, 1)} s)`,
        '< 300 MB',
        loaded.loaded.peakRssMb < 300,
      ],
    ],
  });
  const { specDiff } = results;
  sections.push({
    title: `\`npm run spec:diff\` on a real change, in a copy of the repo (the command alone, without npm's start; median of ${specDiff.runs})`,
    rows: [
      ['first comparison with a base, the change built', `${fmt(specDiff.first, 2)} s`, '≤ 3 s', specDiff.first <= 3],
      ['the same again (bundles and types read back)', `${fmt(specDiff.again, 2)} s`, '≤ 3 s', specDiff.again <= 3],
    ],
  });
  const suite = results.testSuite;
  const over = suite.files.filter((/** @type {{ seconds: number }} */ file) => file.seconds > 30);
  sections.push({
    title: '`npm test` with every task run (`npm test -- --force`, dependencies installed, runtimes fetched)',
    rows: [
      ['wall time', `${fmt(suite.seconds, 0)} s`, '≤ 120 s', suite.seconds <= 120],
      [
        'test files over 30 s',
        over.length ? over.map((/** @type {any} */ f) => `${f.file} (${fmt(f.seconds, 0)} s)`).join(', ') : 'none',
        'none',
        over.length === 0,
      ],
      ...suite.files
        .slice(0, 5)
        .map((/** @type {{ file: string, seconds: number }} */ file, /** @type {number} */ index) => [
          `slowest file ${index + 1}`,
          `${file.file}: ${fmt(file.seconds, 1)} s`,
          '',
          '',
        ]),
      // A package's files start once its global setup is done: the release tests' makes the
      // release two of their files check.
      ...suite.setups
        .filter((/** @type {{ seconds: number }} */ setup) => setup.seconds >= 5)
        .map((/** @type {{ workspace: string, seconds: number }} */ setup) => [
          'global setup',
          `${setup.workspace}: ${fmt(setup.seconds, 1)} s`,
          '',
          '',
        ]),
    ],
  });

  return sections;
}

/**
 * @param {any} results
 * @param {string[]} notes
 */
export function markdown(results, notes) {
  const m = results.machine;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${results.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB, ${m.os}, Node ${m.node}. Run with \`npm run bench\`; took ${ms(results.durationMs)}.`,
    'Ratios are measured side by side in one run; timings vary between machines, ratios much less.',
    '',
  ];
  for (const section of rows(results)) {
    lines.push(`## ${section.title}`, '', '| Measure | Figure | Target | Met |', '| --- | --- | --- | --- |');
    for (const [measure, figure, target, met] of section.rows)
      lines.push(`| ${measure} | ${figure} | ${target} | ${met === '' ? '' : met ? 'yes' : '**no**'} |`);
    lines.push('');
  }
  if (notes.length) lines.push('## Notes', '', ...notes.map((/** @type {string} */ note) => `- ${note}`), '');
  return lines.join('\n');
}
