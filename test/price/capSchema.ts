/** Validates a CAP message against the CAP 1.2 schema the platform ships. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(new URL('../../src/price/cap/CAP-v1.2.xsd', import.meta.url), 'utf8');

export async function capSchemaErrors(xml: string, name = 'alert.xml'): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: name, contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
  return result.valid ? [] : result.errors.map((e) => e.message);
}

export async function assertValidCap(xml: string, name = 'alert.xml'): Promise<void> {
  assert.deepEqual(await capSchemaErrors(xml, name), []);
}
