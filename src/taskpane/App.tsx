import { FluentProvider, MessageBar, MessageBarBody, Title3, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { onCommand } from "../commands/bus";
import type { HostKind } from "./host";

export function App({ host }: { host: HostKind }) {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(
    () =>
      onCommand((c) => {
        setNotice(c.kind === "error" ? c.message : "Report generation is not built yet: no report was written.");
      }),
    []
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <Title3 as="h1">Stockbook</Title3>
        {host === "demo" && (
          <MessageBar intent="info">
            <MessageBarBody>Demo mode: not running inside Excel.</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
