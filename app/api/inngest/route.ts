// The Inngest endpoint: GET introspection, PUT sync, POST step execution. Not behind a session:
// every request is checked against INNGEST_SIGNING_KEY by the SDK (INNGEST_DEV=1 skips the check
// for the local dev server only).
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { createFunctions } from "@/inngest/functions";
import { pool } from "@/lib/db";
import { appPipelineOptions } from "@/lib/pipeline/pipeline-config";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// A pipeline step can take minutes at scale (Vercel-style hosts honour this; a plain server has no limit).
export const maxDuration = 800;

const handler = serve({ client: inngest, functions: createFunctions(inngest, { pool, options: appPipelineOptions }) });

export const GET = handler.GET;
export const POST = handler.POST;
export const PUT = handler.PUT;
