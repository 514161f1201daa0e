// PUT /api/v1/mappings — save a column mapping for a source and a file header. Admins (uploads:write).
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { saveMapping, saveMappingInput } from "@/lib/uploads/save-mapping";

export const PUT = withPermission("uploads:write", async (req, { user }) => {
  const input = await parseJsonBody(req, saveMappingInput);
  if (!input.ok) return input.response;
  return NextResponse.json(await saveMapping(db, user, input.data));
});
