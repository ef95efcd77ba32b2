/**
 * Assets: find an asset, then check it out or in, move it, mark it audited or dispose of it. Each action asks
 * the engine and writes its edits through the port; a refusal is shown word for word and the form keeps its
 * values. Below: open loans (overdue first) and warranties running out.
 */
import { Field, Link, Select, Spinner, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { MOVABLE_STATUSES, openLoansAt, warrantiesExpiring, type MovableStatus } from "../../engine/assets";
import { ActionForm, binder, MissingTable, useActionRun } from "../components/ActionForm";
import { Picker, type PickOption } from "../components/Picker";
import { TextField } from "../components/TextField";
import { useLoad, useWorkspace } from "../context";
import { isoOf, money, numberOf, serialOfIso } from "../format";
import { runAssetAction, type AssetAction } from "../logic/assetActions";
import { readRegister } from "../logic/register";
import { useStyles } from "../styles";

export type ActionKind = AssetAction["kind"];

export const ACTION_LABELS: Record<ActionKind, string> = {
  checkOut: "Check out",
  checkIn: "Check in",
  move: "Move",
  audit: "Mark audited",
  dispose: "Dispose",
};

export interface AssetForm {
  to: string;
  date: string;
  due: string;
  location: string;
  custodian: string;
  status: "" | MovableStatus;
  by: string;
  proceeds: string;
  notes: string;
}

export type AssetProblems = Partial<Record<keyof AssetForm | "asset", string>>;

/** What to fix before the action can be tried (the engine then has the last word). */
export function assetProblems(kind: ActionKind, assetId: string, f: AssetForm, known: boolean): AssetProblems {
  const p: AssetProblems = {};
  if (assetId.trim() === "") p.asset = "Choose an asset: type its id or name and pick it from the list.";
  else if (!known) p.asset = `No asset ${assetId.trim()} in the Assets table. Pick one from the list.`;
  const date = serialOfIso(f.date);
  if (date === null) p.date = "Enter the date (yyyy-mm-dd).";
  if (kind === "checkOut") {
    if (f.to.trim() === "") p.to = "Enter who the asset is checked out to.";
    if (f.due.trim() !== "") {
      const due = serialOfIso(f.due);
      if (due === null) p.due = "Enter the due date as yyyy-mm-dd, or leave it empty.";
      else if (date !== null && due < date) p.due = "The due date must be on or after the check-out date.";
    }
  }
  if (kind === "move" && f.location.trim() === "" && f.custodian.trim() === "" && f.status === "")
    p.location = "Enter a new location, custodian or status.";
  if (kind === "audit" && f.by.trim() === "") p.by = "Enter who audited the asset.";
  if (kind === "dispose") {
    const n = numberOf(f.proceeds);
    if (n === null) p.proceeds = "Enter the proceeds (0 when the asset was scrapped).";
    else if (Number.isNaN(n) || n < 0) p.proceeds = "Proceeds must be a number of 0 or more.";
  }
  return p;
}

const text = (s: string) => (s.trim() === "" ? null : s.trim());

export function toAction(kind: ActionKind, assetId: string, f: AssetForm): AssetAction {
  const date = serialOfIso(f.date) as number;
  const id = assetId.trim();
  switch (kind) {
    case "checkOut":
      return {
        kind,
        assetId: id,
        to: f.to,
        date,
        due: serialOfIso(f.due),
        location: text(f.location),
        notes: text(f.notes),
      };
    case "checkIn":
      return { kind, assetId: id, date, location: text(f.location), notes: text(f.notes) };
    case "move":
      return {
        kind,
        assetId: id,
        date,
        location: text(f.location),
        custodian: text(f.custodian),
        status: f.status === "" ? null : f.status,
        notes: text(f.notes),
      };
    case "audit":
      return { kind, assetId: id, date, by: f.by, location: text(f.location), notes: text(f.notes) };
    case "dispose":
      return { kind, assetId: id, date, proceeds: numberOf(f.proceeds) as number, notes: text(f.notes) };
  }
}

export function AssetsPage() {
  const s = useStyles();
  const w = useWorkspace();
  const register = useLoad((ws) => readRegister(ws.book));
  const [assetId, setAssetId] = useState("");
  const [kind, setKind] = useState<ActionKind>("checkOut");
  const blank: AssetForm = {
    to: "",
    date: isoOf(w.today),
    due: "",
    location: "",
    custodian: "",
    status: "",
    by: "",
    proceeds: "",
    notes: "",
  };
  const [form, setForm] = useState<AssetForm>(blank);
  const run = useActionRun();
  const tried = run.tried;
  const set = (k: keyof AssetForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const reg = register.value?.reg;
  const options: PickOption[] = useMemo(
    () => (reg ? reg.assets.map((a) => ({ key: a.AssetID, text: `${a.AssetID} — ${a.Name ?? ""}`.trim() })) : []),
    [reg]
  );
  const asset = reg?.assets.find((a) => a.AssetID.toLowerCase() === assetId.trim().toLowerCase()) ?? null;
  const problems = assetProblems(kind, assetId, form, asset !== null);
  const bind = binder(form, setForm, problems, tried);
  const loans = useMemo(
    () =>
      reg
        ? openLoansAt(reg.checkouts, w.today).sort(
            (a, b) => b.daysOverdue - a.daysOverdue || (a.due ?? Infinity) - (b.due ?? Infinity)
          )
        : [],
    [reg, w.today]
  );
  const expiring = useMemo(
    () => (reg ? warrantiesExpiring(reg.assets, w.today, w.book.settings.warrantyWarningDays) : []),
    [reg, w.today, w.book.settings.warrantyWarningDays]
  );

  const submit = () =>
    run.submit(
      problems,
      () => runAssetAction(w.book, toAction(kind, assetId, form)),
      async () => {
        // Keep the asset and date; clear what belonged to this action only.
        setForm((f) => ({ ...blank, date: f.date }));
        await w.refresh();
      }
    );

  if (register.error) return <Text className={s.danger}>Could not read the asset register: {register.error}</Text>;
  if (!reg) return <Spinner size="small" label="Reading the asset register…" />;
  const missing = !w.book.tables.Assets;
  return (
    <div className={s.stack}>
      <h2 className={s.h2}>Assets</h2>
      {missing && <MissingTable table="Assets" />}
      <ActionForm
        headingId="asset-action-heading"
        title="Record an action"
        label="Asset action"
        run={run}
        onSubmit={() => void submit()}
        button={ACTION_LABELS[kind]}
        busyLabel="Writing…"
        disabled={missing}
      >
        <Picker
          label="Asset"
          required
          placeholder="Type an id or a name"
          options={options}
          value={assetId}
          onChange={(k) => {
            setAssetId(k);
            run.clearOutcome();
          }}
          problem={problems.asset}
          showProblem={tried}
        />
        {asset && (
          <Text size={200} data-testid="asset-summary">
            {asset.Status ?? "No status"} · {asset.Location ?? "no location"}
            {asset.Custodian ? ` · with ${asset.Custodian}` : ""}
            {asset.WarrantyExpires !== null ? ` · warranty to ${isoOf(asset.WarrantyExpires)}` : ""}
          </Text>
        )}
        <Field label="Action">
          <Select
            value={kind}
            onChange={(_, d) => {
              setKind(d.value as ActionKind);
              run.reset();
            }}
          >
            {(Object.keys(ACTION_LABELS) as ActionKind[]).map((k) => (
              <option key={k} value={k}>
                {ACTION_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.twoCols}>
          {kind === "checkOut" && <TextField label="Checked out to" required {...bind("to")} />}
          <TextField
            label={kind === "checkIn" ? "Returned on" : kind === "checkOut" ? "Checked out on" : "Date"}
            type="date"
            required
            {...bind("date")}
          />
          {kind === "checkOut" && <TextField label="Due back" type="date" {...bind("due")} />}
          {kind !== "dispose" && (
            <TextField
              label={
                kind === "checkIn"
                  ? "Returned to (location)"
                  : kind === "audit"
                    ? "Found at (location)"
                    : kind === "move"
                      ? "New location"
                      : "Kept at (location)"
              }
              {...bind("location")}
              hint={kind === "checkIn" ? "Empty: back where it was before the loan" : undefined}
            />
          )}
          {kind === "move" && <TextField label="New custodian" {...bind("custodian")} />}
          {kind === "move" && (
            <Field label="New status">
              <Select value={form.status} onChange={(_, d) => set("status")(d.value)}>
                <option value="">(unchanged)</option>
                {MOVABLE_STATUSES.map((st) => (
                  <option key={st} value={st}>
                    {st}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {kind === "audit" && <TextField label="Audited by" required {...bind("by")} />}
          {kind === "dispose" && <TextField label="Proceeds" required inputMode="decimal" {...bind("proceeds")} />}
        </div>
        <TextField label="Notes" {...bind("notes")} />
      </ActionForm>
      <section className={s.section} aria-labelledby="loans-heading">
        <h3 id="loans-heading" className={s.h3}>
          Open loans ({loans.length})
        </h3>
        {loans.length === 0 ? (
          <Text className={s.muted}>No asset is out on loan.</Text>
        ) : (
          <ul className={s.plainList} data-testid="open-loans">
            {loans.map((l) => (
              <li key={l.row}>
                <Link
                  as="button"
                  onClick={() => {
                    setAssetId(l.assetId);
                    setKind("checkIn");
                    run.clearOutcome();
                  }}
                >
                  {l.assetId}
                </Link>{" "}
                <Text>
                  {l.holder}, due {l.due === null ? "—" : isoOf(l.due)}
                </Text>
                {l.daysOverdue > 0 && <Text className={s.danger}> · {l.daysOverdue} days overdue</Text>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={s.section} aria-labelledby="warranty-heading">
        <h3 id="warranty-heading" className={s.h3}>
          Warranties ending within {w.book.settings.warrantyWarningDays} days ({expiring.length})
        </h3>
        {expiring.length === 0 ? (
          <Text className={s.muted}>None.</Text>
        ) : (
          <ul className={s.plainList}>
            {expiring.map((x) => (
              <li key={x.row}>
                <Text>
                  {x.assetId} {x.name ?? ""}: {isoOf(x.expires)} ({x.daysLeft} {x.daysLeft === 1 ? "day" : "days"} left)
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      {kind === "dispose" && asset && (
        <Text size={200} className={s.muted}>
          Cost {money(asset.Cost, w.book.settings.currencyDecimals)}; the Depreciation report shows the gain or loss.
        </Text>
      )}
    </div>
  );
}
