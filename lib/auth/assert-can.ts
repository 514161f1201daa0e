// Data functions check the permission themselves too, so a new caller cannot forget it.
import type { CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`This action needs the '${permission}' permission.`);
    this.name = "ForbiddenError";
  }
}

export function assertCan(user: Pick<CurrentUser, "role">, permission: Permission): void {
  if (!can(user.role, permission)) throw new ForbiddenError(permission);
}
