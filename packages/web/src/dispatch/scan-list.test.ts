import { describe, expect, it } from 'vitest';
import {
  addScans,
  compareScans,
  removeScan,
  scannedCode,
  scanProgressText,
  splitScans,
} from './scan-list.js';

const EXPECTED = ['PK-AAAA', 'PK-BBBB', 'PK-CCCC'];

describe('the scan list', () => {
  it('takes one code per entry, or several pasted at once', () => {
    expect(splitScans('  PK-AAAA\r\n')).toEqual(['PK-AAAA']);
    expect(splitScans('PK-AAAA, PK-BBBB;PK-CCCC')).toEqual(['PK-AAAA', 'PK-BBBB', 'PK-CCCC']);
    expect(splitScans('   ')).toEqual([]);
  });

  it('spells an expected code as expected, whatever the case typed', () => {
    expect(scannedCode(' pk-bbbb ', EXPECTED)).toBe('PK-BBBB');
    expect(scannedCode('pk-zzzz', EXPECTED)).toBe('pk-zzzz');
  });

  it('adds a code once: a second scan of it is said, not added', () => {
    const first = addScans([], 'PK-AAAA', EXPECTED);
    expect(first).toMatchObject({ list: ['PK-AAAA'], added: ['PK-AAAA'], outcome: 'added' });
    const again = addScans(first.list, 'pk-aaaa', EXPECTED);
    expect(again).toMatchObject({ list: ['PK-AAAA'], twice: ['PK-AAAA'], outcome: 'twice' });
    expect(addScans(first.list, '  ', EXPECTED).outcome).toBe('empty');
    expect(addScans(first.list, 'PK-AAAA PK-BBBB', EXPECTED)).toMatchObject({
      list: ['PK-AAAA', 'PK-BBBB'],
      added: ['PK-BBBB'],
      twice: ['PK-AAAA'],
      outcome: 'added',
    });
  });

  it('removes a chip', () => {
    expect(removeScan(['PK-AAAA', 'PK-BBBB'], 'PK-AAAA')).toEqual(['PK-BBBB']);
  });

  it('says what is missing and what does not belong', () => {
    const check = compareScans(EXPECTED, ['PK-CCCC', 'PK-XXXX', 'PK-AAAA']);
    expect(check).toEqual({
      matched: ['PK-AAAA', 'PK-CCCC'],
      missing: ['PK-BBBB'],
      extra: ['PK-XXXX'],
      complete: false,
    });
    expect(compareScans(EXPECTED, [...EXPECTED].reverse()).complete).toBe(true);
    expect(compareScans(EXPECTED, [...EXPECTED, 'PK-XXXX']).complete).toBe(false);
    expect(compareScans([], []).complete).toBe(false);
  });

  it('counts the progress', () => {
    expect(scanProgressText(compareScans(EXPECTED, ['PK-AAAA']), 3)).toBe(
      '1 of 3 packages scanned.',
    );
    expect(scanProgressText(compareScans(EXPECTED, EXPECTED), 3)).toBe('All 3 packages scanned.');
    expect(scanProgressText(compareScans(['PK-A'], ['PK-A']), 1)).toBe('The package is scanned.');
    expect(scanProgressText(compareScans([], []), 0)).toBe('No package is expected.');
  });
});
