// The one JSON error shape of the API: { error: { code, message, details? } }.
import { NextResponse } from "next/server";

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

export function apiError(status: number, code: string, message: string, details?: unknown) {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return NextResponse.json(body, { status });
}
