import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const here = (name: string) => new URL(`./${name}`, import.meta.url);

/**
 * SARIF 2.1.0 as the SARIF SDK ships it (see README.md here). It is written
 * for JSON Schema 2020-12, hence Ajv2020. `strictRequired` is off because the
 * schema itself lists required properties inside anyOf branches that do not
 * declare them; every other strict check stays on.
 */
const sarifAjv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(sarifAjv);
const sarifSchema = JSON.parse(readFileSync(here('sarif-2.1.0.json'), 'utf8'));
const validateSarifLog = sarifAjv.compile(sarifSchema);

/** The schema's complaints about a SARIF log; empty when it is valid. */
export function sarifProblems(log: unknown): string[] {
  if (validateSarifLog(log)) return [];
  return (validateSarifLog.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

const junitSchema = readFileSync(here('jenkins-junit.xsd'), 'utf8');

/**
 * The Jenkins JUnit schema's complaints about a JUnit XML file; empty when it
 * is valid. xmllint-wasm is libxml2's own xmllint compiled to WebAssembly: the
 * same validator as Debian's libxml2-utils, installed by npm with the rest, so
 * the unit and end-to-end tests need no system package, no root and no Java.
 */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.junit.xml', contents: xml }],
    schema: [{ fileName: 'jenkins-junit.xsd', contents: junitSchema }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
