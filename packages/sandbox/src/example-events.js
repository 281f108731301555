// @ts-check
// The data of a webhook event that `trigger` sends, as a sandbox holding the examples' records
// says of them. Kept out of examples.js, which the docs' build imports before the descriptions
// are bundled: this module reads them as it loads (through batches.js).
import { randomUUID } from 'node:crypto';
import { batchEventData, caseEventData, settlementEventData } from './batches.js';
import { exampleOrganization } from './contract.js';
import { addExampleRecords } from './examples.js';
import { SandboxState } from './state.js';

/**
 * A webhook event's example `data` as the examples' records have it. The description's
 * examples of events name those records (its batch, case and settlement), but do not always
 * agree with what the examples of the API answer about them (a batch PARTIAL in the event,
 * SUCCESS when fetched): an event that `trigger` sends says what a sandbox holding them answers.
 * @param {any} document the AutoCollect description
 * @param {Record<string, any>} data
 */
export function exampleEventData(document, data) {
  const state = new SandboxState({ organization: exampleOrganization(), createdBy: randomUUID() });
  addExampleRecords(state, document);
  const batch = state.batches.get(data.batchId);
  const record = state.cases.get(data.caseId);
  const settlement = state.settlements.get(data.settlementId);
  // An update's example says what changed (a case paused): those fields keep the example's values.
  const changed = Array.isArray(data.fields)
    ? Object.fromEntries(data.fields.filter((field) => field in data).map((field) => [field, data[field]]))
    : {};
  return {
    ...data,
    ...(batch && batchEventData(state, batch)),
    ...(record && caseEventData(state, record)),
    ...(settlement && settlementEventData(state, settlement)),
    ...changed,
  };
}
