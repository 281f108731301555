// What the generated metadata says of each operation's success, which decides how the client
// reads a body: its media type, or none. OpenAPI lets a success be a code (202) or the range
// 2XX, and a code takes precedence over the range that covers it.
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../scripts/generate.js';

/** A description whose one operation answers with the responses given. */
const answering = (responses: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 'Test', version: '1' },
  paths: { '/reports': { get: { operationId: 'GetReport', responses } } },
});

describe('operation metadata, of the success response', () => {
  it('a success given as 2XX names its media type, or says it has no body', () => {
    const pdf = { description: 'The report.', content: { 'application/pdf': { schema: { type: 'string' } } } };
    expect(operationMetadata(answering({ '2XX': pdf }))['GET /reports']).toEqual({
      operationId: 'GetReport',
      successMediaType: 'application/pdf',
    });
    expect(operationMetadata(answering({ '2XX': { description: 'Done.' } }))['GET /reports']).toEqual({
      operationId: 'GetReport',
      noContent: true,
    });
  });

  it('an explicit success code takes precedence over 2XX, wherever it stands', () => {
    const responses = {
      '2XX': { description: 'Any other success.' },
      '200': { description: 'The report.', content: { 'text/csv': { schema: { type: 'string' } } } },
    };
    expect(operationMetadata(answering(responses))['GET /reports']).toEqual({
      operationId: 'GetReport',
      successMediaType: 'text/csv',
    });
  });
});
