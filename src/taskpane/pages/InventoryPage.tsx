/**
 * Inventory: record a stock movement in the Ledger (the engine checks it against the whole ledger first), the
 * low-stock list with suggested orders, and "Write purchase list" to put that list on its own sheet.
 */
import { Button, Field, Select, Spinner, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LEDGER_TYPES, type LedgerType } from "../../engine/schema/tables";
import { ActionForm, binder, MissingTable, useActionRun } from "../components/ActionForm";
import { OutcomeBar } from "../components/OutcomeBar";
import { Picker, type PickOption } from "../components/Picker";
import { TextField } from "../components/TextField";
import { errorText, useLoad, useWorkspace } from "../context";
import { isoOf, money, qty } from "../format";
import { emptyMovement, movementProblems, recordMovement, type MovementForm } from "../logic/movement";
import type { Outcome } from "../logic/outcome";
import { PURCHASE_SHEET, purchaseListSheet } from "../logic/purchaseList";
import { readStock } from "../logic/stock";
import { useStyles } from "../styles";

const TYPE_LABELS: Record<LedgerType, string> = {
  Receipt: "Receipt (bought in)",
  Sale: "Sale",
  Issue: "Issue (used internally)",
  CustomerReturn: "Customer return",
  VendorReturn: "Return to vendor",
  Transfer: "Transfer between locations",
  Adjustment: "Adjustment (count correction)",
};

