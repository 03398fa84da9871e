// Compile every govdisclose JSON Schema with Ajv (Draft 2020-12, strict mode) and validate
// JSON documents with them: a second, independent implementation next to Python's jsonschema.
//
//   node tests/js/validate.mjs SCHEMA_DIR                       compile every *.schema.json
//   node tests/js/validate.mjs SCHEMA_DIR NAME FILE.json...     validate files against NAME
//   node tests/js/validate.mjs SCHEMA_DIR --stdin               validate a batch:
//       stdin  [{"schema": "catalogue", "document": {...}}, ...]
//       stdout [{"valid": true, "errors": []}, ...]             (one result per case, in order)
//
// Exit status: 0 everything compiled and every document is valid; 1 some document is invalid;
// 2 usage error, unreadable input or a schema Ajv refuses in strict mode.
// Needs `npm ci --prefix tests/js` (ajv and ajv-formats, pinned in package-lock.json).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

function fail(message) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.exit(2);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    return fail(`${path}: ${err.message}`);
  }
}

/** Compile every schema in `dir`; return name → validate function. */
export function compileAll(dir) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validators = new Map();
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort();
  } catch (err) {
    return fail(`${dir}: ${err.message}`);
  }
  if (files.length === 0) fail(`${dir}: no *.schema.json files`);
  for (const file of files) {
    const name = file.slice(0, -".schema.json".length);
    try {
      validators.set(name, ajv.compile(readJson(join(dir, file))));
    } catch (err) {
      fail(`${file}: Ajv (strict) refuses the schema: ${err.message}`);
    }
  }
  return validators;
}

function check(validators, name, document) {
  const validate = validators.get(name);
  if (!validate) fail(`unknown schema ${JSON.stringify(name)}; known: ${[...validators.keys()]}`);
  const valid = validate(document);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  return { valid, errors: valid ? [] : errors };
}

function main(argv) {
  const [dir, ...rest] = argv;
  if (!dir) fail("usage: validate.mjs SCHEMA_DIR [NAME FILE.json... | --stdin]");
  const validators = compileAll(dir);
  let results;
  if (rest[0] === "--stdin") {
    let cases;
    try {
      cases = JSON.parse(readFileSync(0, "utf8"));
    } catch (err) {
      return fail(`stdin: ${err.message}`);
    }
    if (!Array.isArray(cases)) fail("stdin: expected a JSON array of cases");
    results = cases.map((c) => check(validators, c.schema, c.document));
    process.stdout.write(JSON.stringify(results) + "\n");
  } else if (rest.length === 0) {
    process.stdout.write(`compiled ${validators.size} schemas: ${[...validators.keys()].join(", ")}\n`);
    return 0;
  } else {
    const [name, ...files] = rest;
    if (files.length === 0) fail("give at least one FILE.json to validate");
    results = files.map((file) => {
      const result = check(validators, name, readJson(file));
      const detail = result.valid ? "valid" : `invalid\n  ${result.errors.join("\n  ")}`;
      process.stdout.write(`${file}: ${detail}\n`);
      return result;
    });
  }
  return results.every((r) => r.valid) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
