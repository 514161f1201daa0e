// Shapes of user-management input, shared by the admin screen's actions and /api/v1/users.
import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("a valid email address is required"),
  name: z.string().trim().min(1, "a name is required").max(120),
  role: z.enum(ROLES),
  password: z.string().min(10, "at least 10 characters").max(200),
});

export const updateUserInput = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
