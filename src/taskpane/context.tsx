/**
 * The workspace: the port, the opened book (settings and where each table is), today's date and the progress
 * hub, handed to every page through React context. `refresh` re-opens the book after a write; pages that read
 * tables re-read them because `version` changes.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { openBook, type Book } from "../port/book";
import type { WorkbookPort } from "../port/types";
import type { HostKind } from "./host";
import type { ProgressHub } from "./progress";

export interface Workspace {
  port: WorkbookPort;
  book: Book;
  mode: HostKind;
  today: number;
  progress: ProgressHub;
  version: number;
  refresh(): Promise<void>;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error("useWorkspace needs a WorkspaceProvider above it.");
  return w;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

interface ProviderProps {
  port: WorkbookPort;
  mode: HostKind;
  today: number;
  progress: ProgressHub;
  /** Shown while the book opens and when it cannot be opened. */
  fallback: (state: { error: string | null; retry: () => void }) => ReactNode;
  children: ReactNode;
}

export function WorkspaceProvider({ port, mode, today, progress, fallback, children }: ProviderProps) {
  const [book, setBook] = useState<Book | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    openBook(port).then(
      (b) => live && (setBook(b), setError(null)),
      (e: unknown) => live && setError(errorText(e))
    );
    return () => {
      live = false;
    };
  }, [port, attempt]);

  const refresh = useCallback(async () => {
    const b = await openBook(port);
    setBook(b);
    setVersion((v) => v + 1);
  }, [port]);

  if (!book) return <>{fallback({ error, retry: () => setAttempt((a) => a + 1) })}</>;
  return (
    <WorkspaceContext.Provider value={{ port, book, mode, today, progress, version, refresh }}>
      {children}
    </WorkspaceContext.Provider>
  );
}

/** Runs an async read of the book whenever the workspace changes (a write, a refresh). */
export function useLoad<T>(load: (w: Workspace) => Promise<T>): { value: T | null; error: string | null } {
  const w = useWorkspace();
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    let live = true;
    load(w).then(
      (value) => live && setState({ value, error: null }),
      (e: unknown) => live && setState({ value: null, error: errorText(e) })
    );
    return () => {
      live = false;
    };
    // Re-read when the book or the version changes, not on every render of the caller.
  }, [w.book, w.version]);
  return state;
}
