import { useState } from 'react';
import type { Me, WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { DeliveryList } from './delivery-list.js';
import { ShipmentPage } from './shipment-page.js';
import './deliveries.css';

const SHIPMENT_PATH = /^\/deliveries\/([0-9a-f-]{36})$/i;

/**
 * A hospital's deliveries: the day's shipments with their tracking (`/deliveries`) and one
 * shipment (`/deliveries/{id}`) with its timeline and doses, where nuclear-medicine staff receive
 * each dose (doses.receive) and record its administration (doses.administer). An orderer reads.
 */
export function DeliveriesScreen(props: {
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
  path: string;
  navigate: (p: string) => void;
}) {
  // The list's date lives here, so it survives a visit to a shipment and back.
  const [date, setDate] = useState(props.day.today);
  const id = SHIPMENT_PATH.exec(props.path)?.[1];
  if (id !== undefined) {
    return (
      <ShipmentPage
        key={id}
        id={id}
        unit={props.unit}
        me={props.me}
        onBack={() => props.navigate('/deliveries')}
      />
    );
  }
  return (
    <DeliveryList
      unit={props.unit}
      day={props.day}
      date={date}
      onDate={setDate}
      onOpen={(shipmentId) => props.navigate(`/deliveries/${shipmentId}`)}
    />
  );
}
