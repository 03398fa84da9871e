// A front-end form for one catalogue item (目录事项), validated with govdisclose's JSON Schema.
//
// A county bureau's web form lets an editor add or change an item of its local catalogue.  The
// form's options (channels, audiences …) and field labels come from the exported schema
// `schemas/catalogue-item.schema.json` (each vocabulary value is {"const": code, "title": 中文});
// what the form submits is turned into the canonical JSON the library reads (codes, a time limit
// as {"text"}, numbers as numbers) and checked with Ajv before it is sent to the server.
//
//   node examples/catalogue_item_form.mjs FORM.json     validate a form's data; print the item
//   node examples/catalogue_item_form.mjs --options     print the form's options from the schema
//
// FORM.json holds what the browser form gives: strings, and arrays for multi-selects.
// Exit status: 0 valid (the canonical item is printed as JSON), 1 invalid (one line per
// problem, with the field's Chinese title), 2 unusable input.
// Needs `npm ci --prefix tests/js` (Ajv is installed there for the test suite).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/js/package.json", import.meta.url));
const Ajv2020 = require("ajv/dist/2020.js").default;
const addFormats = require("ajv-formats").default;

const schema = JSON.parse(
  readFileSync(new URL("../schemas/catalogue-item.schema.json", import.meta.url), "utf8"),
);

/** Follow `$ref`s to the definition they name. */
function resolve(node) {
  while (node && node.$ref) node = schema.$defs[node.$ref.replace("#/$defs/", "")];
  return node;
}

/** The options of a vocabulary field: [{code, label}], from the schema's oneOf. */
export function options(field) {
  let node = resolve(schema.properties[field]);
  if (node.type === "array") node = resolve(node.items);
  return node.oneOf.map((option) => ({ code: option.const, label: option.title }));
}

/** The field's Chinese title for an error at `path` (/channels/1 → 公开渠道和载体). */
function titleAt(path) {
  let node = schema;
  let title = "";
  for (const segment of path.split("/").filter(Boolean)) {
    node = resolve(node);
    if (node.anyOf) node = resolve(node.anyOf.find((branch) => branch.type !== "null"));
    node = /^\d+$/.test(segment) ? node.items : node.properties?.[segment];
    if (!node) break;
    title = node.title ?? title;
  }
  return title;
}

const text = (value) => (typeof value === "string" ? value.trim() : value);
const list = (value) =>
  Array.isArray(value)
    ? value
    : String(value ?? "")
        .split(/[,，、\n]/)
        .map((part) => part.trim())
        .filter(Boolean);
const integer = (value) => (/^\d+$/.test(text(value) ?? "") ? Number(text(value)) : text(value));

/** What the form submits → the canonical item (codes, objects, numbers); blanks are left out. */
export function formToItem(form) {
  const item = {};
  const put = (key, value) => {
    if (value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)) {
      item[key] = value;
    }
  };
  put("first_level", text(form.first_level));
  put("number", integer(form.number));
  for (const key of ["name", "content", "subject", "responsible_office"]) put(key, text(form[key]));
  if (text(form.basis)) item.basis = { text: text(form.basis) };
  if (text(form.time_limit)) {
    item.time_limit = { text: text(form.time_limit) };
    if (text(form.service_level_workdays)) {
      item.time_limit.service_level_workdays = integer(form.service_level_workdays);
    }
  }
  for (const key of ["channels", "audiences", "modes", "levels"]) put(key, list(form[key]));
  for (const key of ["push_targets", "other_channels", "third_level_items"]) {
    put(key, list(form[key]));
  }
  return item;
}

/** One message per problem: the field's title, where, and what is wrong. */
export function problems(errors) {
  const byPath = new Map();
  for (const error of errors) {
    const path =
      error.keyword === "required"
        ? `${error.instancePath}/${error.params.missingProperty}`
        : error.instancePath;
    if (!byPath.has(path)) byPath.set(path, []);
    byPath.get(path).push(error);
  }
  const out = [];
  for (const [path, found] of byPath) {
    const choice = found.find((e) => e.keyword === "oneOf" && resolve(e.parentSchema).oneOf);
    let message;
    if (choice) {
      const allowed = resolve(choice.parentSchema).oneOf.map((o) => `${o.title} ${o.const}`);
      message = `不是可选值 not one of: ${allowed.join("、")}`;
    } else if (found[0].keyword === "required") {
      message = "必填 required";
    } else {
      message = found[0].message;
    }
    out.push(`${titleAt(path)} ${path.slice(1).replaceAll("/", ".")}: ${message}`);
  }
  return out;
}

export function validateForm(form) {
  // verbose: errors carry their schema, to list the allowed values of a choice.
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const item = formToItem(form);
  return validate(item)
    ? { valid: true, item, problems: [] }
    : { valid: false, item, problems: problems(validate.errors) };
}

function main(argv) {
  if (argv[0] === "--options") {
    for (const field of ["first_level", "channels", "audiences", "modes", "levels"]) {
      const shown = options(field).map((o) => `${o.code}=${o.label}`);
      console.log(`${schema.properties[field].title} ${field}: ${shown.join(", ")}`);
    }
    return 0;
  }
  if (argv.length !== 1) {
    console.error("usage: node examples/catalogue_item_form.mjs FORM.json | --options");
    return 2;
  }
  let form;
  try {
    form = JSON.parse(readFileSync(argv[0], "utf8"));
  } catch (err) {
    console.error(`catalogue_item_form: ${argv[0]}: ${err.message}`);
    return 2;
  }
  const result = validateForm(form);
  if (!result.valid) {
    console.log(`表单有${result.problems.length}处问题 / ${result.problems.length} problem(s):`);
    for (const line of result.problems) console.log(`  ${line}`);
    return 1;
  }
  console.log(JSON.stringify(result.item, null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
