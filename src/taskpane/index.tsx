import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

async function main(): Promise<void> {
  const host = await detectHost();
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App host={host} />);
}

void main();
