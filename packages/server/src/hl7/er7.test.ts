import { describe, expect, it } from 'vitest';
import {
  ER7_LIMITS,
  escapeEr7,
  parseEr7,
  segmentEr7,
  STANDARD_DELIMITERS as D,
  unescapeEr7,
  valueAt,
} from './er7.js';

const MSH =
  'MSH|^~\\&|HIS|北京协和医院|HALFLIFE|HALFLIFE|20261124080000+0800||OMP^O09^OMP_O09|M1|P|2.5.1';

const problemOf = (r: ReturnType<typeof parseEr7>) => (r.ok ? 'parsed' : r.error);

describe('ER7 parsing', () => {
  it('reads fields, components and repetitions, Chinese text as sent', () => {
    const parsed = parseEr7(`${MSH}\rPID|1||P-123^^^HOSP^MR~ALT-9||王^小明\r`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [msh, pid] = parsed.value.segments;
    expect(valueAt(msh!, { field: 1 }, D)).toBe('|');
    expect(valueAt(msh!, { field: 2 }, D)).toBe('^~\\&');
    expect(valueAt(msh!, { field: 4 }, D)).toBe('北京协和医院');
    expect(valueAt(msh!, { field: 9, component: 2 }, D)).toBe('O09');
    expect(valueAt(pid!, { field: 3 }, D)).toBe('P-123');
    expect(valueAt(pid!, { field: 3, repetition: 2 }, D)).toBe('ALT-9');
    expect(valueAt(pid!, { field: 5, component: 2 }, D)).toBe('小明');
    expect(valueAt(pid!, { field: 30 }, D)).toBe('');
  });

  it('accepts LF and CR LF between segments, and other delimiters declared in MSH-2', () => {
    const parsed = parseEr7('MSH#:*!@#A#B\nPID#1##X:Y!F!Z@W\r\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { delimiters, segments } = parsed.value;
    expect(delimiters).toEqual({
      field: '#',
      component: ':',
      repetition: '*',
      escape: '!',
      subcomponent: '@',
    });
    expect(valueAt(segments[1]!, { field: 3, component: 2, subcomponent: 1 }, delimiters)).toBe(
      'Y#Z',
    );
  });

  it('refuses what is not a message, naming why', () => {
    expect(problemOf(parseEr7('PID|1'))).toMatch(/MSH/);
    expect(problemOf(parseEr7('MSH|^^\\&|A'))).toMatch(/MSH-2/);
    expect(problemOf(parseEr7(`${MSH}\rpid|1`))).toMatch(/segment 2/);
    const many = [MSH, ...Array.from({ length: ER7_LIMITS.maxSegments }, () => 'NTE|1')].join('\r');
    expect(problemOf(parseEr7(many))).toMatch(/more than/);
    const wide = `${MSH}\rNTE${'|x'.repeat(ER7_LIMITS.maxFields + 1)}`;
    expect(problemOf(parseEr7(wide))).toBe('NTE: more than 100 fields');
  });
});

describe('escape sequences', () => {
  it('resolves the delimiters, UTF-8 hex bytes, line breaks and formatting', () => {
    expect(unescapeEr7('A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F', D)).toBe('A|B^C&D~E\\F');
    expect(unescapeEr7('caf\\XC3A9\\ \\XE995A5\\-177', D)).toBe('café 镥-177');
    expect(unescapeEr7('\\H\\urgent\\N\\ line\\.br\\next', D)).toBe('urgent line\nnext');
    expect(unescapeEr7('\\Zlocal\\x\\C2842\\y', D)).toBe('xy');
    // An unterminated or unknown escape is kept as sent.
    expect(unescapeEr7('50\\% \\Q\\', D)).toBe('50\\% \\Q\\');
  });

  it('reads escapes per component: an escaped ^ is not a separator', () => {
    const parsed = parseEr7(`${MSH}\rORC|NW|PO\\S\\1^HIS`);
    if (!parsed.ok) throw new Error(parsed.error);
    const orc = parsed.value.segments[1]!;
    expect(valueAt(orc, { field: 2 }, D)).toBe('PO^1');
    expect(valueAt(orc, { field: 2, component: 2 }, D)).toBe('HIS');
  });

  it('round-trips any text through escape and unescape', () => {
    const texts = ['a|b^c~d\\e&f', '镥-177 PSMA 王小明', 'two\nlines', 'tab\tand\x01', ''];
    for (const t of texts) expect(unescapeEr7(escapeEr7(t), D)).toBe(t);
  });

  it('writes segments with escaped components and no trailing empties', () => {
    expect(segmentEr7('NTE', ['1', '', 'a|b', ['X^1', 'Y', ''], '', ''])).toBe(
      'NTE|1||a\\F\\b|X\\S\\1^Y',
    );
  });
});
