/**
 * The server's English texts in the user's language. The API speaks English, its documented
 * language for partner systems; the screens show its reasons and notes through this catalogue:
 * each pattern names a message of the `server` namespace and the parts it carries over. A text no
 * pattern knows is shown as the server wrote it (the Chinese browser test fails on any it meets).
 */
import { currentLocale, i18n } from './i18n.js';
import type { en } from './server-messages.js';

type Key = keyof typeof en;

const NAME = "(?<hospital>.+?)'s";
const PATTERNS: readonly { readonly key: Key; readonly pattern: RegExp }[] = [
  { key: 'mustBePositive', pattern: /^must be positive$/ },
  { key: 'mustNotBeNegative', pattern: /^must not be negative$/ },
  { key: 'zeroOrPositive', pattern: /^must be zero or positive$/ },
  { key: 'mustNotBeEmpty', pattern: /^must not be empty$/ },
  { key: 'expectedNumber', pattern: /^expected a number$/ },
  { key: 'expectedDate', pattern: /^expected a date YYYY-MM-DD$/ },
  { key: 'expectedCalendarDate', pattern: /^expected a calendar date YYYY-MM-DD$/ },
  { key: 'expectedBq', pattern: /^expected a number of Bq$/ },
  { key: 'atMost', pattern: /^must be at most (?<max>.+)$/ },
  { key: 'atLeast', pattern: /^must be at least (?<min>.+)$/ },
  { key: 'atMostCharacters', pattern: /^at most (?<max>\d+) characters$/ },
  { key: 'wholeDays', pattern: /^whole days$/ },
  { key: 'passwordToSign', pattern: /^the password is required to sign$/ },
  { key: 'scanOnePackage', pattern: /^scan at least one package$/ },
  { key: 'packOneDose', pattern: /^pack at least one dose$/ },
  { key: 'nameOneOrder', pattern: /^name at least one order$/ },
  { key: 'internalError', pattern: /^internal error; it has been logged$/ },
  { key: 'oneGroup', pattern: /^Only one group: nothing to compare\.$/ },
  { key: 'noEvents', pattern: /^No events yet\.$/ },
  { key: 'coxNotConverged', pattern: /^The Cox model did not converge: (?<problem>.*)\.$/ },
  { key: 'waitingToStart', pattern: /^waiting to start$/ },
  { key: 'planReady', pattern: /^plan ready$/ },
  { key: 'findingCandidates', pattern: /^finding every feasible batch and route$/ },
  {
    key: 'doseOptions',
    pattern: /^(?<options>\d+) dose options over (?<slots>\d+) candidate batches$/,
  },
  {
    key: 'bestPlan',
    pattern: /^best plan (?<best>[\d.-]+), bound (?<bound>[\d.-]+), gap (?<gap>[\d.]+)%$/,
  },
  { key: 'writingPlan', pattern: /^writing the plan$/ },
  {
    key: 'replanning',
    pattern:
      /^re-planning (?<n>\d+) of (?<total>\d+) sites; (?<kept>\d+) orders keep their service$/,
  },
  { key: 'round', pattern: /^round (?<round>\d+): planned site (?<k>\d+) of (?<n>\d+)$/ },
  {
    key: 'noDeliveriesThatDay',
    pattern: /^the hospital does not receive deliveries on this date$/,
  },
  { key: 'noMaker', pattern: /^no site makes (?<product>.+)$/ },
  { key: 'noLicence', pattern: /^(?<hospital>.+) holds no licence for (?<nuclide>\S+)$/ },
  {
    key: 'licenceUsed',
    pattern: new RegExp(
      `^doses already on the road use all of ${NAME} licence for (?<nuclide>\\S+)$`,
    ),
  },
  { key: 'noLane', pattern: /^no lane links (?<hospital>.+) to a site that makes (?<product>.+)$/ },
  {
    key: 'noLicensedSite',
    pattern: /^no site with a lane to (?<hospital>.+) is licensed for (?<nuclide>\S+)$/,
  },
  ...(['Road', 'Air'] as const).map((mode) => ({
    key: `shelfLife${mode}` as const,
    pattern: new RegExp(
      `^no site can reach (?<hospital>.+) within (?<product>.+?)'s shelf life of (?<shelf>.+?): ` +
        `the quickest, (?<site>.+) by ${mode.toLowerCase()}, needs (?<needs>.+) from EOS to ` +
        `calibration \\(QC, transport, preparation\\)$`,
    ),
  })),
  {
    key: 'arriveBetween',
    pattern: new RegExp(
      '^no delivery can arrive between (?<from>\\d\\d:\\d\\d) and (?<to>\\d\\d:\\d\\d) ' +
        '\\(calibration (?<calibration>\\d\\d:\\d\\d) − (?<prep>\\d+) min preparation\\) ' +
        `inside ${NAME} receiving hours from a site's first batch of the day$`,
    ),
  },
  {
    key: 'arriveBy',
    pattern: new RegExp(
      '^no delivery can arrive by (?<to>\\d\\d:\\d\\d) ' +
        '\\(calibration (?<calibration>\\d\\d:\\d\\d) − (?<prep>\\d+) min preparation\\) ' +
        `inside ${NAME} receiving hours from a site's first batch of the day$`,
    ),
  },
  {
    key: 'largerThanBatch',
    pattern: /^the dose \((?<dose>[^)]+)\) is larger than a whole batch of (?<product>.+)$/,
  },
  {
    key: 'noBatchFits',
    pattern:
      /^no batch of (?<product>.+) fits: the lines that could make it are closed, down or taken by fixed batches at the hours it would need, or a licence or the transport index limit rules out every route$/,
  },
  {
    key: 'batchesFull',
    pattern:
      /^every batch that could serve it is full or its line is taken: (?<parts>.+) \(the batches, vehicles, isotope or licences there go to other orders\)$/,
  },
  ...(
    [
      ['notEnoughNone', 'none'],
      ['notEnoughSome', 'at most (?<most>.+?)'],
    ] as const
  ).map(([key, left]) => ({
    key,
    pattern: new RegExp(
      '^not enough (?<nuclide>\\S+): when a batch could start for it \\((?<from>\\d\\d:\\d\\d)–' +
        `(?<to>\\d\\d:\\d\\d)\\) (?<sites>.+) (?:has|have) ${left} left and the dose needs at ` +
        'least (?<least>.+) at the start; the supply goes to other orders \\(more urgent first\\)$',
    ),
  })),
];

/** The server namespace's messages by key, with the parts a pattern captured. */
const message = i18n.t as (key: `server:${Key}`, parts?: Record<string, string>) => string;

/** A whole text the catalogue knows, in the current language. */
function known(text: string): string | undefined {
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return message(`server:${key}`, match.groups);
  }
  return undefined;
}

/** A field path as the API names it: "amount.activityBq", "doses[2].patientRef", "(body)". */
const FIELD = /^(?<field>\(body\)|[\w$]+(?:[.[\]\w$-]*)): (?<rest>.+)$/s;

/**
 * A text from the server, in the current language when the catalogue knows it: whole, or a
 * validation message after the field it names (the field stays as the API names it).
 */
export function serverText(text: string): string {
  if (currentLocale() === 'en') return text;
  const whole = known(text);
  if (whole !== undefined) return whole;
  const { field, rest } = FIELD.exec(text)?.groups ?? {};
  const translated = field && rest ? known(rest) : undefined;
  return translated === undefined || field === undefined
    ? text
    : message('server:fieldMessage', { field, message: translated });
}

/** Every pattern with its message, for the catalogue's own test. */
export const SERVER_PATTERNS = PATTERNS;
