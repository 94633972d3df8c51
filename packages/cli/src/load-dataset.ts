import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  builtinDataset,
  domainError,
  parseDatasetCsv,
  type Dataset,
  type Result,
} from '@halflife/nuclear';

/** The dataset a command works on: NUBASE2020 unless --dataset names a file in the import format. */
export function loadDataset(file: string | undefined): Result<Dataset> {
  if (file === undefined) return { ok: true, value: builtinDataset() };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return domainError(
      'bad-dataset',
      `cannot read dataset ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  const parsed = parseDatasetCsv(text, { name: basename(file), massSource: builtinDataset() });
  if (!parsed.ok) return domainError('bad-dataset', `${file}: ${parsed.error.message}`);
  return parsed;
}
