// Root: send each signed-in user to their role's home page.
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/navigation";

export default async function Home() {
  const user = await requireUser();
  redirect(ROLE_HOME[user.role]);
}
