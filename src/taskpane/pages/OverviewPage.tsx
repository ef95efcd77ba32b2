/**
 * Overview: which tables the workbook has (with row counts), "Set up tables" for the missing ones, and the
 * cards of what needs attention today, each opening its list.
 */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { TABLE_NAMES } from "../../engine/schema/tables";
import { OutcomeBar } from "../components/OutcomeBar";
import { useLoad, useWorkspace } from "../context";
import { isoOf, qty } from "../format";
import { readAttention } from "../logic/attention";
import type { Outcome } from "../logic/outcome";
import { setUpTables } from "../logic/setupTables";
import { useStyles } from "../styles";

function AttentionCard(props: { title: string; count: number; children: ReactNode; empty: string }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className={s.card}>
      <Text weight="semibold">{props.title}</Text>
      <span className={s.count}>{props.count}</span>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        disabled={props.count === 0}
      >
        {open ? "Hide list" : props.count === 0 ? props.empty : "Show list"}
      </Button>
      {open && (
        <div id={listId} role="region" aria-label={props.title}>
          {props.children}
        </div>
      )}
    </div>
  );
}

export function OverviewPage() {
  const s = useStyles();
  const w = useWorkspace();
  const attention = useLoad((ws) => readAttention(ws.book, ws.today));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const missing = TABLE_NAMES.filter((t) => !w.book.tables[t]);

  const setUp = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const o = await setUpTables(w.book);
      setOutcome(o);
      await w.refresh();
    } finally {
      setBusy(false);
    }
  };

  const a = attention.value;
  return (
    <div className={s.stack}>
      <h2 className={s.h2}>Overview</h2>
      <section className={s.section} aria-labelledby="tables-heading">
        <h3 id="tables-heading" className={s.h3}>
          Tables
        </h3>
        <ul className={s.plainList} data-testid="table-list">
          {TABLE_NAMES.map((t) => {
            const info = w.book.tables[t];
            return (
              <li key={t}>
                <Text weight="semibold">{t}</Text>{" "}
                {info ? (
                  <Text>
                    — {info.rowCount} {info.rowCount === 1 ? "row" : "rows"}
                    {info.name !== t ? ` (table ${info.name})` : ""}
                  </Text>
                ) : (
                  <Text className={s.danger}>— missing</Text>
                )}
              </li>
            );
          })}
        </ul>
        {missing.length > 0 && (
          <div className={s.row}>
            <Button appearance="primary" onClick={setUp} disabled={busy}>
              Set up tables
            </Button>
            {busy && <Spinner size="tiny" label="Creating tables…" />}
          </div>
        )}
        {missing.length > 0 && (
          <Text size={200} className={s.muted}>
            Creates {missing.join(", ")} on new sheets with headers, formats and drop-down lists. Existing sheets are
            left as they are.
          </Text>
        )}
        <OutcomeBar outcome={outcome} />
      </section>
      <section className={s.section} aria-labelledby="attention-heading">
        <h3 id="attention-heading" className={s.h3}>
          Needs attention
        </h3>
        {attention.error && <Text className={s.danger}>Could not read the tables: {attention.error}</Text>}
        {!a && !attention.error && <Spinner size="small" label="Reading the tables…" />}
        {a && (
          <div className={s.cards}>
            <AttentionCard title="Items to reorder" count={a.reorder.length} empty="None">
              <ul className={s.list}>
                {a.reorder.map((l) => (
                  <li key={l.sku}>
                    {l.sku} {l.description ?? ""}: {qty(l.onHand)} on hand, order {qty(l.suggestedOrder)}
                  </li>
                ))}
              </ul>
            </AttentionCard>
            <AttentionCard title="Loans overdue" count={a.overdue.length} empty="None">
              <ul className={s.list}>
                {a.overdue.map((l) => (
                  <li key={l.row}>
                    {l.assetId} — {l.holder}, due {isoOf(l.due)} ({l.daysOverdue} days late)
                  </li>
                ))}
              </ul>
            </AttentionCard>
            <AttentionCard title={`Warranties ending in ${a.warningDays} days`} count={a.expiring.length} empty="None">
              <ul className={s.list}>
                {a.expiring.map((x) => (
                  <li key={x.row}>
                    {x.assetId} {x.name ?? ""}: {isoOf(x.expires)} ({x.daysLeft} days left)
                  </li>
                ))}
              </ul>
            </AttentionCard>
            <AttentionCard title="Data issues" count={a.issues.length} empty="None">
              <ul className={s.list}>
                {a.issues.slice(0, 100).map((x, i) => (
                  <li key={i}>
                    {x.table}
                    {x.row !== null ? ` row ${x.row}` : ""}: {x.message}
                  </li>
                ))}
              </ul>
            </AttentionCard>
          </div>
        )}
      </section>
    </div>
  );
}
