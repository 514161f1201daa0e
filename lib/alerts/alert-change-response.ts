// The HTTP answer to an acknowledge/resolve attempt (shared by both routes).
import { NextResponse } from "next/server";
import { apiError } from "../api/errors";
import type { AlertChange } from "./change-alert-status";

export function alertChangeResponse(change: AlertChange): Response {
  if (change.ok) return NextResponse.json({ alert: change.alert });
  if (change.reason === "not_found") return apiError(404, "not_found", "No such alert (or not one your role may see).");
  return apiError(409, "already_resolved", "This alert is already resolved.");
}
