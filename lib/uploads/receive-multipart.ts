// Streams a multipart upload (field `file`, optional text fields) to a private temporary file,
// never holding the file in memory and never using the client's file name as a path.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";

export type ReceivedUpload = { path: string; fileName: string; fields: Record<string, string>; cleanup: () => Promise<void> };

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: "no_file" | "too_large" | "bad_request",
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

export async function receiveMultipart(req: Request, maxBytes: number): Promise<ReceivedUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !req.body) {
    throw new UploadError(400, "bad_request", "Send the file as multipart/form-data with a field named 'file'.");
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "upload-"));
  const target = path.join(dir, "upload");
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let tooLarge = false;
  let writing: Promise<void> | null = null;
  try {
    const parser = busboy({ headers: { "content-type": type }, limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024 } });
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (name, stream, info) => {
      if (name !== "file") return void stream.resume();
      fileName = displayName(info.filename);
      stream.on("limit", () => (tooLarge = true));
      writing = pipeline(stream, createWriteStream(target));
    });
    await pipeline(Readable.fromWeb(req.body as import("node:stream/web").ReadableStream), parser);
    await writing;
    if (tooLarge) throw new UploadError(413, "too_large", `The file is larger than the ${Math.round(maxBytes / 1048576)} MB upload limit (UPLOAD_MAX_MB).`);
    if (!fileName) throw new UploadError(400, "no_file", "No file received: the form field must be named 'file'.");
    return { path: target, fileName, fields, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

// The name is only ever displayed and stored as text: strip any path and control characters.
function displayName(name: string | undefined): string {
  const base = (name ?? "upload").split(/[\\/]/).pop() ?? "upload";
  return base.replace(/[\u0000-\u001f]/g, "").slice(0, 255) || "upload";
}
