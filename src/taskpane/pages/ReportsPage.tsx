/**
 * Reports: choose the period and valuation method, Generate (with a progress bar fed by the port's progress),
 * then the list of sheets written — click one to go to it — and the number of rows on the Issues sheet.
 */
import { Button, Checkbox, Field, Link, ProgressBar, Select, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { fiscalYear, fiscalYearBounds } from "../../engine/dates";
import { VALUATION_METHODS, type ValuationMethod } from "../../engine/settings";
import type { Progress } from "../../port/types";
import { OutcomeBar } from "../components/OutcomeBar";
import { TextField } from "../components/TextField";
import { errorText, useWorkspace } from "../context";
import { isoOf, serialOfIso } from "../format";
import type { Outcome } from "../logic/outcome";
import type { RibbonNews } from "../App";
import type { ReportRun, ReportRunner } from "../logic/reportRunner";
import { useStyles } from "../styles";

export interface ReportsForm {
  from: string;
  to: string;
  method: "" | ValuationMethod;
  allowNegativeStock: boolean;
}

export function reportProblems(f: ReportsForm): Partial<Record<"from" | "to", string>> {
  const p: Partial<Record<"from" | "to", string>> = {};
  const from = serialOfIso(f.from);
  const to = serialOfIso(f.to);
  if (from === null) p.from = "Enter the first day of the period (yyyy-mm-dd).";
  if (to === null) p.to = "Enter the last day of the period (yyyy-mm-dd).";
  else if (from !== null && from > to) p.to = "The period must end on or after its first day.";
  return p;
}

interface Props {
  runner: ReportRunner;
  /** The ribbon's latest event: a request to generate here, or news of a run the ribbon button started. */
  news: RibbonNews | null;
}

export function ReportsPage({ runner, news }: Props) {
  const s = useStyles();
  const w = useWorkspace();
  const fyEnd = w.book.settings.fiscalYearEndMonth;
  const fy = fiscalYear(w.today, fyEnd);
  const [form, setForm] = useState<ReportsForm>({
    from: isoOf(fiscalYearBounds(fy, fyEnd).start),
    to: isoOf(w.today),
    method: "",
    allowNegativeStock: w.book.settings.allowNegativeStock,
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<ReportRun | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const problems = reportProblems(form);

  useEffect(() => w.progress.listen(setProgress), [w.progress]);

  const setPeriod = (year: number) => {
    const b = fiscalYearBounds(year, fyEnd);
    setForm((f) => ({ ...f, from: isoOf(b.start), to: isoOf(Math.min(b.end, w.today)) }));
  };

  const generate = async () => {
    if (Object.keys(problems).length > 0 || busy) return;
    setBusy(true);
    setOutcome(null);
    setProgress({ step: "Starting", done: 0, total: 1 });
    try {
      const r = await runner(
        w.port,
        {
          from: serialOfIso(form.from) as number,
          to: serialOfIso(form.to) as number,
          valuationMethod: form.method === "" ? null : form.method,
          allowNegativeStock: form.allowNegativeStock,
        },
        w.progress.emit
      );
      finished(r);
    } catch (e) {
      failed(errorText(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const finished = (r: ReportRun) => {
    setRun(r);
    setOutcome({
      ok: true,
      message: `Wrote ${r.sheets.length} report sheets.`,
      warnings: [
        ...(r.pivotFallback ? [r.pivotFallback] : []),
        ...(r.chartFailures ?? []).map((c) => `Chart not added: ${c}`),
      ],
    });
    void w.refresh();
  };
  const failed = (message: string) => setOutcome({ ok: false, message }); // the runner's message says what was kept

  // Follow the ribbon: run when asked; otherwise show the progress and outcome of the run it started.
  const follow = useRef({ generate, finished, failed });
  follow.current = { generate, finished, failed };
  useEffect(() => {
    const c = news?.command;
    if (!c) return;
    const f = follow.current;
    if (c.kind === "generateReports") void f.generate();
    else if (c.kind === "reportsStarted") {
      setOutcome(null);
      setBusy(true);
      setProgress({ step: "Starting", done: 0, total: 1 });
    } else if (c.kind === "reportProgress") {
      setBusy(true);
      setProgress({ step: c.step, done: c.done, total: c.total });
    } else if (c.kind === "reportsDone") {
      setBusy(false);
      setProgress(null);
      f.finished({
        sheets: c.sheets,
        issues: c.issues,
        pivotFallback: c.pivotFallback,
        chartFailures: c.chartFailures,
      });
    } else if (c.kind === "error") {
      setBusy(false);
      setProgress(null);
      f.failed(c.message);
    }
  }, [news]);

  const activate = async (name: string) => {
    try {
      await w.port.activateSheet(name);
    } catch (e) {
      setOutcome({ ok: false, message: errorText(e) });
    }
  };

  return (
    <div className={s.stack}>
      <h2 className={s.h2}>Reports</h2>
      <form
        className={s.form}
        aria-label="Report options"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <Field label="Fiscal year">
          <Select
            value={String(fiscalYear(serialOfIso(form.to) ?? w.today, fyEnd))}
            onChange={(_, d) => setPeriod(Number(d.value))}
          >
            {[fy, fy - 1, fy - 2].map((y) => (
              <option key={y} value={String(y)}>
                FY {y}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.twoCols}>
          <TextField
            label="From"
            type="date"
            required
            value={form.from}
            onChange={(v) => setForm((f) => ({ ...f, from: v }))}
            problem={problems.from}
          />
          <TextField
            label="To"
            type="date"
            required
            value={form.to}
            onChange={(v) => setForm((f) => ({ ...f, to: v }))}
            problem={problems.to}
          />
        </div>
        <Field label="Valuation method">
          <Select
            value={form.method}
            onChange={(_, d) => setForm((f) => ({ ...f, method: d.value as ReportsForm["method"] }))}
          >
            <option value="">Each item&rsquo;s own (default {w.book.settings.valuationMethod})</option>
            {VALUATION_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Allow negative stock (value shortfalls at the last unit cost)"
          checked={form.allowNegativeStock}
          onChange={(_, d) => setForm((f) => ({ ...f, allowNegativeStock: d.checked === true }))}
        />
        <div className={s.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Generate reports
          </Button>
        </div>
        {busy && (
          <Field
            label="Progress"
            validationState="none"
            validationMessage={progress ? `${progress.step} (${progress.done} of ${progress.total})` : "Starting"}
          >
            <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} />
          </Field>
        )}
        <OutcomeBar outcome={outcome} />
      </form>
      {run && (
        <section className={s.section} aria-labelledby="sheets-heading">
          <h3 id="sheets-heading" className={s.h3}>
            Sheets written
          </h3>
          <ul className={s.list} data-testid="sheets-written">
            {run.sheets.map((name) => (
              <li key={name}>
                <Link as="button" onClick={() => void activate(name)}>
                  {name}
                </Link>
              </li>
            ))}
          </ul>
          <Text>
            Issues: {run.issues}{" "}
            {run.sheets.includes("Issues") && (
              <Link as="button" onClick={() => void activate("Issues")}>
                open the Issues sheet
              </Link>
            )}
          </Text>
        </section>
      )}
    </div>
  );
}
