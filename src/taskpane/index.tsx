import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";
import { createSession } from "./workbook";

async function main(): Promise<void> {
  const host = await detectHost();
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App session={createSession(host, window.location.search)} />);
}

void main();
