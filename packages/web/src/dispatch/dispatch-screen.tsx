import { useState } from 'react';
import type { Me, WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { ShipmentList, type ShipmentListState } from './shipment-list.js';
import { ShipmentPage } from './shipment-page.js';
import './shipment-look.css';
import './dispatch.css';

const SHIPMENT_PATH = /^\/dispatch\/([0-9a-f-]{36})$/i;

/**
 * Dispatch: the day's shipments (`/dispatch`) and one shipment (`/dispatch/{id}`) with its doses,
 * packing, packages and their transport classification, loading, shipping papers and tracking.
 * A radiopharmacist (shipments.dispatch) packs, measures and loads; a planner (plans.run) re-plans
 * a replacement for doses a delay put out of tolerance; the rest of the producer's staff read.
 * The server checks every action again.
 */
export function DispatchScreen(props: {
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
  path: string;
  navigate: (p: string) => void;
}) {
  // The list's choices live here, so they survive a visit to a shipment and back.
  const [state, setState] = useState<ShipmentListState>({ date: props.day.today, siteId: '' });
  const id = SHIPMENT_PATH.exec(props.path)?.[1];
  if (id !== undefined) {
    return (
      <ShipmentPage
        key={id}
        id={id}
        unit={props.unit}
        me={props.me}
        navigate={props.navigate}
        onBack={() => props.navigate('/dispatch')}
      />
    );
  }
  return (
    <ShipmentList
      state={state}
      onState={setState}
      onOpen={(shipmentId) => props.navigate(`/dispatch/${shipmentId}`)}
    />
  );
}
