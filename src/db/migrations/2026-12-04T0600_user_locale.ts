import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// The user's language: one of the shipped locales, or null to follow the browser (Accept-Language).
// A new language widens the check constraint in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column locale text
    constraint users_locale_check check (locale in ('en', 'de', 'es', 'ar'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column locale`.execute(db);
}
