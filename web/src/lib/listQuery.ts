import type { Role, SortField, SortOrder, UserListQuery } from '../api/types';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_LIMIT = 20;

export const SORT_OPTIONS = [
  'created_at.desc',
  'created_at.asc',
  'name.asc',
  'name.desc',
  'email.asc',
  'email.desc',
  'last_login_at.desc',
] as const;
export type SortOption = (typeof SORT_OPTIONS)[number];
export const DEFAULT_SORT: SortOption = 'created_at.desc';

function positiveInt(value: string | null, fallback: number): number {
  if (!value || !/^\d{1,6}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** The admin list state lives in the URL; anything invalid falls back to the default. */
export function parseListQuery(
  params: URLSearchParams,
): UserListQuery & { sortOption: SortOption } {
  const limit = positiveInt(params.get('limit'), DEFAULT_LIMIT);
  const role = params.get('role');
  const search = (params.get('search') ?? '').trim().slice(0, 200);
  const requested = `${params.get('sort') ?? ''}.${params.get('order') ?? ''}`;
  const sortOption = (SORT_OPTIONS as readonly string[]).includes(requested)
    ? (requested as SortOption)
    : DEFAULT_SORT;
  const [sort, order] = sortOption.split('.') as [SortField, SortOrder];
  return {
    page: positiveInt(params.get('page'), 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
    search: search || undefined,
    role: role === 'admin' || role === 'user' ? (role as Role) : undefined,
    sort,
    order,
    sortOption,
  };
}

/** Writes a changed query back to URL params, leaving defaults out to keep links short. */
export function toListParams(query: UserListQuery & { sortOption: SortOption }): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.role) params.set('role', query.role);
  if (query.sortOption !== DEFAULT_SORT) {
    params.set('sort', query.sort ?? 'created_at');
    params.set('order', query.order ?? 'desc');
  }
  if (query.page > 1) params.set('page', String(query.page));
  if (query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  return params;
}

/** Page numbers with gaps: [1, 'gap', 4, 5, 6, 'gap', 20]. */
export function pageWindow(current: number, last: number, around = 1): Array<number | 'gap'> {
  const pages = new Set<number>([1, last]);
  for (let p = current - around; p <= current + around; p += 1)
    if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].filter((p) => p >= 1).sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push('gap');
    out.push(p);
  }
  return out;
}

export function lastPage(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
