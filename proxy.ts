// Only bounces signed-out visitors to the login page. The real checks are the permission
// guards in every page, route handler, server action and data function.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", req.url);
  if (req.nextUrl.pathname !== "/") login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; assets and the login page are public.
  matcher: ["/((?!api/|_next/|login|favicon\\.ico|.*\\.(?:png|svg|jpg|ico|css|js|txt)$).*)"],
};
