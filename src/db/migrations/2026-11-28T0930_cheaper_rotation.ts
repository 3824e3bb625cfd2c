import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Cheaper refresh-token rotation (measured in docs/benchmarks.md):
// - parent_id stays as lineage for the data export, but without a foreign key (a referential
//   check per rotation) and without an index: nothing ever walks the chain, reuse revokes by session.
// - Free space on every page so that marking a token used and touching its session can be
//   heap-only (HOT) updates that write no index entries.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table refresh_tokens drop constraint refresh_tokens_parent_id_fkey`.execute(db);
  await sql`drop index refresh_tokens_parent_idx`.execute(db);
  await sql`alter table refresh_tokens set (fillfactor = 90)`.execute(db);
  await sql`alter table sessions set (fillfactor = 80)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions reset (fillfactor)`.execute(db);
  await sql`alter table refresh_tokens reset (fillfactor)`.execute(db);
  await sql`create index refresh_tokens_parent_idx on refresh_tokens (parent_id)`.execute(db);
  // Lineage pointing at rows removed meanwhile would violate the restored key.
  await sql`update refresh_tokens set parent_id = null
             where parent_id is not null
               and not exists (select 1 from refresh_tokens p where p.id = refresh_tokens.parent_id)`.execute(
    db,
  );
  await sql`alter table refresh_tokens add constraint refresh_tokens_parent_id_fkey
             foreign key (parent_id) references refresh_tokens (id) on delete set null`.execute(db);
}
