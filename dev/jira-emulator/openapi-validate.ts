/**
 * A small validator for the OpenAPI 3.0 schema subset `openapi-subset.json` uses: `type`,
 * `properties`, `required`, `items`, `additionalProperties`, `$ref` (local), `allOf`, `oneOf`,
 * `anyOf`, `nullable`, `enum`. Annotations (`format`, `readOnly`, `xml`, `description`,
 * `uniqueItems`, `default`) are not checked. Errors name the JSON path, e.g.
 * `$.issues[0].id: expected string, got number`.
 */

export interface OpenApiSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly required?: readonly string[];
  readonly items?: OpenApiSchema;
  readonly additionalProperties?: boolean | OpenApiSchema;
  readonly $ref?: string;
  readonly allOf?: readonly OpenApiSchema[];
  readonly oneOf?: readonly OpenApiSchema[];
  readonly anyOf?: readonly OpenApiSchema[];
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
}

export interface OpenApiDocument {
  readonly components?: { readonly schemas?: Readonly<Record<string, OpenApiSchema>> };
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
    case 'boolean':
      return typeof value === type;
    default:
      return true;
  }
}

function resolveRef(doc: OpenApiDocument, ref: string): OpenApiSchema {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  const schema = m ? doc.components?.schemas?.[m[1] as string] : undefined;
  if (!schema) throw new Error(`unresolved $ref ${ref}`);
  return schema;
}

/** Validates `value` against `schema`; returns the errors found (empty when valid). */
export function validateOpenApi(value: unknown, schema: OpenApiSchema, doc: OpenApiDocument, path = '$'): string[] {
  if (schema.$ref !== undefined) return validateOpenApi(value, resolveRef(doc, schema.$ref), doc, path);
  if (value === null && schema.nullable === true) return [];
  const errors: string[] = [];
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    return [`${path}: expected ${schema.type}${schema.nullable ? ' or null' : ''}, got ${typeName(value)}`];
  }
  if (schema.type === undefined && value === null && (schema.properties || schema.items)) {
    return [`${path}: expected a value, got null`];
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => e === value)) {
    errors.push(`${path}: expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  for (const sub of schema.allOf ?? []) errors.push(...validateOpenApi(value, sub, doc, path));
  if (schema.anyOf !== undefined && !schema.anyOf.some((s) => validateOpenApi(value, s, doc, path).length === 0)) {
    errors.push(`${path}: matches none of the anyOf schemas`);
  }
  if (schema.oneOf !== undefined) {
    const n = schema.oneOf.filter((s) => validateOpenApi(value, s, doc, path).length === 0).length;
    if (n !== 1) errors.push(`${path}: matches ${n} of the oneOf schemas, expected exactly 1`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => errors.push(...validateOpenApi(item, schema.items as OpenApiSchema, doc, `${path}[${i}]`)));
  }
  if (matchesType(value, 'object') && (schema.properties || schema.required || schema.additionalProperties !== undefined)) {
    errors.push(...validateObject(value as Record<string, unknown>, schema, doc, path));
  }
  return errors;
}

function validateObject(value: Record<string, unknown>, schema: OpenApiSchema, doc: OpenApiDocument, path: string): string[] {
  const errors: string[] = [];
  const props = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (!(name in value)) errors.push(`${path}: missing required property "${name}"`);
  }
  for (const [name, v] of Object.entries(value)) {
    const sub = props[name];
    const where = `${path}.${name}`;
    if (sub !== undefined) errors.push(...validateOpenApi(v, sub, doc, where));
    else if (schema.additionalProperties === false) errors.push(`${where}: property not allowed by the schema`);
    else if (typeof schema.additionalProperties === 'object') errors.push(...validateOpenApi(v, schema.additionalProperties, doc, where));
  }
  return errors;
}

/** The JSON schema of an operation's response (`content['application/json'].schema`), if the document gives one. */
export function responseSchemaOf(doc: OpenApiDocument, path: string, method: string, status: string): OpenApiSchema | null {
  const op = doc.paths?.[path]?.[method] as { responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }> } | undefined;
  return op?.responses?.[status]?.content?.['application/json']?.schema ?? null;
}
