/**
 * Searching text a user typed: `%` and `_` in it are letters, not
 * wildcards. The pattern escapes them (and the escape character itself)
 * and the condition names the escape character, which SQLite needs and
 * PostgreSQL accepts.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

const ESCAPE = '\\';

/** The text with LIKE's special characters escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `${ESCAPE}${c}`);
}

/** `column LIKE pattern ESCAPE '\'` where `pattern` is built from escaped text. */
export function likeCondition(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape ${sql.lit(ESCAPE)}`;
}

/** Column holds the typed text anywhere. */
export function contains(column: string, text: string): RawBuilder<SqlBool> {
  return likeCondition(column, `%${escapeLike(text)}%`);
}

/** Column starts with the typed text. */
export function startsWith(column: string, text: string): RawBuilder<SqlBool> {
  return likeCondition(column, `${escapeLike(text)}%`);
}
