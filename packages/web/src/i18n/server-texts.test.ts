import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.js';
import { en } from './server-messages.js';
import { SERVER_PATTERNS, serverText } from './server-texts.js';

afterEach(() => i18n.changeLanguage('en'));

describe('serverText', () => {
  it('knows each English message by its own pattern, and every message has one', () => {
    const sample = (template: string) => template.replace(/\{\{(\w+)\}\}/g, 'x1');
    for (const { key, pattern } of SERVER_PATTERNS) expect(sample(en[key])).toMatch(pattern);
    expect(new Set(SERVER_PATTERNS.map((p) => p.key))).toEqual(new Set(Object.keys(en)));
  });

  it('gives a known text in Chinese with its parts carried over, an unknown one as written', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(serverText('Only one group: nothing to compare.')).toBe('只有一组：无可比较。');
    expect(serverText('The Cox model did not converge: singular matrix.')).toBe(
      'Cox 模型未收敛：singular matrix。',
    );
    expect(serverText('Something new.')).toBe('Something new.');
    await i18n.changeLanguage('en');
    expect(serverText('No events yet.')).toBe('No events yet.');
  });
});
