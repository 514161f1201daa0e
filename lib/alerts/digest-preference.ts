// A user's own choice to receive the morning digest email.
import type pg from "pg";
import type { CurrentUser } from "../auth/current-user";

export async function getDigestOptIn(pool: pg.Pool, actor: CurrentUser): Promise<boolean> {
  const { rows } = await pool.query<{ on: boolean }>("SELECT daily_digest AS on FROM notification_preference WHERE user_id = $1", [actor.id]);
  return rows[0]?.on ?? false;
}

export async function setDigestOptIn(pool: pg.Pool, actor: CurrentUser, on: boolean): Promise<void> {
  await pool.query(
    `INSERT INTO notification_preference (user_id, daily_digest, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET daily_digest = EXCLUDED.daily_digest, updated_at = now()`,
    [actor.id, on],
  );
}
