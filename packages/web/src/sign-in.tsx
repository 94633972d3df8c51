import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, errorText, type Me } from './api/client.js';

/** Sign-in: email and password → the session cookie, then the user's first screen. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const { data, error: failure } = await api.POST('/api/auth/login', {
      body: { email, password },
    });
    setBusy(false);
    if (data) onSignedIn(data);
    else setError(errorText(failure, t('signIn.failed')));
  }

  return (
    <main className="sign-in">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">½</span> Halflife
        </div>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        <p className="muted small">
          <Trans i18nKey="signIn.demoHint" components={{ code: <code /> }} />
        </p>
      </form>
    </main>
  );
}
