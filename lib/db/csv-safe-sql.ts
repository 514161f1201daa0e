// A text SQL expression made safe for CSV opened in a spreadsheet: a cell starting with
// = + - @ (or tab/CR) would run as a formula, so it gets a leading apostrophe.
export const csvSafeSql = (expr: string) => `regexp_replace(${expr}, '^([=+\\-@\\t\\r])', '''\\1')`;
