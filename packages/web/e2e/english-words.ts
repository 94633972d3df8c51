/**
 * The check the Chinese suites share: which English words a text on a Chinese screen still has,
 * once the data (names the database holds), codes, units, nuclide symbols and the words that are
 * the same in both languages are taken out.
 */
import type { Db } from '@halflife/db';
/** Words that are the same in both languages: units, abbreviations of the field, the brand. */
const SAME_IN_BOTH = [
  'Halflife',
  'English',
  'MBq',
  'GBq',
  'kBq',
  'TBq',
  'mCi',
  'Bq',
  'min',
  'µSv/h',
  'mSv/h',
  'SUVmax',
  'PSMA',
  'PET',
  'PSA',
  'RECIST',
  'PCWG3',
  'CTCAE',
  'rPFS',
  'OS',
  'ORR',
  'DCR',
  'MAPE',
  'sMAPE',
  'MASE',
  'Holt–Winters',
  'log-rank',
  'Natural Earth',
  'EOB',
  'UCL',
  'LCL',
  'API',
  'CSV',
  'PDF',
  'FHIR',
  'HL7',
  'UN',
  'TI',
  'QC',
  'Kaplan–Meier',
  'Clopper–Pearson',
  'Brookmeyer–Crowley',
  'Cox',
  'Efron',
  'Ctrl',
];

/** The English words left in a text once data, codes and same-in-both words are taken out. */
export function englishIn(text: string, data: readonly string[]): string | undefined {
  let rest = ` ${text} `.replace(/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, ' '); // time zones (IANA ids)
  for (const d of data) rest = rest.split(d).join(' ');
  rest = rest
    .replace(/[\w.+-]+@[\w.-]+/g, ' ') // email addresses
    .replace(/\b[A-Z][a-z]?-\d{1,3}m?\b/g, ' ') // nuclides
    .replace(/\b[A-Z0-9][A-Z0-9_./:-]*\b/g, ' '); // codes, batch numbers, abbreviations
  for (const w of SAME_IN_BOTH) rest = rest.split(w).join(' ');
  const word = /\b[A-Za-z]*[a-z]{3,}[A-Za-z]*\b/.exec(rest);
  return word ? word[0] : undefined;
}

/** The names the demo data holds: shown as they are in any language. */
export async function dataNamesIn(db: Db): Promise<string[]> {
  const { kysely } = db;
  const lists = await Promise.all([
    kysely.selectFrom('organisations').select('name').execute(),
    kysely.selectFrom('users').select('display_name as name').execute(),
    kysely.selectFrom('products').select('name').execute(),
    kysely.selectFrom('sites').select(['name', 'city']).execute(),
    kysely.selectFrom('hospitals').select(['name', 'city']).execute(),
    kysely.selectFrom('delivery_points').select('name').execute(),
    kysely.selectFrom('equipment').select('name').execute(),
    kysely.selectFrom('studies').select('name').execute(),
    kysely.selectFrom('generators').select('label as name').execute(),
    kysely.selectFrom('isotope_lots').select('label as name').execute(),
    kysely.selectFrom('design_scenarios').select('name').execute(),
    // What people recorded in their words: reasons, PET criteria, adverse-event terms.
    kysely.selectFrom('therapy_changes').select('reason as name').execute(),
    kysely.selectFrom('pet_scans').select('criterion as name').execute(),
  ]);
  const terms = await kysely.selectFrom('patient_visits').select('adverse_events').execute();
  lists.push(terms.flatMap((v) => v.adverse_events.map((e) => ({ name: e.term }))));
  const names = lists
    .flat()
    .flatMap((r) => Object.values(r))
    .filter((v): v is string => typeof v === 'string' && v.length > 1)
    // Study names are shown without their "(synthetic)" mark, which the screens show as a tag.
    .flatMap((v) => [v, v.replace(/\s*\(synthetic\)\s*$/i, '')]);
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}
