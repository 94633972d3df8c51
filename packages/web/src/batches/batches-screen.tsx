import { useState } from 'react';
import type { Me, WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { BatchRecordPage } from './batch-record-page.js';
import { Worklist, type WorklistState } from './worklist.js';
import './batches.css';

const RECORD_PATH = /^\/batches\/([0-9a-f-]{36})$/i;

/**
 * Production: the day's worklist of batch records (`/batches`) and one batch record
 * (`/batches/{id}`) with its steps, deviations, QC, release and dispensing. What a user may do
 * follows the capabilities the server gives: batches.record signs steps and dispenses, qc.record
 * enters results, batches.release signs the QP's decisions.
 */
export function BatchesScreen(props: {
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
  path: string;
  navigate: (path: string) => void;
}) {
  const isQp = props.me.capabilities['batches.release'] !== undefined;
  // The worklist's choices live here, so they survive a visit to a record and back.
  const [state, setState] = useState<WorklistState>({
    date: props.day.today,
    siteId: '',
    status: '',
    tab: isQp ? 'queue' : 'all',
  });
  const id = RECORD_PATH.exec(props.path)?.[1];
  if (id !== undefined) {
    return (
      <BatchRecordPage
        key={id}
        id={id}
        unit={props.unit}
        me={props.me}
        onBack={() => props.navigate('/batches')}
      />
    );
  }
  return (
    <Worklist
      unit={props.unit}
      isQp={isQp}
      state={state}
      onState={setState}
      onOpen={(batchId) => props.navigate(`/batches/${batchId}`)}
    />
  );
}
