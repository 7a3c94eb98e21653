/** Validates reports against report.schema.json (the contract for anyone reading the JSON). */
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, formats: { 'date-time': (s: string) => !Number.isNaN(Date.parse(s)) } }).compile(schema);

export function expectValidReport(report: unknown): void {
  // JSON round trip: what consumers read is the serialized form (no undefined, no bigint).
  const json = JSON.parse(JSON.stringify(report));
  if (!validate(json)) {
    throw new Error(`report does not match report.schema.json:\n${(validate.errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.message}`).join('\n')}`);
  }
}

/** A --report file, checked against the schema. */
export function readValidReport(file: string): Report {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  expectValidReport(report);
  return report;
}
