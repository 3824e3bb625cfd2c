import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, registerUser, type SignedIn, type TestApp } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from './helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
const tag = `l${process.pid}`;

interface ListedUser {
  id: number;
  email: string;
  name: string;
  role: string;
  created_at: string;
  last_login_at: string | null;
}

async function list(qs: string): Promise<{
  items: ListedUser[];
  page: number;
  limit: number;
  total: number;
}> {
  const res = await t.app.inject({ url: `/api/users?${qs}`, headers: admin.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
  const people = [
    ['Zoë Zimmer', `zoe.${tag}@example.com`],
    ['anna Adams', `Anna.${tag}@Example.com`],
    ['Bert 100% Real', `bert_b.${tag}@example.com`],
    ['Carl Back\\slash', `carl.${tag}@example.org`],
    ['Dora', `dora.${tag}@EXAMPLE.net`],
    ['dora', `dora2.${tag}@example.net`],
  ];
  for (const [name, email] of people) await registerUser(t.app, { name, email });
  // 30 more with one shared creation time, to test the stable id tiebreak and paging.
  for (let i = 0; i < 30; i++)
    await registerUser(t.app, { name: `Filler ${i}`, email: `filler${i}.${tag}@example.com` });
  await query(t, `update users set created_at = '2025-01-01T00:00:00Z' where name like 'Filler %'`);
  await query(t, `update users set last_login_at = now() - interval '1 day' where name = 'Dora'`);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/users validation', () => {
  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['limit=0', 'limit'],
    ['limit=-5', 'limit'],
    ['sort=password_hash', 'sort'],
    ['sort=id;drop%20table%20users', 'sort'],
    ['order=sideways', 'order'],
    ['role=root', 'role'],
    [`search=${'x'.repeat(101)}`, 'search'],
  ])('refuses %s with errors.%s', async (qs, field) => {
    const res = await t.app.inject({ url: `/api/users?${qs}`, headers: admin.auth });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.errors[field]).toBeTruthy();
  });

  it('caps limit at 100', async () => {
    const data = await list('limit=1000');
    expect(data.limit).toBe(100);
    expect(data.items.length).toBeLessThanOrEqual(100);
  });

  it('ignores unknown query parameters', async () => {
    const data = await list('foo=bar&limit=2');
    expect(data.items).toHaveLength(2);
  });
});

describe('GET /api/users paging and sorting', () => {
  it('defaults to page 1, limit 20, newest first', async () => {
    const data = await list('');
    expect(data).toMatchObject({ page: 1, limit: 20, total: 37 });
    expect(data.items).toHaveLength(20);
    const created = data.items.map((u) => u.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('pages through everyone exactly once with a stable order', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const data = await list(`page=${page}&limit=10&sort=created_at&order=asc`);
      expect(data.total).toBe(37);
      seen.push(...data.items.map((u) => u.id));
    }
    expect(seen).toHaveLength(37);
    expect(new Set(seen).size).toBe(37);
    // The 30 users sharing a creation time come in id order.
    const fillers = (await list('limit=100&sort=created_at&order=asc')).items.filter((u) =>
      u.name.startsWith('Filler'),
    );
    const ids = fillers.map((u) => u.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const empty = await list('page=99');
    expect(empty).toMatchObject({ items: [], total: 37, page: 99 });
  });

  it('sorts by email and name case-insensitively, both directions', async () => {
    const byEmail = (await list(`search=${tag}&sort=email&order=asc&limit=100`)).items.map((u) =>
      u.email.toLowerCase(),
    );
    expect(byEmail).toEqual([...byEmail].sort());
    const byNameDesc = (await list(`search=${tag}&sort=name&order=desc&limit=100`)).items;
    const names = byNameDesc.map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    // Equal names (Dora, dora) fall back to id, in the same direction.
    const doras = byNameDesc.filter((u) => u.name.toLowerCase() === 'dora').map((u) => u.id);
    expect(doras).toEqual([...doras].sort((a, b) => b - a));
  });

  it('sorts by last_login_at with never-signed-in users as the earliest', async () => {
    const desc = (await list('sort=last_login_at&order=desc&limit=3')).items;
    expect(desc[0]!.id).toBe(admin.id); // signed in just now
    expect(desc[1]!.name).toBe('Dora');
    expect(desc[2]!.last_login_at).toBeNull();
    const asc = (await list('sort=last_login_at&order=asc&limit=100')).items;
    expect(asc[0]!.last_login_at).toBeNull();
    expect(asc.at(-1)!.id).toBe(admin.id);
  });
});

describe('GET /api/users filters', () => {
  it('searches email and name case-insensitively', async () => {
    expect((await list('search=ZIMMER')).items.map((u) => u.name)).toEqual(['Zoë Zimmer']);
    expect((await list(`search=ANNA.${tag}`)).items.map((u) => u.name)).toEqual(['anna Adams']);
    expect((await list('search=example.ORG')).items.map((u) => u.name)).toEqual([
      'Carl Back\\slash',
    ]);
    const doras = await list('search=dora&sort=name&order=asc');
    expect(doras.total).toBe(2);
  });

  it('treats %, _ and \\ in the search as literal characters', async () => {
    expect((await list('search=%25')).items.map((u) => u.name)).toEqual(['Bert 100% Real']);
    expect((await list('search=t_b')).items.map((u) => u.name)).toEqual(['Bert 100% Real']);
    expect((await list('search=_')).total).toBe(1);
    expect((await list('search=k%5Cs')).items.map((u) => u.name)).toEqual(['Carl Back\\slash']);
    expect((await list('search=%5C')).total).toBe(1);
  });

  it('filters by role and combines with search', async () => {
    const admins = await list('role=admin');
    expect(admins.items.map((u) => u.id)).toEqual([admin.id]);
    expect((await list('role=user')).total).toBe(36);
    expect((await list('role=admin&search=dora')).total).toBe(0);
    expect((await list('role=user&search=dora')).total).toBe(2);
  });

  it('treats a blank search as no search', async () => {
    expect((await list('search=%20%20')).total).toBe(37);
  });
});
