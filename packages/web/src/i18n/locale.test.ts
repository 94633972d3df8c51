import { describe, expect, it } from 'vitest';
import { browserLocale } from './locale.js';

describe('browserLocale', () => {
  it('takes the first Chinese or English language the browser prefers', () => {
    expect(browserLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(browserLocale(['zh-TW'])).toBe('zh-CN');
    expect(browserLocale(['zh'])).toBe('zh-CN');
    expect(browserLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(browserLocale(['de', 'zh-Hans-CN'])).toBe('zh-CN');
  });

  it('falls back to English', () => {
    expect(browserLocale([])).toBe('en');
    expect(browserLocale(['ja-JP'])).toBe('en');
  });
});
