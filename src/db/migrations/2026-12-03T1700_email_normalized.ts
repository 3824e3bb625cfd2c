import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Emails compare by a key that JavaScript computes (users.email_normalized), byte for byte, in
// place of the unique index on lower(email): lower() follows the database's locale (C folds ASCII
// only, ICU Turkish lowers I to ı), so JavaScript and PostgreSQL disagreed on non-ASCII addresses.

/** The key as the application computed it when this migration was written (users/email.ts). */
function keyOf(email: string): string {
  return email.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC');
}

const BATCH = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  // COLLATE "C": equality and order are of bytes, whatever the database's default collation.
  await sql`alter table users add column email_normalized text collate "C"`.execute(db);
  for (let after = 0; ;) {
    const rows = await sql<{ id: number; email: string }>`
      select id, email from users where id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    await sql`
      update users set email_normalized = batch.key
      from unnest(${rows.rows.map((r) => r.id)}::int[], ${rows.rows.map((r) => keyOf(r.email))}::text[])
        as batch(id, key)
      where users.id = batch.id`.execute(db);
    after = rows.rows.at(-1)!.id;
  }
  // Accounts that the old comparison kept apart but are one address now: an operator decides.
  const clashes = await sql<{ ids: number[] }>`
    select array_agg(id order by id) as ids from users
    group by email_normalized having count(*) > 1`.execute(db);
  if (clashes.rows.length > 0) {
    const list = clashes.rows.map((r) => r.ids.join(' and ')).join('; ');
    throw new Error(
      `These accounts have one email address, spelled differently: ${list}. ` +
        'Change the email of all but one of each group (or delete them), then migrate again.',
    );
  }
  await sql`alter table users alter column email_normalized set not null`.execute(db);
  await sql`alter table users add constraint users_email_normalized_key unique (email_normalized)`.execute(
    db,
  );
  await sql`drop index users_email_lower_key`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create unique index users_email_lower_key on users (lower(email))`.execute(db);
  await sql`alter table users drop column email_normalized`.execute(db);
}
