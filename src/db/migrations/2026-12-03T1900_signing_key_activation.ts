import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// A rotated signing key is published in the JWKS before it signs anything: it signs from
// activates_at on. Keys that exist already have been signing since they were created.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table signing_keys add column activates_at timestamptz not null default now()`.execute(
    db,
  );
  await sql`update signing_keys set activates_at = created_at`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table signing_keys drop column activates_at`.execute(db);
}
