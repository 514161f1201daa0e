import { defineContract, notBefore } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const customers = defineContract({
  source: "customers",
  version: 1,
  description: "Customer accounts from the shop database. A customer is re-exported whenever it changes.",
  format: "csv",
  key: ["customer_id"],
  versionColumn: "updated_at",
  files:
    "customers/customers_<YYYY-MM-DD>.csv: accounts created or changed that day (Paris date of updated_at); " +
    "customers/customers_full_<YYYY-MM-DD>.csv: full snapshot at the end of the export period.",
  columns: [
    { name: "customer_id", type: "string", required: true, pattern: ID_PATTERNS.customer, description: "Shop customer identifier.", example: "C0001234" },
    { name: "email", type: "string", required: true, pattern: ID_PATTERNS.email, pii: "email", description: "Login email, lower case.", example: "helene.martin1234@orange.fr" },
    { name: "first_name", type: "string", required: true, pii: "name", description: "First name as typed by the customer (accents kept).", example: "Hélène" },
    { name: "last_name", type: "string", required: true, pii: "name", description: "Last name.", example: "Martin" },
    { name: "country", type: "string", required: true, pattern: ID_PATTERNS.countryCode, description: "ISO 3166-1 alpha-2 country of the default address.", example: "FR" },
    { name: "city", type: "string", required: true, pii: "address", description: "City of the default address.", example: "Lyon" },
    { name: "created_at", type: "timestamp", required: true, description: "Account creation, Paris time with offset.", example: "2025-03-01T14:03:22+01:00" },
    { name: "marketing_opt_in", type: "boolean", required: true, description: "Consent to marketing emails (GDPR).", example: "true" },
    { name: "updated_at", type: "timestamp", required: true, description: "Last change; the latest version of a customer wins.", example: "2025-03-02T09:12:00+01:00" },
  ],
  rules: [notBefore("customers.updated_after_created", "updated_at", "created_at")],
});
