/**
 * The task pane: Office-themed shell, demo banner outside Excel, and five pages under a tab list. The port comes
 * from the session (src/taskpane/workbook.ts); pages reach it through the workspace context only.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { onCommand } from "../commands/bus";
import { WorkspaceProvider } from "./context";
import { reportRunner as defaultRunner, type ReportRunner } from "./logic/reportRunner";
import { AssetsPage } from "./pages/AssetsPage";
import { InventoryPage } from "./pages/InventoryPage";
import { OverviewPage } from "./pages/OverviewPage";
import { ReportsPage } from "./pages/ReportsPage";
import { SettingsPage } from "./pages/SettingsPage";
import { fluentTheme } from "./theme";
import type { Session } from "./workbook";

export type PageKey = "overview" | "assets" | "inventory" | "reports" | "settings";

const PAGES: { key: PageKey; label: string }[] = [
  { key: "overview", label: "Overview" },
  { key: "assets", label: "Assets" },
  { key: "inventory", label: "Inventory" },
  { key: "reports", label: "Reports" },
  { key: "settings", label: "Settings" },
];

const useShell = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  title: { margin: 0 },
  tabs: { flexWrap: "wrap" },
  panel: { paddingTop: tokens.spacingVerticalS },
});

function Shell({ runner, initialPage }: { runner: ReportRunner | null; initialPage: PageKey }) {
  const st = useShell();
  const [page, setPage] = useState<PageKey>(initialPage);
  const [trigger, setTrigger] = useState(0);
  useEffect(
    () =>
      onCommand((c) => {
        if (c.kind === "generateReports") {
          setPage("reports");
          setTrigger((t) => t + 1);
        }
      }),
    []
  );
  return (
    <>
      <nav aria-label="Pages">
        <TabList
          className={st.tabs}
          size="small"
          selectedValue={page}
          onTabSelect={(_, d) => setPage(d.value as PageKey)}
        >
          {PAGES.map((p) => (
            <Tab
              key={p.key}
              value={p.key}
              id={`tab-${p.key}`}
              aria-controls={p.key === page ? `panel-${p.key}` : undefined}
            >
              {p.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <div role="tabpanel" id={`panel-${page}`} aria-labelledby={`tab-${page}`} className={st.panel}>
        {page === "overview" && <OverviewPage />}
        {page === "assets" && <AssetsPage />}
        {page === "inventory" && <InventoryPage />}
        {page === "reports" && <ReportsPage runner={runner} trigger={trigger} />}
        {page === "settings" && <SettingsPage />}
      </div>
    </>
  );
}

export interface AppProps {
  session: Session;
  /** Tests pass their own runner; the add-in uses the project's (null until it is built). */
  runner?: ReportRunner | null;
  initialPage?: PageKey;
}

export function App({ session, runner = defaultRunner, initialPage = "overview" }: AppProps) {
  const st = useShell();
  return (
    <FluentProvider theme={fluentTheme(session.theme)}>
      <main className={st.root}>
        <Title3 as="h1" className={st.title}>
          Stockbook
        </Title3>
        {session.mode === "demo" && (
          <MessageBar intent="info" data-testid="demo-banner">
            <MessageBarBody>
              <MessageBarTitle>Demo mode</MessageBarTitle>
              Not running inside Excel: this is a made-up workbook kept in this page only. Nothing is saved.
            </MessageBarBody>
          </MessageBar>
        )}
        {session.problem && (
          <MessageBar intent="error">
            <MessageBarBody>{session.problem}</MessageBarBody>
          </MessageBar>
        )}
        {session.port && (
          <WorkspaceProvider
            port={session.port}
            mode={session.mode}
            today={session.today}
            progress={session.progress}
            fallback={({ error, retry }) =>
              error ? (
                <MessageBar intent="error">
                  <MessageBarBody>
                    Could not open this workbook: {error}{" "}
                    <Button size="small" onClick={retry}>
                      Try again
                    </Button>
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <Spinner label="Opening the workbook…" />
              )
            }
          >
            <Shell runner={runner} initialPage={initialPage} />
          </WorkspaceProvider>
        )}
      </main>
    </FluentProvider>
  );
}
