// GET /api/v1/me/notifications — the caller's notification choices; PUT { dailyDigest } changes them.
import { NextResponse } from "next/server";
import { z } from "zod";
import { pool } from "@/lib/db";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { getDigestOptIn, setDigestOptIn } from "@/lib/alerts/digest-preference";

export const dynamic = "force-dynamic";

export const GET = withPermission("signed-in", async (_req, { user }) => NextResponse.json({ dailyDigest: await getDigestOptIn(pool(), user) }));

export const PUT = withPermission("signed-in", async (req, { user }) => {
  const input = await parseJsonBody(req, z.object({ dailyDigest: z.boolean() }));
  if (!input.ok) return input.response;
  await setDigestOptIn(pool(), user, input.data.dailyDigest);
  return NextResponse.json({ dailyDigest: input.data.dailyDigest });
});
