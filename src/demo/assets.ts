/**
 * The demo asset register: ~60 assets in 4 categories and 5 locations, their loan history (a few loans open,
 * some overdue), audits, moves and disposals, and warranties of which several run out within the next month.
 * Everything is consistent the way the engine checks it: one open loan per asset at most, Status and Custodian
 * agree with the open loan, every log event is dated after acquisition and in order.
 */
import { toIso } from "../engine/dates";
import type { CellValue } from "../port/types";
import { CLERK, LOCATIONS, PEOPLE } from "./names";
import { columnNames } from "../engine/schema/tables";
import type { Rng } from "./random";

type Model = readonly [name: string, vendor: string, lo: number, hi: number];

interface Category {
  name: string;
  count: number;
  costCenter: string;
  models: readonly Model[];
  homes: readonly string[];
  lives: readonly number[];
  methods: readonly string[];
  taxLife: number;
  salvagePct: number;
  /** Lent to people (laptops, tools, vans) rather than kept in place (furniture). */
  loanable: boolean;
  idPrefix: string;
}

const CATEGORIES: readonly Category[] = [
  {
    name: "IT equipment",
    count: 24,
    costCenter: "CC-100 Administration",
    idPrefix: "IT",
    models: [
      ["Laptop Dell Latitude 5440", "Dell", 1100, 1600],
      ["Laptop Lenovo ThinkPad T14", "Lenovo", 1200, 1700],
      ["Monitor Dell U2723QE", "Dell", 480, 620],
      ["Projector Epson EB-W51", "CDW", 450, 700],
      ["Tablet iPad Air", "Apple", 600, 800],
      ["Printer HP LaserJet M507", "HP", 700, 950],
    ],
    homes: ["Head office", "Head office", "Field office"],
    lives: [3, 4, 5],
    methods: ["SL", "SL", "DDB"],
    taxLife: 5,
    salvagePct: 0,
    loanable: true,
  },
  {
    name: "Furniture",
    count: 14,
    costCenter: "CC-100 Administration",
    idPrefix: "FN",
    models: [
      ["Height-adjustable desk", "Steelcase", 650, 1100],
      ["Office chair Leap", "Steelcase", 800, 1200],
      ["Conference table 10-seat", "Herman Miller", 2200, 3400],
      ["Filing cabinet 4-drawer", "Bisley", 300, 480],
      ["Pallet racking bay", "Dexion", 900, 1500],
    ],
    homes: ["Head office", "Warehouse North", "Warehouse South"],
    lives: [7, 10],
    methods: ["SL"],
    taxLife: 7,
    salvagePct: 0.05,
    loanable: false,
  },
  {
    name: "Vehicles",
    count: 6,
    costCenter: "CC-300 Logistics",
    idPrefix: "VH",
    models: [
      ["Van Ford Transit Custom", "Ford Fleet", 32000, 41000],
      ["Pickup Toyota Hilux", "Toyota Fleet", 36000, 45000],
      ["Forklift Toyota 8FGU25", "Toyota Material Handling", 24000, 30000],
    ],
    homes: ["Warehouse North", "Warehouse South"],
    lives: [5, 8],
    methods: ["SL", "DDB", "150DB"],
    taxLife: 5,
    salvagePct: 0.15,
    loanable: true,
  },
  {
    name: "Tools",
    count: 16,
    costCenter: "CC-200 Workshop",
    idPrefix: "TL",
    models: [
      ["Cordless drill Makita DHP486", "Makita", 220, 320],
      ["Laser level Bosch GLL 3-80", "Bosch", 380, 520],
      ["Generator Honda EU22i", "Honda", 1100, 1400],
      ["Thermal camera FLIR E8", "FLIR", 2600, 3400],
      ["Pressure washer Karcher HD 6/13", "Karcher", 900, 1300],
      ["Pallet jack 2.5 t", "Jungheinrich", 350, 520],
    ],
    homes: ["Workshop", "Workshop", "Warehouse North"],
    lives: [5, 7],
    methods: ["SL", "SYD"],
    taxLife: 7,
    salvagePct: 0,
    loanable: true,
  },
];

export const ASSET_HEADER = [
  "AssetID",
  "Name",
  "Category",
  "Location",
  "Custodian",
  "Status",
  "AcquiredOn",
  "InServiceOn",
  "Cost",
  "Salvage",
  "LifeYears",
  "Method",
  "Convention",
  "TaxMethod",
  "TaxLifeYears",
  "TaxConvention",
  "WarrantyExpires",
  "LastAuditedOn",
  "Vendor",
  "SerialNumber",
  "CostCenter",
  "DisposedOn",
  "DisposalProceeds",
] as const;
export const CHECKOUT_HEADER = columnNames("Checkouts");
export const LOG_HEADER = columnNames("AssetLog");

