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
import { onCommand, type Command } from "../commands/bus";
import { WorkspaceProvider } from "./context";
import type { ReportRunner } from "./logic/reportRunner";
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

/** The latest word from the ribbon about a run it started (or its request that the pane run one). */
export interface RibbonNews {
  seq: number;
  command: Command;
}

function Shell({ runner, initialPage }: { runner: ReportRunner; initialPage: PageKey }) {
  const st = useShell();
  const [page, setPage] = useState<PageKey>(initialPage);
  const [news, setNews] = useState<RibbonNews | null>(null);
  useEffect(
    () =>
      onCommand((command) => {
        // Every ribbon event concerns reports: show that page, and let it follow the run.
        setPage("reports");
        setNews((n) => ({ seq: (n?.seq ?? 0) + 1, command }));
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
        {page === "reports" && <ReportsPage runner={runner} news={news} />}
        {page === "settings" && <SettingsPage />}
      </div>
    </>
  );
}

export interface AppProps {
  session: Session;
  /** The report runner; default the session's (tests pass their own). */
  runner?: ReportRunner;
  initialPage?: PageKey;
}

export function App({ session, runner, initialPage = "overview" }: AppProps) {
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
            <Shell runner={runner ?? session.runner} initialPage={initialPage} />
          </WorkspaceProvider>
        )}
      </main>
    </FluentProvider>
  );
}
