/** The purchase list sheet: the low-stock items with their suggested order, written as an owned sheet. */
import type { SheetSpec } from "../../port/types";
import { isoOf } from "../format";
import type { LowStockLine } from "./stock";

export const PURCHASE_SHEET = "Purchase List";

export function purchaseListSheet(lines: readonly LowStockLine[], today: number, decimals: number): SheetSpec {
  const round = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  return {
    name: PURCHASE_SHEET,
    freezeHeader: true,
    blocks: [
      {
        kind: "title",
        text: "Purchase list",
        lines: [`Items at or below their reorder point on ${isoOf(today)}, with the suggested order quantity.`],
      },
      {
        kind: "table",
        name: "PurchaseList",
        headers: ["SKU", "Description", "Supplier", "Unit", "OnHand", "ReorderPoint", "OrderQty", "UnitCost", "Cost"],
        rows: lines.map((l) => [
          l.sku,
          l.description,
          l.supplier,
          l.unit,
          l.onHand,
          round(l.reorderPoint),
          l.suggestedOrder,
          round(l.unitCost),
          round(l.suggestedOrder * l.unitCost),
        ]),
        formats: {
          OnHand: "number",
          ReorderPoint: "number",
          OrderQty: "integer",
          UnitCost: "currency",
          Cost: "currency",
        },
        style: "TableStyleMedium2",
      },
    ],
  };
}
