import type { Bundle, Resource } from '@medplum/fhirtypes';

/** A page of search results, with the resources `_include` brought in. */
export interface SearchPage {
  readonly base: string;
  readonly type: string;
  /** The query as received, for the self link. */
  readonly query: URLSearchParams;
  readonly matches: readonly Resource[];
  readonly included: readonly Resource[];
  readonly offset: number;
  readonly count: number;
  /** Whether there are more matches after this page. */
  readonly more: boolean;
}

const entry = (base: string, resource: Resource, mode: 'match' | 'include') => ({
  fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
  resource,
  search: { mode },
});

/** The page as a searchset Bundle: matches, then the included resources, each once. */
export function searchsetBundle(page: SearchPage): Bundle {
  const link = (offset: number) => {
    const q = new URLSearchParams(page.query);
    q.set('_offset', String(offset));
    q.set('_count', String(page.count));
    return `${page.base}/${page.type}?${q.toString()}`;
  };
  const seen = new Set<string>();
  const included = page.included.filter((r) => {
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(page.more ? {} : { total: page.offset + page.matches.length }),
    link: [
      { relation: 'self', url: link(page.offset) },
      ...(page.more ? [{ relation: 'next', url: link(page.offset + page.count) }] : []),
    ],
    entry: [
      ...page.matches.map((r) => entry(page.base, r, 'match')),
      ...included.map((r) => entry(page.base, r, 'include')),
    ],
  };
}
