import { describe, expect, it } from 'vitest';
import { wasteContainer } from './waste-test-fixture.js';
import {
  contentsText,
  localizeInstants,
  releasable,
  releaseAt,
  releaseText,
  ruleText,
  wasteStatusBadge,
} from './waste-text.js';

const zone = 'Asia/Shanghai';

describe('waste texts', () => {
  it('names statuses and rules', () => {
    expect(wasteStatusBadge('closed')).toMatchObject({ label: 'closed for decay', tone: 'warn' });
    expect(ruleText({ rule: 'ten-half-lives', massG: null })).toBe('ten half-lives');
    expect(ruleText({ rule: 'clearance', massG: 1500 })).toBe('clearance · 1,500 g');
    expect(ruleText({ rule: 'background', massG: null })).toBe('decay to background');
  });

  it('writes contents largest first, in the unit chosen', () => {
    const now = wasteContainer().now;
    expect(contentsText([...now].reverse(), 'MBq')).toBe('Lu-177 79 MBq, Lu-177m 0.016 MBq');
    expect(contentsText(now, 'mCi')).toBe('Lu-177 2.135 mCi, Lu-177m 4.324e-4 mCi');
    expect(contentsText([], 'MBq')).toBe('—');
  });

  it('gives the release date: the rule’s now, fixed at closing, or the release itself', () => {
    const open = wasteContainer();
    expect(releaseAt(open)).toBe('2027-12-01T02:00:00.000Z');
    expect(releaseText(open, zone)).toEqual({
      when: '1 Dec 2027 10:00',
      why: '10 half-lives of Lu-177m: 1604 days',
    });
    const closed = wasteContainer({
      status: 'closed',
      closedAt: '2026-12-06T01:00:00.000Z',
      releaseAfter: '2027-12-02T02:00:00.000Z',
    });
    expect(releaseAt(closed)).toBe('2027-12-02T02:00:00.000Z');
    const released = wasteContainer({
      status: 'released',
      releaseAfter: '2027-12-02T02:00:00.000Z',
      releasedAt: '2027-12-03T03:00:00.000Z',
    });
    expect(releaseText(released, zone).when).toBe('released 3 Dec 2027 11:00');
    expect(
      releaseText(wasteContainer({ earliest: { ...open.earliest, at: null } }), zone).when,
    ).toBe('no date');
  });

  it('knows when a closed container may be released', () => {
    const closed = wasteContainer({ status: 'closed', releaseAfter: '2027-12-02T02:00:00.000Z' });
    expect(releasable(closed, Date.parse('2027-12-01T00:00:00Z'))).toBe(false);
    expect(releasable(closed, Date.parse('2027-12-02T02:00:00Z'))).toBe(true);
    expect(releasable(wasteContainer(), Date.parse('2028-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('API messages in local time', () => {
  it('writes the instants of a message in the zone', () => {
    expect(
      localizeInstants(
        'the container may not be released before 2031-04-15T23:22:00.000Z',
        'Asia/Shanghai',
      ),
    ).toBe('the container may not be released before 16 Apr 2031 07:22');
    expect(localizeInstants('no instant here', 'Asia/Shanghai')).toBe('no instant here');
  });
});
