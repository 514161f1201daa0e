// A file refused as a whole, before anything of it is stored. The message names the problem
// in words an admin can act on.
export type StructuralCode =
  | "empty_file"
  | "binary_content"
  | "no_header"
  | "not_csv"
  | "unknown_source"
  | "wrong_source"
  | "missing_columns"
  | "duplicate_columns"
  | "too_large";

export class StructuralError extends Error {
  constructor(
    readonly code: StructuralCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "StructuralError";
  }
}
