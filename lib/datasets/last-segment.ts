// Hook for the customer's latest RFM segment in the customer_features dataset. The segments
// work builds its own gold table; until it is wired here, the column exists and is empty, so
// the dataset's shape (and downstream notebooks) do not change when it arrives. To wire it,
// replace `join` with a LEFT JOIN LATERAL on that table (latest row per v.customer_id) and
// `expr` with its segment column.
export const LAST_SEGMENT = { join: "", expr: "NULL::text" };
