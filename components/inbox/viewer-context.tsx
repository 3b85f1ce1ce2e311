"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The signed-in agent, as the inbox's client components need them (who "you" and "mine" are). */
export type Viewer = { id: string; name: string; role: "ADMIN" | "AGENT" };

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer outside ViewerProvider");
  return viewer;
}
