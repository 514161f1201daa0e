// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the API, generated from the zod schemas
// the routes validate with. Public: it describes the API, it holds no data.
import { NextResponse } from "next/server";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";

export const GET = () => NextResponse.json(buildOpenApi());
