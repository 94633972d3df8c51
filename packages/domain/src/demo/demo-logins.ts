/**
 * The demo logins, fixed so that a start-up banner can print them. Passwords are not chosen here:
 * the caller sets one when it seeds the database. Hospital users belong to the first three demo
 * hospitals (hospital-001 … hospital-003, all in Beijing).
 */
import type { DemoRole, DemoUser } from './demo-types.js';

const producer = (role: DemoRole, local: string, displayName: string): DemoUser => ({
  email: `${local}@demo.halflife`,
  displayName,
  role,
  organisation: 'producer',
});

const hospitalUsers = (n: number): DemoUser[] => {
  const hospitalKey = `hospital-${String(n).padStart(3, '0')}`;
  return [
    {
      email: `hospital${n}.orderer@demo.halflife`,
      displayName: `Demo Orderer, hospital ${n}`,
      role: 'hospital_orderer',
      organisation: { hospitalKey },
    },
    {
      email: `hospital${n}.staff@demo.halflife`,
      displayName: `Demo Staff, hospital ${n}`,
      role: 'hospital_staff',
      organisation: { hospitalKey },
    },
    {
      email: `hospital${n}.physician@demo.halflife`,
      displayName: `Demo Physician, hospital ${n}`,
      role: 'physician',
      organisation: { hospitalKey },
    },
  ];
};

export const DEMO_LOGINS: readonly DemoUser[] = [
  producer('admin', 'admin', 'Demo Administrator'),
  producer('planner', 'planner', 'Demo Planner'),
  producer('radiopharmacist', 'radiopharmacist', 'Demo Radiopharmacist'),
  producer('qualified_person', 'qp', 'Demo Qualified Person'),
  producer('qc_analyst', 'qc', 'Demo QC Analyst'),
  producer('analyst', 'analyst', 'Demo Analyst'),
  producer('study_team', 'study', 'Demo Study Team Member'),
  {
    email: 'courier@demo.halflife',
    displayName: 'Demo Courier Driver',
    role: 'courier',
    organisation: 'courier',
  },
  ...hospitalUsers(1),
  ...hospitalUsers(2),
  ...hospitalUsers(3),
];
