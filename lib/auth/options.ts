import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { endSession } from "./account";
import { clientAddress } from "./client-address";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionVersion: number;
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    // Credentials sign-in requires JWT sessions; lib/auth/session.ts re-checks the user in the
    // database on every request, so deactivation and role changes apply at once.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const address = clientAddress(request?.headers ?? {}, config.TRUST_PROXY);
          const result = await signInWithPassword(db(), credentials, address, {
            perAccount: config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
            perAddress: config.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
            windowMinutes: config.SIGN_IN_FAILURE_WINDOW_MINUTES,
          });
          // next-auth hands a thrown error's message to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          return result.user;
        },
      }),
    ],
    // Signing out ends the session on the server too: its cookie, if kept, no longer works.
    events: {
      async signOut({ token }) {
        if (token.uid && token.sessionVersion !== undefined) await endSession(db(), token.uid, token.sessionVersion);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? "",
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role ?? "AGENT",
        };
        session.sessionVersion = token.sessionVersion ?? -1;
        return session;
      },
    },
  };
}
