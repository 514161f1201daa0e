// next-auth configuration: email + password, JWT sessions carrying the user id and role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { env } from "../env";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60; // a working day

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await authenticate(
            db,
            {
              email: credentials?.email ?? "",
              password: credentials?.password ?? "",
              address: clientAddress(req?.headers ?? {}),
            },
            {
              perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
              perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
              windowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
            },
          );
          // next-auth turns a thrown Error's message into ?error=<message> for the login page.
          if (!result.ok) throw new Error(result.reason === "throttled" ? "throttled" : "invalid");
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; locale: string };
          token.sub = u.id;
          token.role = u.role;
          token.locale = u.locale;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role, locale: token.locale } };
      },
    },
  };
}
