// Saves how a foreign export's columns map onto a contract, for files with the same header.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { CONTRACTS, SOURCES, type SourceName } from "../pipeline/contracts";
import { headerSignature, normaliseName } from "../pipeline/ingest/resolve-layout";

export const saveMappingInput = z
  .object({
    source: z.enum(SOURCES as [SourceName, ...SourceName[]]),
    header: z.array(z.string()).min(1).max(500),
    mapping: z.record(z.string(), z.string().nullable()),
    decimalSeparator: z.enum([".", ","]).nullable().default(null),
    dateFormat: z.enum(["iso", "dmy"]).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const contract = CONTRACTS[v.source];
    const header = v.header.map(normaliseName);
    for (const [col, fileCol] of Object.entries(v.mapping)) {
      if (!contract.columnNames.includes(col)) ctx.addIssue({ code: "custom", path: ["mapping", col], message: `${v.source} has no column ${col}` });
      if (fileCol && !header.includes(normaliseName(fileCol))) ctx.addIssue({ code: "custom", path: ["mapping", col], message: `${fileCol} is not in the header` });
    }
    for (const c of contract.def.columns.filter((c) => c.required && !v.mapping[c.name])) {
      ctx.addIssue({ code: "custom", path: ["mapping", c.name], message: `required column ${c.name} must be mapped` });
    }
  });

export async function saveMapping(db: PrismaClient, actor: CurrentUser, input: z.infer<typeof saveMappingInput>) {
  assertCan(actor, "uploads:write");
  const mapping = Object.fromEntries(Object.entries(input.mapping).filter((e): e is [string, string] => !!e[1]));
  const signature = headerSignature(input.header);
  const data = { mapping, decimalSeparator: input.decimalSeparator, dateFormat: input.dateFormat, createdById: actor.id };
  const row = await db.columnMapping.upsert({
    where: { source_headerSignature: { source: input.source, headerSignature: signature } },
    create: { source: input.source, headerSignature: signature, ...data },
    update: data,
  });
  await db.auditLog.create({ data: { actorId: actor.id, action: "mapping.saved", target: `${input.source}:${row.id}`, details: { header: input.header, mapping } } });
  return { id: String(row.id) };
}
