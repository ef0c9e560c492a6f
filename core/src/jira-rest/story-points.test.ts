import { pickStoryPointsField } from './story-points';

const number = { type: 'number' };

test('finds the custom number field named Story Points', () => {
  const lookup = pickStoryPointsField([
    { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string' } },
    { id: 'customfield_10028', name: 'Story Points', custom: true, schema: number },
  ]);
  expect(lookup).toEqual({ kind: 'found', field: { id: 'customfield_10028', name: 'Story Points', custom: true }, alternatives: [] });
});

test('prefers Story Points over Story point estimate and lists the other as an alternative', () => {
  const lookup = pickStoryPointsField([
    { id: 'customfield_10016', name: 'Story point estimate', custom: true, schema: number },
    { id: 'customfield_10028', name: 'Story Points', custom: true, schema: number },
  ]);
  expect(lookup).toEqual({
    kind: 'found',
    field: { id: 'customfield_10028', name: 'Story Points', custom: true },
    alternatives: [{ id: 'customfield_10016', name: 'Story point estimate', custom: true }],
  });
});

test('matches names case-insensitively and breaks ties by the lower field number', () => {
  const lookup = pickStoryPointsField([
    { id: 'customfield_10200', name: 'story points', custom: true, schema: number },
    { id: 'customfield_10030', name: 'STORY POINTS', custom: true, schema: number },
  ]);
  expect(lookup.kind === 'found' && [lookup.field.id, ...lookup.alternatives.map((f) => f.id)]).toEqual(['customfield_10030', 'customfield_10200']);
});

test('ignores fields with the right name that are not custom number fields, and reports them', () => {
  const lookup = pickStoryPointsField([
    { id: 'customfield_10001', name: 'Story Points', custom: true, schema: { type: 'string' } },
    { id: 'storypoints', name: 'Story point estimate', custom: false, schema: number },
    { id: 'customfield_10002', name: 'Points', custom: true, schema: number },
  ]);
  expect(lookup).toEqual({
    kind: 'not-found',
    nearMisses: [
      { id: 'customfield_10001', name: 'Story Points', custom: true },
      { id: 'storypoints', name: 'Story point estimate', custom: false },
    ],
  });
});
