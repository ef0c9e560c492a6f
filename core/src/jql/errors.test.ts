import { OkrError } from '../model/errors';
import { compileJql } from './compile';

function errorOf(text: string): string {
  try {
    compileJql(text, { now: '2026-11-05T12:00:00Z' });
  } catch (e) {
    expect(e).toBeInstanceOf(OkrError);
    expect((e as OkrError).code).toBe('invalid-jql');
    return (e as OkrError).issues.map((i) => i.message).join('\n');
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('JQL errors', () => {
  it('names the unexpected token and its position after a complete clause', () => {
    expect(errorOf('project = ENG AND key foo')).toBe(
      "Error in the JQL Query: Expecting operator but got 'foo'. The valid operators are '=', '!=', '<', '>', '<=', '>=', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 23)",
    );
    expect(errorOf('project = ENG AND key = A-1 foo')).toBe(
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 29)",
    );
  });

  it('counts lines and characters from 1 across newlines', () => {
    expect(errorOf('project = ENG\n  AND status = Done )')).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 2, character 21)");
  });

  it('reports the end of the query when a clause is cut short', () => {
    expect(errorOf('project =')).toBe('Error in the JQL Query: Expecting either a value, list or function before the end of the query. (line 1, character 10)');
    expect(errorOf('(project = P')).toBe("Error in the JQL Query: Expecting either 'OR', 'AND' or ')' before the end of the query. (line 1, character 13)");
    expect(errorOf('project in (A-1, ')).toBe('Error in the JQL Query: Expecting either a value, list or function before the end of the query. (line 1, character 18)');
  });

  it('asks for quotes around a reserved word used as a value', () => {
    expect(errorOf('status = update')).toBe(
      "Error in the JQL Query: Expecting either a value, list or function but got 'update'. You must surround 'update' in quotation marks to use it as a value. (line 1, character 10)",
    );
  });

  it('refuses reserved characters, unterminated strings and illegal escapes', () => {
    expect(errorOf('status = Done#')).toBe(
      "Error in the JQL Query: The character '#' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0023' instead. (line 1, character 14)",
    );
    expect(errorOf('status = "Done')).toBe("Error in the JQL Query: The quoted string 'Done' has not been completed. (line 1, character 10)");
    expect(errorOf('status = "Do\\qne"')).toBe("Error in the JQL Query: The escape sequence '\\q' in the quoted string 'Do' is illegal. (line 1, character 10)");
  });

  it('names a field outside the subset', () => {
    expect(errorOf('project = ENG AND assignee = bob')).toBe(
      "Field 'assignee' is not supported by this JQL subset; the supported fields are parent, key (issuekey), project, issuetype (type), status, statusCategory, updated, created, duedate, resolutiondate. (line 1, character 19)",
    );
  });

  it('reports a syntax error after an unknown field before the unknown field', () => {
    expect(errorOf('assignee = bob status')).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 16)");
  });

  it('refuses operators a field does not support, functions and history operators', () => {
    expect(errorOf('status > Done')).toBe("The operator '>' is not supported by the 'status' field. (line 1, character 8)");
    expect(errorOf('project = ENG AND summary ~ x')).toContain("Field 'summary' is not supported");
    expect(errorOf('status ~ x')).toBe("The operator '~' is not supported by the 'status' field. (line 1, character 8)");
    expect(errorOf('parent = currentUser()')).toBe("The JQL function 'currentUser()' is not supported by this JQL subset. (line 1, character 10)");
    expect(errorOf('status WAS Done')).toBe("The operator 'WAS' is not supported by this JQL subset. (line 1, character 8)");
  });

  it('refuses EMPTY where the field is never empty, and IS with a value', () => {
    expect(errorOf('project is EMPTY')).toBe("The field 'project' does not support searching for EMPTY values. (line 1, character 12)");
    expect(errorOf('parent is E-1')).toBe("The operator 'IS' only supports searching for EMPTY values, got 'E-1'. (line 1, character 11)");
  });

  it('refuses malformed dates and unknown status categories', () => {
    expect(errorOf('project = P AND updated >= "2026-02-30"')).toBe(
      "Date value '2026-02-30' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'. (line 1, character 28)",
    );
    expect(errorOf('updated > -5x')).toContain("Date value '-5x' for field 'updated' is invalid.");
    expect(errorOf('statusCategory = Blocked')).toBe("The value 'Blocked' does not exist for the field 'statusCategory'. (line 1, character 18)");
  });

  it('checks ORDER BY: BY, direction or comma, repeated fields', () => {
    expect(errorOf('project = P ORDER key')).toBe("Error in the JQL Query: Expecting 'BY' but got 'key'. (line 1, character 19)");
    expect(errorOf('project = P ORDER BY key up')).toBe("Error in the JQL Query: Expecting either 'ASC', 'DESC' or ',' but got 'up'. (line 1, character 26)");
    expect(errorOf('project = P ORDER BY key, KEY DESC')).toBe("The sort field 'KEY' is referenced multiple times in the JQL sort. (line 1, character 27)");
  });

  it('refuses a malformed now', () => {
    expect(() => compileJql('project = P', { now: 'yesterday' })).toThrow('compileJql: expected now as an ISO date or instant, got "yesterday"');
  });
});
