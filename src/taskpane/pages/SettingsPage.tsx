/**
 * Settings, stored on the workbook's `_Stockbook` sheet: header mapping for the user's own tables, the fiscal
 * year's last month, currency decimals, default valuation method, negative stock, the warranty warning and the
 * accounts the Journal posts to.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Select,
  Spinner,
  Switch,
  Text,
  useId,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { matchHeaders } from "../../engine/schema/parse";
import { TABLE_NAMES, TABLES, type TableName } from "../../engine/schema/tables";
import { VALUATION_METHODS, type Settings, type ValuationMethod } from "../../engine/settings";
import { OutcomeBar } from "../components/OutcomeBar";
import {
  ACCOUNT_FIELDS,
  accountProblems,
  accountsFormOf,
  accountsOf,
  defaultAccountsForm,
  type AccountProblems,
  type AccountsForm,
} from "../logic/accountsForm";
import { TextField } from "../components/TextField";
import { errorText, useWorkspace } from "../context";
import { MONTH_NAMES } from "../../engine/dates";
import type { Outcome } from "../logic/outcome";
import { useStyles } from "../styles";

export interface SettingsForm {
  fiscalYearEndMonth: string;
  currencyDecimals: string;
  valuationMethod: ValuationMethod;
  allowNegativeStock: boolean;
  warrantyWarningDays: string;
  headerMap: Partial<Record<TableName, Record<string, string>>>;
  accounts: AccountsForm;
}

export type SettingsProblems = Partial<Record<"currencyDecimals" | "warrantyWarningDays" | TableName, string>> & {
  /** Present only when an account field is wrong, so an empty problem list still means "nothing to fix". */
  accounts?: AccountProblems;
};

const intIn = (t: string, lo: number, hi: number) => /^\d+$/.test(t.trim()) && +t >= lo && +t <= hi;

export function settingsProblems(f: SettingsForm): SettingsProblems {
  const p: SettingsProblems = {};
  if (!intIn(f.currencyDecimals, 0, 6)) p.currencyDecimals = "Enter a whole number of decimals from 0 to 6.";
  if (!intIn(f.warrantyWarningDays, 0, 3650))
    p.warrantyWarningDays = "Enter a whole number of days from 0 to 3650 (0: no warning before expiry).";
  for (const t of TABLE_NAMES) {
    const used = Object.entries(f.headerMap[t] ?? {}).filter(([, h]) => h !== "");
    const seen = new Map<string, string>();
    for (const [col, h] of used) {
      const other = seen.get(h.toLowerCase());
      if (other) {
        p[t] = `Columns ${other} and ${col} both point to "${h}". Each header can stand for one column only.`;
        break;
      }
      seen.set(h.toLowerCase(), col);
    }
  }
  const accounts = accountProblems(f.accounts);
  if (Object.keys(accounts).length > 0) p.accounts = accounts;
  return p;
}

export function formOf(s: Settings): SettingsForm {
  return {
    fiscalYearEndMonth: String(s.fiscalYearEndMonth),
    currencyDecimals: String(s.currencyDecimals),
    valuationMethod: s.valuationMethod,
    allowNegativeStock: s.allowNegativeStock,
    warrantyWarningDays: String(s.warrantyWarningDays),
    headerMap: JSON.parse(JSON.stringify(s.headerMap)) as SettingsForm["headerMap"],
    accounts: accountsFormOf(s.accounts),
  };
}

export function settingsOf(base: Settings, f: SettingsForm): Settings {
  const headerMap: Settings["headerMap"] = {};
  for (const t of TABLE_NAMES) {
    const kept = Object.fromEntries(Object.entries(f.headerMap[t] ?? {}).filter(([, h]) => h !== ""));
    if (Object.keys(kept).length) headerMap[t] = kept;
  }
  return {
    ...base,
    fiscalYearEndMonth: Number(f.fiscalYearEndMonth),
    currencyDecimals: Number(f.currencyDecimals),
    valuationMethod: f.valuationMethod,
    allowNegativeStock: f.allowNegativeStock,
    warrantyWarningDays: Number(f.warrantyWarningDays),
    headerMap,
    // Over the stored accounts so a key this version does not know survives a save.
    accounts: { ...base.accounts, ...accountsOf(f.accounts) },
  };
}

