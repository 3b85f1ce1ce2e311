"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** `compact`: an icon below the `sm` width (the header at phone width), named "Sign out" all the same. */
export function SignOutButton({ compact = false }: { compact?: boolean }) {
  return (
    <Button
      variant="ghost"
      className={`whitespace-nowrap ${compact ? "max-sm:px-2" : ""}`}
      title={compact ? "Sign out" : undefined}
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
    >
      {compact ? (
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-4 w-4 sm:hidden"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <path d="M8 4H5v12h3M12 6.5 15.5 10 12 13.5M15.5 10H8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      ) : null}
      <span className={compact ? "max-sm:sr-only" : undefined}>Sign out</span>
    </Button>
  );
}
