/**
 * Recording one stock movement in the Ledger: form checks as the user types, then the engine's verdict — the
 * ledger is valued with the new row and any new error (stock below zero, a return larger than its original,
 * a location going below zero) refuses it with the engine's message. Only then is the row appended.
 */
import { LEDGER_TYPES, type LedgerType } from "../../engine/schema/tables";
import { toPortEdits, type Book } from "../../port/book";
import type { CellValue } from "../../port/types";
import { numberOf, serialOfIso } from "../format";
import { applyChecked } from "./checkedWrite";
import { portFailure, refused, type Outcome } from "./outcome";
import { readStock, valueCells } from "./stock";

export interface MovementForm {
  type: LedgerType;
  sku: string;
  quantity: string;
  unitCost: string;
  unitPrice: string;
  date: string;
  location: string;
  toLocation: string;
  reference: string;
  party: string;
}

export type MovementProblems = Partial<Record<keyof MovementForm, string>>;

export const emptyMovement = (dateIso: string): MovementForm => ({
  type: "Sale",
  sku: "",
  quantity: "",
  unitCost: "",
  unitPrice: "",
  date: dateIso,
  location: "",
  toLocation: "",
  reference: "",
  party: "",
});

const RETURNS: readonly LedgerType[] = ["CustomerReturn", "VendorReturn"];

/** What to fix in the form, field by field (empty when it can be recorded). `skus`: known items, lower case. */
export function movementProblems(f: MovementForm, skus: ReadonlySet<string> | null): MovementProblems {
  const p: MovementProblems = {};
  if (!LEDGER_TYPES.includes(f.type)) p.type = "Choose a movement type.";
  const sku = f.sku.trim();
  if (sku === "") p.sku = "Choose the item (SKU).";
  else if (skus && !skus.has(sku.toLowerCase()))
    p.sku = `Item ${sku} is not in the Items table. Pick one from the list.`;
  const q = numberOf(f.quantity);
  if (q === null) p.quantity = "Enter a quantity.";
  else if (Number.isNaN(q)) p.quantity = "Quantity must be a number, e.g. 12 or 2.5.";
  else if (f.type === "Adjustment" && q === 0)
    p.quantity = "An adjustment must not be 0: + for units found, - for units missing.";
  else if (f.type !== "Adjustment" && q <= 0)
    p.quantity = "Quantity must be greater than 0; the type gives the direction.";
  const cost = numberOf(f.unitCost);
  if (cost !== null && (Number.isNaN(cost) || cost < 0)) p.unitCost = "Unit cost must be a number of 0 or more.";
  else if (f.type === "Receipt" && cost === null) p.unitCost = "A receipt needs the purchase cost per unit.";
  const price = numberOf(f.unitPrice);
  if (price !== null && (Number.isNaN(price) || price < 0)) p.unitPrice = "Unit price must be a number of 0 or more.";
  else if (f.type === "Sale" && price === null) p.unitPrice = "A sale needs its selling price per unit.";
  if (serialOfIso(f.date) === null) p.date = "Enter the date of the movement (yyyy-mm-dd).";
  if (f.type === "Transfer") {
    if (f.location.trim() === "") p.location = "A transfer needs the location the stock leaves.";
    if (f.toLocation.trim() === "") p.toLocation = "A transfer needs the location the stock goes to.";
    else if (f.toLocation.trim().toLowerCase() === f.location.trim().toLowerCase())
      p.toLocation = "The destination must differ from the location the stock leaves.";
  }
  if (RETURNS.includes(f.type) && f.reference.trim() === "")
    p.reference = `A return needs the Reference of the ${f.type === "CustomerReturn" ? "sale" : "receipt"} it returns.`;
  return p;
}

const text = (s: string): string | null => (s.trim() === "" ? null : s.trim());

/** The Ledger row in our column names (blanks where the form left a field empty). */
export function movementRecord(f: MovementForm): Record<string, CellValue> {
  return {
    Date: serialOfIso(f.date),
    SKU: f.sku.trim(),
    Type: f.type,
    Quantity: numberOf(f.quantity),
    UnitCost: numberOf(f.unitCost),
    UnitPrice: numberOf(f.unitPrice),
    Location: text(f.location),
    ToLocation: f.type === "Transfer" ? text(f.toLocation) : null,
    Reference: text(f.reference),
    Party: text(f.party),
  };
}

const BELOW_ZERO_AT = /goes below zero at location/;

export async function recordMovement(book: Book, today: number, f: MovementForm): Promise<Outcome> {
  const rec = movementRecord(f);
  let warnings: string[];
  try {
    const stock = await readStock(book, today);
    const header = stock.ledger.header.map((h) => String(h ?? ""));
    // The new row in the Ledger's own column order, through the same header mapping as the port edit.
    const [edit] = toPortEdits(book, [{ table: "Ledger", append: [rec], update: [] }]);
    const values = edit.append?.[0] ?? {};
    const row = header.map((h) => (h in values ? values[h] : null));
    const before = new Set(stock.valuation.issues.map((i) => i.message));
    const withItems = valueCells(book, today, stock.ledger, stock.items, [row]);
    const fresh = withItems.valuation.issues.filter((i) => !before.has(i.message));
    const parseTrouble = withItems.input.skuErrors.get(String(rec.SKU).toLowerCase()) ?? withItems.input.tableError;
    if (parseTrouble && !stock.input.skuErrors.has(String(rec.SKU).toLowerCase())) return refused(parseTrouble.message);
    const error = fresh.find((i) => i.severity === "error");
    if (error) return refused(error.message);
    const below = fresh.find((i) => BELOW_ZERO_AT.test(i.message));
    if (below && !book.settings.allowNegativeStock) return refused(below.message);
    warnings = fresh.map((i) => i.message);
    const failure = await applyChecked(book, [edit]);
    if (failure) return failure;
  } catch (e) {
    return portFailure(e);
  }
  const n = Number(rec.Quantity);
  return {
    ok: true,
    message: `${f.type} of ${n} × ${String(rec.SKU)} recorded in the Ledger.`,
    warnings,
  };
}
