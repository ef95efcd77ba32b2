/** Messages about the inventory ledger, written for an accountant: what is wrong, where, and what to do. */
const qty = (n: number) => String(Number(n.toPrecision(12)));

export const inventoryMessages = {
  negativeStock: (sku: string, row: number, date: string, short: number) =>
    `Item ${sku} goes below zero on row ${row} (${date}): ${qty(short)} units short. Record the receipt that ` +
    `comes before it, correct the quantity, or allow negative stock in Settings.`,
  locationBelowZero: (sku: string, location: string, row: number, short: number) =>
    `Item ${sku} goes below zero at location ${location || "(blank)"} on row ${row}: ${qty(short)} units short ` +
    `there. Record the transfer or receipt into that location first.`,
  quantityNotPositive: (sku: string, row: number, type: string) =>
    `Quantity must be greater than 0 for a ${type} (row ${row}, item ${sku}); the type gives the direction. ` +
    `Only an Adjustment carries a sign.`,
  receiptNeedsCost: (sku: string, row: number) =>
    `A Receipt needs a UnitCost (row ${row}, item ${sku}). Enter the purchase cost per unit.`,
  transferNeedsTo: (sku: string, row: number) =>
    `A Transfer needs a ToLocation (row ${row}, item ${sku}). Enter where the stock was moved to.`,
  returnTooMany: (sku: string, row: number, ref: string, kind: "sold" | "received", left: number) =>
    `Return on row ${row} (item ${sku}, reference ${ref}) is more than was ${kind} on that reference: ` +
    `${qty(left)} units can still be returned. Check the quantity or the Reference.`,
  returnBeforeOriginal: (sku: string, row: number, ref: string) =>
    `Return on row ${row} (item ${sku}, reference ${ref}) is dated before the row it returns. Check the dates.`,
  lotTooSmall: (sku: string, row: number, ref: string, left: number) =>
    `Vendor return on row ${row} (item ${sku}, reference ${ref}): the receipt's lot holds only ${qty(left)} ` +
    `units now; the rest was already sold or used. Return fewer units or check the Reference.`,
  returnUnmatched: (sku: string, row: number, ref: string | null, kind: "CustomerReturn" | "VendorReturn") => {
    const original = kind === "CustomerReturn" ? "Sale" : "Receipt";
    const named = ref
      ? `names Reference ${ref}, but no ${original} of ${sku} has it`
      : `has no Reference, so it matches no ${original} of ${sku}`;
    const costed =
      kind === "CustomerReturn"
        ? "it is costed at the current unit cost"
        : "it leaves at the current cost, like any outflow";
    return `${kind} on row ${row} ${named}; ${costed}. Check the Reference.`;
  },
  skuNotInItems: (sku: string, row: number, method: string) =>
    `SKU ${sku} on row ${row} is not in the Items table: it is valued as a stock item by ${method}. ` +
    `Add it to Items (or correct the SKU).`,
  serviceStockRow: (sku: string, row: number, type: string) =>
    `Item ${sku} is a service (Items.Kind = Service): a ${type} on row ${row} does not move stock and is ignored.`,
  saleWithoutPrice: (sku: string, row: number) =>
    `Sale on row ${row} (item ${sku}) has no UnitPrice: its revenue counts as 0.`,
  badRow: (sku: string, row: number, detail: string, table = "Ledger") =>
    `Row ${row} of the ${table} (item ${sku}): ${detail} Correct it; until then ${sku}'s figures cannot be computed.`,
  badRowNoSku: (row: number, detail: string, table = "Ledger") =>
    `Row ${row} of the ${table} cannot be read and its SKU is unknown, so every item may be affected: ${detail}`,
  ledgerUnusable: (detail: string) => `The Ledger cannot be read: ${detail}`,
  unknownSku: (sku: string) => `Item ${sku} does not appear in the Ledger (nor in Items). Check the SKU.`,
  lifoIfrs: (sku: string) =>
    `Item ${sku} is valued by LIFO: allowed under US GAAP and US tax rules, not under IFRS (IAS 2.25).`,
  unknownMethod: (text: string) => `method must be FIFO, LIFO, WEIGHTED or MOVING; got "${text}".`,
  noRevenue: (sku: string) => `Item ${sku} has no revenue in the period, so a margin % cannot be computed.`,
  noAverageInventory: (sku: string) =>
    `Item ${sku} held no inventory value in the period, so turnover cannot be computed.`,
};
