// A SQL string literal for configuration values (time zone, hash key) spliced into statements
// that cannot take parameters (CREATE TABLE AS). Never used for user input.
export const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
