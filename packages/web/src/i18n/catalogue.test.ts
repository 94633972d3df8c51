import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary.js';
import { EN, ZH } from './resources.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every message as [namespace:key.path, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}${prefix === '' ? ':' : '.'}`),
  );
}

const en = new Map(leaves(EN));
const zh = new Map(leaves(ZH));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort();
/** English words left once interpolations, tags and units are gone. */
const hasWords = (text: string) =>
  /[a-z]{3,}/.test(
    text.replace(/\{\{[^}]*\}\}|<[^>]*>|\bmin\b|\/api\/\S+|npm start|[\w.]+@[\w.]+/g, ''),
  );
const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

describe('the catalogues', () => {
  it('give every English message a Chinese one with the same interpolations and tags', () => {
    const wrong: string[] = [];
    for (const [key, text] of en) {
      const other = zh.get(key);
      if (other === undefined || other.trim() === '') wrong.push(`${key}: no Chinese`);
      else if (variables(other).join() !== variables(text).join())
        wrong.push(
          `${key}: {{${variables(text).join()}}} in English, {{${variables(other).join()}}} in Chinese`,
        );
      else if (tags(other).join() !== tags(text).join()) wrong.push(`${key}: tags differ`);
      else if (hasWords(text) && !hasChinese(other))
        wrong.push(`${key}: "${other}" is not Chinese`);
    }
    expect(wrong).toEqual([]);
    expect(en.size).toBeGreaterThan(50);
  });

  it('use the glossary: a message with a term in English has its Chinese term', () => {
    const wrong: string[] = [];
    for (const term of GLOSSARY) {
      const pattern = new RegExp(`\\b${term.en.replace(/[-]/g, '[- ]')}s?\\b`, 'i');
      for (const [key, text] of en) {
        if (!pattern.test(text.replace(/\{\{[^}]*\}\}|<[^>]*>/g, ''))) continue;
        const sense = term.otherSenses?.find((s) => key.startsWith(s.where));
        const terms = sense?.zh ?? term.zh;
        const other = zh.get(key) ?? '';
        if (!terms.some((z) => other.includes(z)))
          wrong.push(`${key}: "${term.en}" should be ${terms[0]} in "${other}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
