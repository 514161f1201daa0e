// SQL text spliced into statements that cannot take parameters (CREATE TABLE AS, DDL): string
// literals for configuration values (time zone, hash key) and identifiers. Never for user input.
export const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A quoted SQL identifier (table, column, constraint names from the code's own specs). */
export const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
