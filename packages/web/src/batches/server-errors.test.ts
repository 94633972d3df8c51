import { describe, expect, it } from 'vitest';
import { fieldError, formError, serverErrors } from './server-errors.js';

const reply = (message: string, issues?: { path: string; message: string }[]) => ({
  error: { code: 'invalid', message, ...(issues ? { issues } : {}) },
});

describe('server errors next to their fields', () => {
  it('puts an issue under the field it names, whatever the spelling of the path', () => {
    const e = serverErrors(
      reply('draws[0].source: no such supply record', [
        { path: 'draws[0].source', message: 'no such supply record' },
      ]),
      'x',
    );
    expect(fieldError(e, 'draws')).toBe('no such supply record');
    expect(fieldError(e, 'draws.0.source')).toBe('no such supply record');
    expect(fieldError(e, 'values.activityMBq')).toBeUndefined();
    expect(formError(e, ['draws', 'values.activityMBq'])).toBeUndefined();
  });

  it('reads the field from the message when the reply has no issues', () => {
    const e = serverErrors(reply('email: the first signature of a session needs your ID'), 'x');
    expect(fieldError(e, 'email')).toBe('the first signature of a session needs your ID');
  });

  it('says for the form what no field shows, once', () => {
    const e = serverErrors(
      reply('a; b', [
        { path: 'values.a', message: 'bad a' },
        { path: 'record', message: 'the batch is rejected' },
      ]),
      'x',
    );
    expect(formError(e, ['values.a'])).toBe('record: the batch is rejected');
    expect(formError(e, [])).toBe('a; b');
    expect(formError(serverErrors(undefined, 'the step could not be signed'), [])).toBe(
      'the step could not be signed',
    );
    expect(formError(undefined, [])).toBeUndefined();
  });
});
