import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me, type WorkingDay } from './api/client.js';
import { switchLocale } from './i18n/i18n.js';
import { browserLocale, LOCALE_NAMES, LOCALES, type Locale } from './i18n/locale.js';
import { navFor, screenAt } from './nav.js';
import { SignIn } from './sign-in.js';
import { DISPLAY_UNITS, type DisplayUnit } from './units.js';
import { usePath } from './use-path.js';

const UNIT_KEY = 'halflife.unit';

// Each screen is its own chunk, loaded when first shown: sign-in and the shell stay small, and
// the charting and map code arrive only with the screens that draw them.
const OrdersScreen = lazy(() =>
  import('./orders/orders-screen.js').then((m) => ({ default: m.OrdersScreen })),
);
const PlansScreen = lazy(() =>
  import('./plans/plans-screen.js').then((m) => ({ default: m.PlansScreen })),
);
const MapScreen = lazy(() => import('./map/map-screen.js').then((m) => ({ default: m.MapScreen })));
const SupplyScreen = lazy(() =>
  import('./supply/supply-screen.js').then((m) => ({ default: m.SupplyScreen })),
);
const BatchesScreen = lazy(() =>
  import('./batches/batches-screen.js').then((m) => ({ default: m.BatchesScreen })),
);
const AlertsScreen = lazy(() =>
  import('./batches/alerts-screen.js').then((m) => ({ default: m.AlertsScreen })),
);
const DispatchScreen = lazy(() =>
  import('./dispatch/dispatch-screen.js').then((m) => ({ default: m.DispatchScreen })),
);
const RunsScreen = lazy(() =>
  import('./courier/runs-screen.js').then((m) => ({ default: m.RunsScreen })),
);
const DeliveriesScreen = lazy(() =>
  import('./hospital/deliveries-screen.js').then((m) => ({ default: m.DeliveriesScreen })),
);
const WasteScreen = lazy(() =>
  import('./waste/waste-screen.js').then((m) => ({ default: m.WasteScreen })),
);
const InterfacesScreen = lazy(() =>
  import('./interfaces/interfaces-screen.js').then((m) => ({ default: m.InterfacesScreen })),
);
const PatientsScreen = lazy(() =>
  import('./patients/patients-screen.js').then((m) => ({ default: m.PatientsScreen })),
);
const OutcomesScreen = lazy(() =>
  import('./outcomes/outcomes-screen.js').then((m) => ({ default: m.OutcomesScreen })),
);
const OutlookScreen = lazy(() =>
  import('./strategy/outlook-screen.js').then((m) => ({ default: m.OutlookScreen })),
);
const DesignScreen = lazy(() =>
  import('./design/design-screen.js').then((m) => ({ default: m.DesignScreen })),
);
const DecayScreen = lazy(() =>
  import('./decay/decay-screen.js').then((m) => ({ default: m.DecayScreen })),
);

function savedUnit(): DisplayUnit {
  const saved = window.localStorage.getItem(UNIT_KEY);
  return saved === 'mCi' ? 'mCi' : 'MBq';
}

/** The shell: who is signed in, the header with their navigation, the current screen. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [day, setDay] = useState<WorkingDay | null>(null);
  const [unit, setUnit] = useState<DisplayUnit>(savedUnit);
  const [path, navigate] = usePath();
  const { t, i18n } = useTranslation();

  // The session says who is signed in and the day their screens open on (the server's clock).
  // The language is the user's choice, or their browser's until they choose.
  const loadSession = () =>
    void api.GET('/api/auth/session').then(async (r) => {
      const signedIn = r.data?.me ?? null;
      await switchLocale(signedIn?.locale ?? browserLocale(navigator.languages ?? []));
      setDay(r.data?.day ?? null);
      setMe(signedIn);
    });
  useEffect(loadSession, []);
  useEffect(() => {
    window.localStorage.setItem(UNIT_KEY, unit);
  }, [unit]);

  if (me === undefined) return <p className="muted centered">{t('loading')}</p>;
  if (me === null) return <SignIn onSignedIn={loadSession} />;
  // Signed in, but with no zone to count days in: the server does not guess one.
  if (day === null)
    return (
      <p className="muted centered" role="status">
        {t('noZone')}
      </p>
    );

  const items = navFor(me);
  const current = screenAt(path, items);

  async function chooseLocale(locale: Locale) {
    await switchLocale(locale);
    const { error } = await api.PUT('/api/me/locale', { body: { locale } });
    if (!error && me) setMe({ ...me, locale });
  }

  async function signOut() {
    await api.POST('/api/auth/logout');
    setMe(null);
    setDay(null);
    navigate('/');
  }

  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ½
          </span>{' '}
          Halflife
        </div>
        <nav aria-label={t('mainNavigation')}>
          {items.map((i) => (
            <a
              key={i.screen}
              href={i.path}
              aria-current={i.screen === current?.screen ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(i.path);
              }}
            >
              {t(`nav.${i.screen}`)}
            </a>
          ))}
        </nav>
        <div className="top-right">
          <div className="segmented" role="group" aria-label={t('language')}>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                aria-pressed={l === i18n.language}
                onClick={() => void chooseLocale(l)}
              >
                {LOCALE_NAMES[l]}
              </button>
            ))}
          </div>
          <div className="segmented" role="group" aria-label={t('activityUnit')}>
            {DISPLAY_UNITS.map((u) => (
              <button key={u} type="button" aria-pressed={u === unit} onClick={() => setUnit(u)}>
                {u}
              </button>
            ))}
          </div>
          <span className="who" title={`${me.email} · ${me.organisation.name}`}>
            <span>{me.displayName}</span>
            <span className="muted small org">{me.organisation.name}</span>
          </span>
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          {current?.screen === 'orders' && <OrdersScreen unit={unit} me={me} day={day} />}
          {current?.screen === 'plans' && <PlansScreen unit={unit} day={day} />}
          {current?.screen === 'map' && <MapScreen unit={unit} day={day} />}
          {current?.screen === 'batches' && (
            <BatchesScreen unit={unit} me={me} day={day} path={path} navigate={navigate} />
          )}
          {current?.screen === 'dispatch' && (
            <DispatchScreen unit={unit} me={me} day={day} path={path} navigate={navigate} />
          )}
          {current?.screen === 'runs' && <RunsScreen unit={unit} me={me} day={day} />}
          {current?.screen === 'deliveries' && (
            <DeliveriesScreen unit={unit} me={me} day={day} path={path} navigate={navigate} />
          )}
          {current?.screen === 'waste' && <WasteScreen unit={unit} me={me} day={day} />}
          {current?.screen === 'patients' && (
            <PatientsScreen unit={unit} me={me} day={day} path={path} navigate={navigate} />
          )}
          {current?.screen === 'outcomes' && (
            <OutcomesScreen me={me} path={path} navigate={navigate} />
          )}
          {current?.screen === 'supply' && <SupplyScreen unit={unit} day={day} />}
          {current?.screen === 'outlook' && <OutlookScreen />}
          {current?.screen === 'design' && <DesignScreen day={day} />}
          {current?.screen === 'alerts' && <AlertsScreen day={day} />}
          {current?.screen === 'interfaces' && <InterfacesScreen me={me} day={day} />}
          {current?.screen === 'decay' && <DecayScreen unit={unit} />}
        </Suspense>
      </main>
    </>
  );
}
