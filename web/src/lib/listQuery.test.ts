import { describe, expect, it } from 'vitest';
import { lastPage, pageWindow, parseListQuery, toListParams } from './listQuery';

describe('admin list URL state', () => {
  it('parses defaults from an empty URL', () => {
    const q = parseListQuery(new URLSearchParams());
    expect(q).toMatchObject({
      page: 1,
      limit: 20,
      sort: 'created_at',
      order: 'desc',
      search: undefined,
      role: undefined,
    });
  });

  it('round-trips a full query', () => {
    const params = new URLSearchParams(
      'search=ana&role=admin&sort=email&order=asc&page=3&limit=50',
    );
    const q = parseListQuery(params);
    expect(q).toMatchObject({
      search: 'ana',
      role: 'admin',
      sort: 'email',
      order: 'asc',
      page: 3,
      limit: 50,
    });
    expect(parseListQuery(toListParams(q))).toEqual(q);
  });

  it('falls back on invalid values', () => {
    const q = parseListQuery(
      new URLSearchParams('page=-2&limit=1000&role=root&sort=password&order=up'),
    );
    expect(q).toMatchObject({
      page: 1,
      limit: 20,
      role: undefined,
      sort: 'created_at',
      order: 'desc',
    });
  });

  it('leaves defaults out of the URL', () => {
    expect(toListParams(parseListQuery(new URLSearchParams('page=1&limit=20'))).toString()).toBe(
      '',
    );
  });
});

describe('pagination window', () => {
  it('shows all pages when few', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('uses gaps when many', () => {
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(pageWindow(3, 20)).toEqual([1, 2, 3, 4, 'gap', 20]);
  });
  it('computes the last page', () => {
    expect(lastPage(0, 20)).toBe(1);
    expect(lastPage(41, 20)).toBe(3);
  });
});
