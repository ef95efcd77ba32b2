/**
 * Where the page runs: inside Excel (Office.js loaded and the host is Excel) or in a plain browser, where it runs
 * in demo mode. Offline the office.js CDN may never answer, so the wait is bounded.
 */
export type HostKind = "excel" | "demo";

interface OfficeLike {
  onReady?: () => Promise<{ host: string | null }>;
  HostType?: { Excel: string };
}

export async function detectHost(timeoutMs = 3000): Promise<HostKind> {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  if (!office?.onReady) return "demo";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostKind>((resolve) => {
    timer = setTimeout(() => resolve("demo"), timeoutMs);
  });
  const ready = office
    .onReady()
    .then((info): HostKind => (info.host && info.host === (office.HostType?.Excel ?? "Excel") ? "excel" : "demo"))
    .catch((): HostKind => "demo");
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
