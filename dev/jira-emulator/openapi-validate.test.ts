import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { responseSchemaOf, validateOpenApi, type OpenApiDocument, type OpenApiSchema } from './openapi-validate';

const doc = JSON.parse(readFileSync(join(__dirname, 'openapi-subset.json'), 'utf8')) as OpenApiDocument;
const ref = (name: string): OpenApiSchema => ({ $ref: `#/components/schemas/${name}` });

describe('validateOpenApi', () => {
  it('accepts a search page that follows SearchAndReconcileResults', () => {
    const page = { issues: [{ id: '10001', key: 'ENG-1', self: 'http://x/rest/api/3/issue/10001', fields: { summary: 'x' } }], isLast: true };
    expect(validateOpenApi(page, ref('SearchAndReconcileResults'), doc)).toEqual([]);
  });

  it('fails on a wrong type and names the path', () => {
    expect(validateOpenApi({ issues: [{ id: 10001 }], isLast: 'yes' }, ref('SearchAndReconcileResults'), doc)).toEqual([
      '$.issues[0].id: expected string, got integer',
      '$.isLast: expected boolean, got string',
    ]);
  });

  it('fails on a missing required property', () => {
    expect(validateOpenApi({ foo: 1 }, ref('BulkFetchIssueRequestBean'), doc)).toEqual([
      '$: missing required property "issueIdsOrKeys"',
      '$.foo: property not allowed by the schema',
    ]);
    expect(validateOpenApi({ id: 'x', key: 'x', name: 'x', schema: {} }, ref('FieldDetails'), doc)).toEqual(['$.schema: missing required property "type"']);
  });

  it('fails on a property additionalProperties: false forbids, and checks additionalProperties schemas', () => {
    expect(validateOpenApi({ count: 3, total: 3 }, ref('JQLCountResultsBean'), doc)).toEqual(['$.total: property not allowed by the schema']);
    expect(validateOpenApi({ errorMessages: ['x'], errors: { jql: 3 } }, ref('ErrorCollection'), doc)).toEqual(['$.errors.jql: expected string, got integer']);
  });

  it('treats null as a wrong type unless nullable', () => {
    expect(validateOpenApi(null, { type: 'string' }, doc)).toEqual(['$: expected string, got null']);
    expect(validateOpenApi(null, { type: 'string', nullable: true }, doc)).toEqual([]);
    expect(validateOpenApi({ nextPageToken: null, issues: [] }, ref('SearchAndReconcileResults'), doc)).toEqual(['$.nextPageToken: expected string, got null']);
  });

  it('checks enum, integer, allOf, anyOf and oneOf', () => {
    expect(validateOpenApi('OTHER', { type: 'string', enum: ['PROJECT', 'TEMPLATE'] }, doc)).toEqual(['$: expected one of "PROJECT", "TEMPLATE", got "OTHER"']);
    expect(validateOpenApi(1.5, { type: 'integer' }, doc)).toEqual(['$: expected integer, got number']);
    expect(validateOpenApi({ type: 1 }, { allOf: [ref('JsonTypeBean')] }, doc)).toEqual(['$.type: expected string, got integer']);
    expect(validateOpenApi(true, { anyOf: [{ type: 'string' }, { type: 'integer' }] }, doc)).toEqual(['$: matches none of the anyOf schemas']);
    expect(validateOpenApi(3, { oneOf: [{ type: 'number' }, { type: 'integer' }] }, doc)).toEqual(['$: matches 2 of the oneOf schemas, expected exactly 1']);
    expect(validateOpenApi('3', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, doc)).toEqual([]);
  });

  it('finds the response schema of an operation in the copied document', () => {
    expect(responseSchemaOf(doc, '/rest/api/3/search/jql', 'post', '200')).toEqual(ref('SearchAndReconcileResults'));
    expect(responseSchemaOf(doc, '/rest/api/3/field', 'get', '200')).toEqual({ type: 'array', items: ref('FieldDetails') });
    expect(responseSchemaOf(doc, '/rest/api/3/search/jql', 'get', '400')).toBeNull();
  });

  it('refuses a $ref the document does not hold', () => {
    expect(() => validateOpenApi({}, ref('Nope'), doc)).toThrow('unresolved $ref #/components/schemas/Nope');
  });
});
