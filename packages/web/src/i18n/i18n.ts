/**
 * The app's one i18next instance: English and Simplified Chinese catalogues (resources.ts), the
 * language the user chose (or their browser's), and formatting in that language. Components read
 * words with `useTranslation(namespace)`; pure helpers with `i18n.t('namespace:key')`.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserLocale, numberLocale, type Locale } from './locale.js';
import { EN, RESOURCES } from './resources.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof EN;
  }
}

/** Keys asked for that a catalogue does not have (the browser tests fail on any). */
export const missingKeys = new Set<string>();

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: typeof window === 'undefined' ? 'en' : browserLocale(window.navigator.languages ?? []),
  fallbackLng: false,
  supportedLngs: ['zh-CN', 'en'],
  defaultNS: 'common',
  ns: Object.keys(EN),
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (languages, ns, key) => {
    missingKeys.add(`${languages.join(',')}:${ns}:${key}`);
  },
  initAsync: false,
});

if (typeof window !== 'undefined') {
  (window as unknown as { halflifeMissingKeys: Set<string> }).halflifeMissingKeys = missingKeys;
}

/** The language the screens speak now. */
export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Switches the screens' language (and the page's `lang`). */
export async function switchLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** A number in the current language's digits and grouping. */
export function localeNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(numberLocale(currentLocale()), options);
}