export function InventoryPage() {
  const s = useStyles();
  const w = useWorkspace();
  const stock = useLoad((ws) => readStock(ws.book, ws.today));
  const [form, setForm] = useState<MovementForm>(emptyMovement(isoOf(w.today)));
  const run = useActionRun();
  const tried = run.tried;
  const [listOutcome, setListOutcome] = useState<Outcome | null>(null);
  const [writing, setWriting] = useState(false);
  const [showAll, setShowAll] = useState(false);

  const items = stock.value?.input.items;
  const options: PickOption[] = useMemo(
    () => (items ?? []).map((it) => ({ key: it.SKU, text: `${it.SKU} — ${it.Description ?? ""}`.trim() })),
    [items]
  );
  const skus = useMemo(() => (items && items.length ? new Set(items.map((i) => i.SKU.toLowerCase())) : null), [items]);
  const problems = movementProblems(form, skus);
  const bind = binder(form, setForm, problems, tried);
  const set = (k: keyof MovementForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const chooseItem = (sku: string) => {
    const it = items?.find((i) => i.SKU.toLowerCase() === sku.toLowerCase());
    setForm((f) => ({
      ...f,
      sku,
      // A sale usually goes at the list price: offer it, the user can change it.
      unitPrice: f.unitPrice === "" && f.type === "Sale" && it?.ListPrice != null ? String(it.ListPrice) : f.unitPrice,
    }));
  };

  const submit = () =>
    run.submit(
      problems,
      () => recordMovement(w.book, w.today, form),
      async () => {
        setForm((f) => ({ ...emptyMovement(f.date), type: f.type, location: f.location }));
        await w.refresh();
      }
    );

  const writeList = async () => {
    if (!stock.value) return;
    setWriting(true);
    setListOutcome(null);
    try {
      await w.port.writeSheet(purchaseListSheet(stock.value.low, w.today, w.book.settings.currencyDecimals));
      setListOutcome({ ok: true, message: `Wrote sheet ${PURCHASE_SHEET} with ${stock.value.low.length} items.` });
      await w.refresh();
    } catch (e) {
      setListOutcome({ ok: false, message: `${errorText(e)} Nothing was written.` });
    } finally {
      setWriting(false);
    }
  };

  const low = stock.value?.low ?? [];
  const shown = showAll ? low : low.slice(0, 15);
  const dec = w.book.settings.currencyDecimals;
  const noLedger = !w.book.tables.Ledger;
  return (
    <div className={s.stack}>
      <h2 className={s.h2}>Inventory</h2>
      {noLedger && <MissingTable table="Ledger" />}
      <ActionForm
        headingId="movement-heading"
        title="Record a movement"
        label="Stock movement"
        run={run}
        onSubmit={() => void submit()}
        button="Record movement"
        busyLabel="Checking the ledger…"
        disabled={noLedger}
      >
        <Field label="Type" required>
          <Select value={form.type} onChange={(_, d) => set("type")(d.value)}>
            {LEDGER_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Picker
          label="Item"
          required
          placeholder="Type a SKU or a description"
          options={options}
          value={form.sku}
          onChange={chooseItem}
          problem={problems.sku}
          showProblem={tried}
        />
        <div className={s.twoCols}>
          <TextField
            label={form.type === "Adjustment" ? "Quantity (+ found, − missing)" : "Quantity"}
            required
            inputMode="decimal"
            {...bind("quantity")}
          />
          <TextField label="Date" type="date" required {...bind("date")} />
          {(form.type === "Receipt" || form.type === "VendorReturn" || form.type === "Adjustment") && (
            <TextField label="Unit cost" required={form.type === "Receipt"} inputMode="decimal" {...bind("unitCost")} />
          )}
          {(form.type === "Sale" || form.type === "CustomerReturn") && (
            <TextField label="Unit price" required={form.type === "Sale"} inputMode="decimal" {...bind("unitPrice")} />
          )}
          <TextField
            label={form.type === "Transfer" ? "From location" : "Location"}
            required={form.type === "Transfer"}
            {...bind("location")}
          />
          {form.type === "Transfer" && <TextField label="To location" required {...bind("toLocation")} />}
          <TextField
            label="Reference"
            required={form.type === "CustomerReturn" || form.type === "VendorReturn"}
            {...bind("reference")}
            hint={form.type.endsWith("Return") ? "The Reference of the row it returns" : undefined}
          />
          <TextField
            label={form.type === "Receipt" || form.type === "VendorReturn" ? "Supplier" : "Party"}
            {...bind("party")}
          />
        </div>
      </ActionForm>
      <section className={s.section} aria-labelledby="low-heading">
        <h3 id="low-heading" className={s.h3}>
          Low stock ({low.length})
        </h3>
        {stock.error && <Text className={s.danger}>Could not read the ledger: {stock.error}</Text>}
        {!stock.value && !stock.error && <Spinner size="small" label="Valuing the ledger…" />}
        {stock.value && low.length === 0 && <Text className={s.muted}>No item is at or below its reorder point.</Text>}
        {low.length > 0 && (
          <table className={s.table} data-testid="low-stock">
            <thead>
              <tr>
                <th className={s.th} scope="col">
                  Item
                </th>
                <th className={s.th} scope="col">
                  On hand
                </th>
                <th className={s.th} scope="col">
                  Reorder at
                </th>
                <th className={s.th} scope="col">
                  Order
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <tr key={l.sku}>
                  <td className={s.td}>
                    {l.sku}
                    <br />
                    <Text size={100}>{l.description}</Text>
                  </td>
                  <td className={s.num}>{qty(l.onHand)}</td>
                  <td className={s.num}>{qty(Math.round(l.reorderPoint * 100) / 100)}</td>
                  <td className={s.num}>{qty(l.suggestedOrder)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {low.length > 15 && (
          <Button size="small" appearance="subtle" onClick={() => setShowAll(!showAll)}>
            {showAll ? "Show fewer" : `Show all ${low.length}`}
          </Button>
        )}
        {low.length > 0 && (
          <>
            <Text size={200} className={s.muted}>
              Suggested spend{" "}
              {money(
                low.reduce((t, l) => t + l.suggestedOrder * l.unitCost, 0),
                dec
              )}{" "}
              at current unit costs.
            </Text>
            <div className={s.row}>
              <Button onClick={writeList} disabled={writing}>
                Write purchase list
              </Button>
              {writing && <Spinner size="tiny" label="Writing the sheet…" />}
            </div>
          </>
        )}
        <OutcomeBar outcome={listOutcome} />
      </section>
    </div>
  );
}
