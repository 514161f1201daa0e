// POST /api/v1/alerts/{id}/acknowledge — { comment? }: mark an alert seen, recording who and when.
// Supply chain and admins (alerts:ack).
import { z } from "zod";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseId } from "@/lib/api/parse-id";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { alertChangeResponse } from "@/lib/alerts/alert-change-response";
import { acknowledgeAlert } from "@/lib/alerts/change-alert-status";

type Ctx = { params: Promise<{ id: string }> };
const body = z.object({ comment: z.string().max(2000).nullish() });

export const POST = withPermission<Ctx>("alerts:ack", async (req, { user, params }) => {
  const id = parseId((await params).id);
  if (id === null) return apiError(404, "not_found", "No such alert.");
  const input = await parseJsonBody(req, body);
  if (!input.ok) return input.response;
  return alertChangeResponse(await acknowledgeAlert(pool(), user, id, input.data.comment ?? null));
});