type Rec = Record<string, CellValue>;

interface Loan {
  assetId: string;
  to: string;
  out: number;
  due: number;
  returned: number | null;
  location: string | null;
  notes: string | null;
}

interface LogEvent {
  date: number;
  /** Same-day events keep the order they happened in. */
  seq: number;
  row: Rec;
}

export interface DemoRegister {
  assets: CellValue[][];
  checkouts: CellValue[][];
  log: CellValue[][];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function serialNumber(r: Rng): string {
  const chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  let s = "";
  for (let i = 0; i < 10; i++) s += chars[r.int(0, chars.length - 1)];
  return s;
}

/** Which asset (by position in the register) gets which special story. Fixed so tests can rely on them. */
const OPEN_LOANS = new Set([0, 3, 7, 10, 15, 19, 38, 44, 46, 50]);
const OVERDUE = new Set([3, 10, 19, 44]);
const EXPIRING_SOON = new Map([
  [1, 5],
  [6, 12],
  [14, 20],
  [27, 26],
  [41, 9],
  [52, 2],
]);
const EXPIRED_LATELY = new Map([
  [9, -15],
  [30, -40],
]);
const DISPOSED = new Set([22, 36, 43]);
const IN_REPAIR = 48;
const LOST = 12;
const NEVER_AUDITED = new Set([20, 33, 57]);
const AUDIT_OVERDUE = new Set([4, 17, 25, 29, 40, 55]);
const MOVED = new Set([24, 28, 31, 35]);

export function demoRegister(r: Rng, today: number): DemoRegister {
  const assets: Rec[] = [];
  const loans: Loan[] = [];
  const events: LogEvent[] = [];
  let seq = 0;
  const log = (date: number, row: Omit<Rec, "Date">) => events.push({ date, seq: seq++, row: { Date: date, ...row } });

  let index = 0;
  for (const cat of CATEGORIES) {
    for (let n = 1; n <= cat.count; n++, index++) {
      const i = index;
      const [model, vendor, lo, hi] = r.pick(cat.models);
      const id = `${cat.idPrefix}-${String(n).padStart(3, "0")}`;
      const disposed = DISPOSED.has(i);
      // Disposed assets are old ones; the rest were bought over the last five years.
      const acquired = today - (disposed ? r.int(1500, 1800) : r.int(45, 1800));
      const inService = Math.min(acquired + r.int(0, 14), today - 30);
      const cost = r.money(lo, hi);
      let home: string = r.pick(cat.homes);
      let warranty: number | null = acquired + 365 * r.pick([1, 2, 3]);
      if (cat.name === "Furniture") warranty = r.chance(0.5) ? acquired + 365 * 5 : null;
      if (EXPIRING_SOON.has(i)) warranty = today + (EXPIRING_SOON.get(i) as number);
      if (EXPIRED_LATELY.has(i)) warranty = today + (EXPIRED_LATELY.get(i) as number);

      const disposedOn = disposed ? today - r.int(60, 300) : null;
      const end = disposedOn ?? today;
      const open = OPEN_LOANS.has(i) && cat.loanable && !disposed;
      const overdue = open && OVERDUE.has(i);
      const openOut = open ? Math.max(inService + 1, overdue ? today - r.int(20, 45) : today - r.int(1, 12)) : null;
      const openDue = openOut === null ? null : overdue ? today - r.int(1, 12) : today + r.int(5, 30);

      // Furniture moves between sites now and then (a desk to the new field office).
      let moveOn: number | null = null;
      const firstHome = home;
      if (MOVED.has(i)) {
        moveOn = Math.min(end - 1, inService + r.int(30, Math.max(31, end - inService - 30)));
        const to = LOCATIONS.find((l) => l !== home && l !== "Workshop") as string;
        log(moveOn, { AssetID: id, Action: "Move", From: home, To: to, By: CLERK, Notes: "Office reorganisation" });
        home = to;
      }

      // Closed loans: one after another from soon after going into service until the open loan (or the end).
      if (cat.loanable) {
        const limit = (openOut ?? end) - 3;
        let cursor = inService + r.int(5, 60);
        while (cursor + 25 < limit) {
          const length = r.int(2, 21);
          const due = cursor + length;
          const returned = Math.min(due + r.int(-2, 4), limit - 1);
          const loan: Loan = {
            assetId: id,
            to: r.pick(PEOPLE),
            out: cursor,
            due,
            returned: Math.max(returned, cursor),
            location: r.chance(0.3) ? "Field office" : null,
            notes: r.chance(0.2) ? "Site visit" : null,
          };
          loans.push(loan);
          log(loan.out, {
            AssetID: id,
            Action: "CheckOut",
            From: home,
            To: loan.to,
            By: CLERK,
            Notes: `Due ${toIso(due)}`,
          });
          log(loan.returned as number, {
            AssetID: id,
            Action: "CheckIn",
            From: loan.to,
            To: home,
            By: CLERK,
            Notes: null,
          });
          cursor = (loan.returned as number) + r.int(10, 150);
        }
      }

      let location = home;
      let custodian: string | null = null;
      let status = "In service";
      if (openOut !== null && openDue !== null) {
        const loan: Loan = {
          assetId: id,
          to: PEOPLE[i % PEOPLE.length],
          out: openOut,
          due: openDue,
          returned: null,
          location: i % 3 === 0 ? "Field office" : null,
          notes: overdue ? "Reminder sent" : null,
        };
        loans.push(loan);
        log(openOut, {
          AssetID: id,
          Action: "CheckOut",
          From: home,
          To: loan.to,
          By: CLERK,
          Notes: `Due ${toIso(openDue)}`,
        });
        location = loan.location ?? home;
        custodian = loan.to;
        status = "Checked out";
      }
      if (i === IN_REPAIR) status = "In repair";
      if (i === LOST) status = "Lost";

      // Audits: most within the last year, some overdue, a few never audited. Dated before any open loan.
      let audited: number | null = null;
      if (!NEVER_AUDITED.has(i)) {
        const back = AUDIT_OVERDUE.has(i) ? r.int(400, 600) : r.int(15, 330);
        audited = Math.max(inService + 1, today - back);
        if (openOut !== null) audited = Math.min(audited, openOut - 1);
        if (disposedOn !== null) audited = Math.min(audited, disposedOn - 1);
        audited = Math.max(audited, acquired);
        const seenAt = moveOn !== null && audited < moveOn ? firstHome : home;
        log(audited, {
          AssetID: id,
          Action: "Audit",
          From: null,
          To: seenAt,
          By: r.pick(PEOPLE),
          Notes: "Tag checked",
        });
      }

      let proceeds: number | null = null;
      if (disposedOn !== null) {
        proceeds = round2(cost * r.pick([0, 0.05, 0.12, 0.2]));
        status = "Disposed";
        log(disposedOn, {
          AssetID: id,
          Action: "Dispose",
          From: home,
          To: null,
          By: CLERK,
          Notes: proceeds === 0 ? "Scrapped" : `Sold for ${proceeds.toFixed(2)}`,
        });
      }

      assets.push({
        AssetID: id,
        Name: model,
        Category: cat.name,
        Location: location,
        Custodian: custodian,
        Status: status,
        AcquiredOn: acquired,
        InServiceOn: inService,
        Cost: cost,
        Salvage: round2(cost * cat.salvagePct),
        LifeYears: r.pick(cat.lives),
        Method: r.pick(cat.methods),
        Convention: r.pick(["FM", "MM", "HY"]),
        TaxMethod: "MACRS",
        TaxLifeYears: cat.taxLife,
        TaxConvention: "HY",
        WarrantyExpires: warranty,
        LastAuditedOn: audited,
        Vendor: vendor,
        SerialNumber: serialNumber(r),
        CostCenter: cat.costCenter,
        DisposedOn: disposedOn,
        DisposalProceeds: proceeds,
      });
    }
  }

  const rowsOf = (header: readonly string[], recs: readonly Rec[]) => recs.map((x) => header.map((h) => x[h] ?? null));
  const checkouts = [...loans]
    .sort((a, b) => a.out - b.out)
    .map((l): Rec => ({
      AssetID: l.assetId,
      CheckedOutTo: l.to,
      CheckedOutOn: l.out,
      DueOn: l.due,
      ReturnedOn: l.returned,
      Location: l.location,
      Notes: l.notes,
    }));
  const logRows = events.sort((a, b) => a.date - b.date || a.seq - b.seq).map((e) => e.row);
  return {
    assets: rowsOf(ASSET_HEADER, assets),
    checkouts: rowsOf(CHECKOUT_HEADER, checkouts),
    log: rowsOf(LOG_HEADER, logRows),
  };
}
