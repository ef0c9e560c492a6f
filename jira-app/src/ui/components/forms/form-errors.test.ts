import { splitErrors } from './form-errors';

describe('splitErrors', () => {
  it('puts each issue on the field its path ends in, and the rest above the form', () => {
    const split = splitErrors(
      {
        code: 'invalid-payload',
        message: 'createKr: kr.title: expected a title',
        issues: [
          { where: 'kr.title', message: 'expected a title' },
          { where: 'kr.target', message: 'expected a number' },
          { where: 'objective', message: 'expected an id' },
        ],
      },
      ['title', 'target', 'start'],
    );
    expect(split).toEqual({ byField: { title: 'expected a title', target: 'expected a number' }, rest: ['objective: expected an id'] });
  });

  it('shows the message, with the next step, when the error names no issue', () => {
    expect(splitErrors({ code: 'forbidden', message: 'Only the owners of Engineering or a Jira admin may change its OKRs.' }, ['title'])).toEqual({
      byField: {},
      rest: ['Only the owners of Engineering or a Jira admin may change its OKRs. Ask an owner of the department or a Jira admin.'],
    });
  });
});
