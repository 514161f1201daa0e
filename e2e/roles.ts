// Shared by the e2e specs: one saved login per role (written by auth.setup.ts).
import path from "node:path";
import { ROLES } from "../lib/auth/permissions";

export { ROLES };
export type RoleName = (typeof ROLES)[number];
export const storageStateOf = (role: RoleName) => path.join(import.meta.dirname, ".auth", `${role}.json`);
export const emailOf = (role: RoleName) => `${role}@demo.local`;
export const DEMO_PASSWORD = "demo1234";