function HeaderMapping({ form, setForm }: { form: SettingsForm; setForm: (f: SettingsForm) => void }) {
  const s = useStyles();
  const w = useWorkspace();
  const problems = settingsProblems(form);
  return (
    <Accordion collapsible multiple>
      {TABLE_NAMES.map((t) => {
        const info = w.book.tables[t];
        return (
          <AccordionItem value={t} key={t}>
            <AccordionHeader as="h4">{info ? `${t} (table ${info.name})` : `${t} (not found)`}</AccordionHeader>
            <AccordionPanel>
              {!info ? (
                <Text className={s.muted}>Set up or rename the table first.</Text>
              ) : (
                <div className={s.stack}>
                  {problems[t] && <Text className={s.danger}>{problems[t]}</Text>}
                  {TABLES[t].columns.map((c) => {
                    const auto = matchHeaders(t, info.headers, {}).columns[c.name];
                    const value = form.headerMap[t]?.[c.name] ?? "";
                    return (
                      <Field key={c.name} label={`${c.name}${c.required ? " (required)" : ""}`} size="small">
                        <Select
                          size="small"
                          value={value}
                          onChange={(_, d) =>
                            setForm({
                              ...form,
                              headerMap: {
                                ...form.headerMap,
                                [t]: { ...(form.headerMap[t] ?? {}), [c.name]: d.value },
                              },
                            })
                          }
                        >
                          <option value="">
                            {auto !== undefined ? `Automatic: "${info.headers[auto]}"` : "Automatic: not found"}
                          </option>
                          {info.headers.map((h) => (
                            <option key={h} value={h}>
                              {h}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    );
                  })}
                </div>
              )}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

function JournalAccounts({
  form,
  setForm,
  tried,
}: {
  form: SettingsForm;
  setForm: (f: SettingsForm) => void;
  tried: boolean;
}) {
  const s = useStyles();
  const w = useWorkspace();
  const heading = useId("journal-accounts");
  const [restored, setRestored] = useState(false);
  const problems = accountProblems(form.accounts);
  const shown = accountsOf(form.accounts);
  const stored = w.book.settings.accounts;
  const unsaved = ACCOUNT_FIELDS.some(({ key }) => shown[key] !== stored[key]);
  return (
    <section className={s.section} aria-labelledby={heading}>
      <h3 className={s.h3} id={heading}>
        Journal accounts
      </h3>
      <Text size={200} className={s.muted}>
        The accounts the Journal report posts to, as your chart of accounts names them (code and name).
      </Text>
      {ACCOUNT_FIELDS.map(({ key, label, hint }) => (
        <TextField
          key={key}
          label={label}
          hint={hint}
          value={form.accounts[key]}
          onChange={(v) => {
            setRestored(false);
            setForm({ ...form, accounts: { ...form.accounts, [key]: v } });
          }}
          problem={problems[key]}
          showProblem={tried}
        />
      ))}
      <div className={s.row}>
        <Button
          type="button"
          onClick={() => {
            setForm({ ...form, accounts: defaultAccountsForm() });
            setRestored(true);
          }}
        >
          Restore default accounts
        </Button>
      </div>
      {/* Always rendered, so screen readers announce the text when it appears. */}
      <Text role="status" size={200}>
        {!restored
          ? ""
          : unsaved
            ? "Default accounts put back in the fields. Save settings to keep them."
            : "The fields show the default accounts; they are saved."}
      </Text>
    </section>
  );
}

export function SettingsPage() {
  const s = useStyles();
  const w = useWorkspace();
  const [form, setForm] = useState<SettingsForm>(() => formOf(w.book.settings));
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const problems = settingsProblems(form);

  // A refused Save takes the keyboard to the first field marked wrong: the page is long (twelve accounts), and
  // a screen reader then reads that field's label and message.
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const save = async () => {
    setTried(true);
    setOutcome(null);
    if (Object.keys(problems).length > 0) {
      setOutcome({ ok: false, message: "Fix the fields marked in red, then save again." });
      setRefusals((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      // Read the stored settings again so a sheet list written meanwhile (reports) is not overwritten.
      const current = await w.port.readSettings();
      const saved = settingsOf(current, form);
      await w.port.writeSettings(saved);
      // Show the accounts as saved (trimmed).
      setForm((f) => ({ ...f, accounts: accountsFormOf(saved.accounts) }));
      setOutcome({ ok: true, message: "Settings saved in this workbook." });
      await w.refresh();
    } catch (e) {
      setOutcome({ ok: false, message: `${errorText(e)} The settings were not saved.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.stack}>
      <h2 className={s.h2}>Settings</h2>
      <form
        ref={formRef}
        className={s.form}
        aria-label="Settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Fiscal year ends in">
          <Select
            value={form.fiscalYearEndMonth}
            onChange={(_, d) => setForm({ ...form, fiscalYearEndMonth: d.value })}
          >
            {MONTH_NAMES.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.twoCols}>
          <TextField
            label="Currency decimals"
            inputMode="numeric"
            value={form.currencyDecimals}
            onChange={(v) => setForm({ ...form, currencyDecimals: v })}
            problem={problems.currencyDecimals}
            showProblem={tried}
          />
          <TextField
            label="Warranty warning (days)"
            inputMode="numeric"
            value={form.warrantyWarningDays}
            onChange={(v) => setForm({ ...form, warrantyWarningDays: v })}
            problem={problems.warrantyWarningDays}
            showProblem={tried}
          />
        </div>
        <Field label="Default valuation method" hint="For items whose Items row names no method">
          <Select
            value={form.valuationMethod}
            onChange={(_, d) => setForm({ ...form, valuationMethod: d.value as ValuationMethod })}
          >
            {VALUATION_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Switch
          label="Allow negative stock"
          checked={form.allowNegativeStock}
          onChange={(_, d) => setForm({ ...form, allowNegativeStock: d.checked })}
        />
        <h3 className={s.h3}>Header mapping</h3>
        <Text size={200} className={s.muted}>
          For tables with your own headers: choose which of your columns holds each of Stockbook&rsquo;s. Automatic
          matches names and common synonyms.
        </Text>
        <HeaderMapping form={form} setForm={setForm} />
        <JournalAccounts form={form} setForm={setForm} tried={tried} />
        <div className={s.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Save settings
          </Button>
          {busy && <Spinner size="tiny" label="Saving…" />}
        </div>
        <OutcomeBar outcome={outcome} />
      </form>
    </div>
  );
}
