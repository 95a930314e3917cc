import { IMPORT_LIMITS } from './records.js';
import type { XmlRecord } from './xml-record.js';

/** A true/false element: absent or empty is false; anything but true/false/1/0 is undefined (the record is broken). */
export function xmlFlag(record: XmlRecord, path: string): boolean | undefined {
  const text = record.text(path)?.toLowerCase() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  return text === 'true' || text === '1' ? true : undefined;
}

/** Why a record cannot be imported because it was over a cap; null when it was kept whole. */
export function recordProblem(record: XmlRecord, maxBodyChars: number): string | null {
  if (record.tooLarge) return `it is larger than ${IMPORT_LIMITS.maxRecordChars} characters`;
  if (record.tooDeep) return `it is nested deeper than ${IMPORT_LIMITS.maxRecordDepth} levels`;
  const [field] = record.tooLong;
  if (field === undefined) return null;
  return `its ${field.replace(/^\w+:/, '')} is longer than ${maxBodyChars} characters`;
}
