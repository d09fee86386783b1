import fs from 'node:fs';
import addFormatsModule from 'ajv-formats';
import { Ajv, type ValidateFunction } from 'ajv';

// HSDS 3.0's JSON Schemas (vendor/hsds-3.0/SOURCE.md), loaded into Ajv the way the specification's own CI
// does: strict off (the schemas use keywords of their own), the custom `csv` format, each modular schema
// under its file name and also under the raw.githubusercontent.com URI that openapi.json names, and, when
// `closed`, `additionalProperties: false` injected into every object, so only what HSDS names may travel.

const SCHEMA_DIR = new URL('../../../vendor/hsds-3.0/schema/', import.meta.url);
const REMOTE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

type Schema = Record<string, unknown>;

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const object = Object.fromEntries(Object.entries(node as Schema).map(([k, v]) => [k, closeObjects(v)]));
  if (object['type'] === 'object' && object['properties'] && object['additionalProperties'] === undefined)
    object['additionalProperties'] = false;
  return object;
}

function read(relative: string): Schema {
  return JSON.parse(fs.readFileSync(new URL(relative, SCHEMA_DIR), 'utf8')) as Schema;
}

export type HsdsValidators = {
  schema: (name: string) => ValidateFunction;
  page: (itemSchema: string) => ValidateFunction;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function hsdsValidators(options: { closed: boolean }): HsdsValidators {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('csv', true);
  const prepare = (schema: Schema) => (options.closed ? (closeObjects(schema) as Schema) : schema);
  const modular = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json');
  for (const file of modular) {
    const schema = prepare(read(file));
    ajv.addSchema(schema, file);
  }
  const compiled = fs.readdirSync(new URL('compiled/', SCHEMA_DIR));
  for (const file of compiled) {
    ajv.addSchema(prepare(read(`compiled/${file}`)), `${REMOTE}compiled/${file}`);
  }
  // The list items are compiled schemas, named as openapi.json names them; the rest are modular.
  const refOf = (name: string) => (compiled.includes(name) ? `${REMOTE}compiled/${name}` : name);
  const openapi = read('openapi.json') as { components: { schemas: { Page: Schema } } };
  const pageSchema = openapi.components.schemas.Page;
  return {
    schema: (name) => {
      const found = ajv.getSchema(name) ?? ajv.getSchema(`${REMOTE}compiled/${name}`);
      if (!found) throw new Error(`no HSDS schema ${name}`);
      return found;
    },
    // A page as the OpenAPI document defines it: the Page wrapper's members and `contents` of the item
    // schema, as one object (closing the wrapper alone, inside an allOf, would refuse `contents`).
    page: (itemSchema) =>
      ajv.compile(
        prepare({
          type: 'object',
          properties: {
            ...(pageSchema['properties'] as Schema),
            contents: { type: 'array', items: { $ref: refOf(itemSchema) } },
          },
          required: [
            'total_items',
            'total_pages',
            'page_number',
            'size',
            'first_page',
            'last_page',
            'empty',
            'contents',
          ],
        }),
      ),
  };
}
