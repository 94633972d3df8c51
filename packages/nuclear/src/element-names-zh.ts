/**
 * The elements' names in Simplified Chinese, by atomic number 1–118: one character each, as the
 * China National Committee for Terms in Sciences and Technologies (全国科学技术名词审定委员会)
 * standardised them (《化学名词》; elements 113, 115, 117 and 118 named in its 2017 announcement
 * with the Ministry of Education and others). Some characters of elements 104–116 are outside the
 * Basic Multilingual Plane.
 */
// prettier-ignore
export const ELEMENT_NAMES_ZH: readonly (readonly [symbol: string, zh: string])[] = [
  ['H', '氢'], ['He', '氦'], ['Li', '锂'], ['Be', '铍'], ['B', '硼'], ['C', '碳'], ['N', '氮'],
  ['O', '氧'], ['F', '氟'], ['Ne', '氖'], ['Na', '钠'], ['Mg', '镁'], ['Al', '铝'], ['Si', '硅'],
  ['P', '磷'], ['S', '硫'], ['Cl', '氯'], ['Ar', '氩'], ['K', '钾'], ['Ca', '钙'], ['Sc', '钪'],
  ['Ti', '钛'], ['V', '钒'], ['Cr', '铬'], ['Mn', '锰'], ['Fe', '铁'], ['Co', '钴'], ['Ni', '镍'],
  ['Cu', '铜'], ['Zn', '锌'], ['Ga', '镓'], ['Ge', '锗'], ['As', '砷'], ['Se', '硒'], ['Br', '溴'],
  ['Kr', '氪'], ['Rb', '铷'], ['Sr', '锶'], ['Y', '钇'], ['Zr', '锆'], ['Nb', '铌'], ['Mo', '钼'],
  ['Tc', '锝'], ['Ru', '钌'], ['Rh', '铑'], ['Pd', '钯'], ['Ag', '银'], ['Cd', '镉'], ['In', '铟'],
  ['Sn', '锡'], ['Sb', '锑'], ['Te', '碲'], ['I', '碘'], ['Xe', '氙'], ['Cs', '铯'], ['Ba', '钡'],
  ['La', '镧'], ['Ce', '铈'], ['Pr', '镨'], ['Nd', '钕'], ['Pm', '钷'], ['Sm', '钐'], ['Eu', '铕'],
  ['Gd', '钆'], ['Tb', '铽'], ['Dy', '镝'], ['Ho', '钬'], ['Er', '铒'], ['Tm', '铥'], ['Yb', '镱'],
  ['Lu', '镥'], ['Hf', '铪'], ['Ta', '钽'], ['W', '钨'], ['Re', '铼'], ['Os', '锇'], ['Ir', '铱'],
  ['Pt', '铂'], ['Au', '金'], ['Hg', '汞'], ['Tl', '铊'], ['Pb', '铅'], ['Bi', '铋'], ['Po', '钋'],
  ['At', '砹'], ['Rn', '氡'], ['Fr', '钫'], ['Ra', '镭'], ['Ac', '锕'], ['Th', '钍'], ['Pa', '镤'],
  ['U', '铀'], ['Np', '镎'], ['Pu', '钚'], ['Am', '镅'], ['Cm', '锔'], ['Bk', '锫'], ['Cf', '锎'],
  ['Es', '锿'], ['Fm', '镄'], ['Md', '钔'], ['No', '锘'], ['Lr', '铹'], ['Rf', '𬬻'], ['Db', '𬭊'],
  ['Sg', '𬭳'], ['Bh', '𬭛'], ['Hs', '𬭶'], ['Mt', '鿏'], ['Ds', '𫟼'], ['Rg', '𬬭'], ['Cn', '鿔'],
  ['Nh', '鿭'], ['Fl', '𫓧'], ['Mc', '镆'], ['Lv', '𫟷'], ['Ts', '鿬'], ['Og', '鿫'],
];

const SYMBOL_OF = new Map(ELEMENT_NAMES_ZH.map(([symbol, zh]) => [zh, symbol]));

/**
 * A nuclide name as Chinese texts write it, in the symbols resolveNuclide reads: each element's
 * Chinese name becomes its symbol ("镥-177" → "Lu-177", "99m锝" → "99mTc"), and NFKC folds
 * full-width and superscript forms ("¹⁷⁷Lu" → "177Lu", "镥－177" → "Lu-177").
 */
export function withElementSymbols(text: string): string {
  return [...text.normalize('NFKC')].map((c) => SYMBOL_OF.get(c) ?? c).join('');
}
