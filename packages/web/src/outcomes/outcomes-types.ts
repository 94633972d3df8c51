import type { components } from '../api/schema.js';

/** The outcomes registry's replies, named once for the outcomes screen (types only). */
export type Dashboard = components['schemas']['CohortDashboard'];
export type GroupSummary = Dashboard['groups'][number];
export type Curve = GroupSummary['rpfs'];
export type Comparison = Dashboard['rpfsComparison'];
export type Swimmer = NonNullable<Dashboard['swimmers']>[number];
export type WaterfallRow = Dashboard['waterfall'][number];
export type Grouping = Dashboard['grouping'];
export type StudyList = components['schemas']['StudyList'];
export type Study = StudyList['studies'][number];
/** The two time-to-event endpoints a dashboard draws. */
export type SurvivalEndpoint = 'rpfs' | 'os';
