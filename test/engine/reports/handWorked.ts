/**
 * A small book worked by hand, shared by the Profitability, Inventory Valuation and inventory journal tests
 * (FIFO unless stated; FY = calendar 2025).
 *
 *   W (stock, Parts, CC-A, ReorderPoint 6, ReorderQty 10)        SV (service, Services, CC-B)
 *   2024-12-01 Receipt   10 @ 2  North                  -> opening 20.00
 *   2025-01-10 Receipt   10 @ 3  North
 *   2025-02-03 Sale      12 @ 5  North  Acme  INV1      FIFO 10×2 + 2×3 = 26; revenue 60
 *   2025-02-20 CustReturn 2      North  Acme  INV1      back at the sale's average 26/12 × 2 = 4.3333; revenue −2×5 = −10
 *   2025-03-05 Sale SV    1 @ 100, UnitCost 40   Beta   revenue 100, COGS 40
 *   2025-03-10 Issue      1  North                      1×3 = 3
 *   2025-04-01 Adjustment −1 North                      −1×3 = −3
 *   2025-04-15 Transfer   4  North → South
 *   2025-05-01 Sale       3 @ 6  South  Beta            3×3 = 9; revenue 18
 *
 * W: revenue 60 − 10 + 18 = 68; COGS 26 − 4.3333 + 9 = 30.6667; margin 37.3333.
 * Totals: revenue 168; COGS 70.6667; margin 97.3333; margin % 97.3333 / 168 = 57.94%.
 * Asset in CC-A: 12,000, no salvage, 5 years SL, acquired 2024-01-01: 2025 depreciation 12,000 / 5 = 2,400.
 * CC-A profit after depreciation 37.3333 − 2,400 = −2,362.67; CC-B 60 − 0 = 60.
 * LIFO instead: the first sale takes the newest lot first: 10×3 + 2×2 = 34.
 */
import { d, type Rec } from "./fixture";

export const ITEMS: Rec[] = [
  {
    SKU: "W",
    Description: "Widget",
    Kind: "Stock",
    Category: "Parts",
    CostCenter: "CC-A",
    ReorderPoint: 6,
    ReorderQty: 10,
  },
  { SKU: "SV", Description: "Install", Kind: "Service", Category: "Services", CostCenter: "CC-B" },
];

export const LEDGER: Rec[] = [
  { Date: d(2024, 12, 1), SKU: "W", Type: "Receipt", Quantity: 10, UnitCost: 2, Location: "North" },
  { Date: d(2025, 1, 10), SKU: "W", Type: "Receipt", Quantity: 10, UnitCost: 3, Location: "North" },
  {
    Date: d(2025, 2, 3),
    SKU: "W",
    Type: "Sale",
    Quantity: 12,
    UnitPrice: 5,
    Location: "North",
    Party: "Acme",
    Reference: "INV1",
  },
  {
    Date: d(2025, 2, 20),
    SKU: "W",
    Type: "CustomerReturn",
    Quantity: 2,
    Location: "North",
    Party: "Acme",
    Reference: "INV1",
  },
  { Date: d(2025, 3, 5), SKU: "SV", Type: "Sale", Quantity: 1, UnitPrice: 100, UnitCost: 40, Party: "Beta" },
  { Date: d(2025, 3, 10), SKU: "W", Type: "Issue", Quantity: 1, Location: "North" },
  { Date: d(2025, 4, 1), SKU: "W", Type: "Adjustment", Quantity: -1, Location: "North" },
  { Date: d(2025, 4, 15), SKU: "W", Type: "Transfer", Quantity: 4, Location: "North", ToLocation: "South" },
  { Date: d(2025, 5, 1), SKU: "W", Type: "Sale", Quantity: 3, UnitPrice: 6, Location: "South", Party: "Beta" },
];

/** The same ledger with the 2025-01-10 receipt referenced PO2 and 1 unit of it returned to the vendor on 2025-01-12. */
export const LEDGER_WITH_VENDOR_RETURN: Rec[] = [
  ...LEDGER.map((r) => (r.Date === d(2025, 1, 10) ? { ...r, Reference: "PO2" } : r)),
  { Date: d(2025, 1, 12), SKU: "W", Type: "VendorReturn", Quantity: 1, Reference: "PO2", Location: "North" },
];

export const ASSETS: Rec[] = [
  {
    AssetID: "A-1",
    Name: "Press",
    Category: "Plant",
    CostCenter: "CC-A",
    AcquiredOn: d(2024, 1, 1),
    Cost: 12000,
    Salvage: 0,
    LifeYears: 5,
    Method: "SL",
  },
];

export const FY2025 = { from: d(2025, 1, 1), to: d(2025, 12, 31) };
