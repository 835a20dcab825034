#!/usr/bin/env node
// Validates a CycloneDX 1.5 JSON SBOM with the CycloneDX JavaScript library's own JSON-schema
// validator (the schemas it ships, checked by ajv), then checks what the schema leaves as plain
// strings: every purl parses as a package URL and every bom-ref is unique.
// Usage: node validate-cyclonedx.js FILE
// Exit status: 0 valid, 1 invalid (each problem on a line of standard error), 2 cannot run.
'use strict';

const fs = require('node:fs');

async function main(argv) {
  if (argv.length !== 1) {
    console.error('usage: validate-cyclonedx.js FILE');
    return 2;
  }
  const CDX = require('@cyclonedx/cyclonedx-library');
  const { PackageURL } = require('packageurl-js');
  const text = fs.readFileSync(argv[0], 'utf-8');

  let bom;
  try {
    bom = JSON.parse(text);
  } catch (e) {
    console.error(`${argv[0]}: not JSON: ${e.message}`);
    return 1;
  }
  if (bom.specVersion !== '1.5') {
    console.error(`${argv[0]}: specVersion is ${JSON.stringify(bom.specVersion)}, expected "1.5"`);
    return 1;
  }

  const problems = [];
  const validator = new CDX.Validation.JsonValidator(CDX.Spec.Version.v1dot5);
  const schemaErrors = await validator.validate(text);
  for (const e of schemaErrors ?? []) problems.push(`schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

  const refs = new Set();
  const visit = (component, where) => {
    if (component['bom-ref'] !== undefined) {
      if (refs.has(component['bom-ref'])) problems.push(`${where}: duplicate bom-ref ${component['bom-ref']}`);
      refs.add(component['bom-ref']);
    }
    if (component.purl !== undefined) {
      try {
        PackageURL.fromString(component.purl);
      } catch (e) {
        problems.push(`${where}: purl ${JSON.stringify(component.purl)}: ${e.message}`);
      }
    }
    (component.components ?? []).forEach((c, i) => visit(c, `${where}.components[${i}]`));
  };
  if (bom.metadata?.component) visit(bom.metadata.component, 'metadata.component');
  (bom.components ?? []).forEach((c, i) => visit(c, `components[${i}]`));

  for (const p of problems) console.error(`${argv[0]}: ${p}`);
  return problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  err => {
    console.error(`validate-cyclonedx: ${err.stack || err}`);
    process.exit(2);
  });
