/** The Journal accounts fields of the Settings page: labels, the text shown, the check and the trimmed save. */
import { DEFAULT_ACCOUNTS } from "../../../src/engine/settings";
import {
  ACCOUNT_FIELDS,
  accountProblems,
  accountsFormOf,
  accountsOf,
  defaultAccountsForm,
} from "../../../src/taskpane/logic/accountsForm";

// The twelve accounts of Settings.accounts, written out by hand (not taken from the code under test).
const KEYS = [
  "inventory",
  "cogs",
  "revenue",
  "depreciationExpense",
  "accumulatedDepreciation",
  "fixedAssets",
  "cash",
  "payables",
  "gainOnDisposal",
  "lossOnDisposal",
  "inventoryAdjustments",
  "suppliesExpense",
];

describe("ACCOUNT_FIELDS", () => {
  it("has one field per account, each with its own plain-words label and a hint", () => {
    expect(ACCOUNT_FIELDS.map((f) => f.key).sort()).toEqual([...KEYS].sort());
    const labels = ACCOUNT_FIELDS.map((f) => f.label);
    expect(new Set(labels).size).toBe(12);
    for (const f of ACCOUNT_FIELDS) expect(f.hint.length).toBeGreaterThan(0);
    expect(ACCOUNT_FIELDS.find((f) => f.key === "payables")?.label).toBe("Accounts payable (goods received on credit)");
  });
});

describe("accountsFormOf", () => {
  it("shows the stored text as it is", () => {
    const f = accountsFormOf({ ...DEFAULT_ACCOUNTS, payables: " 2100 Trade creditors " });
    expect(f.payables).toBe(" 2100 Trade creditors ");
    expect(f.cash).toBe("1000 Cash");
  });

  it("shows a number as its digits and anything else a hand-edited sheet may hold as an empty field", () => {
    const f = accountsFormOf({ ...DEFAULT_ACCOUNTS, cash: 1000, payables: null, cogs: { code: 5000 }, revenue: true });
    expect(f.cash).toBe("1000");
    expect(f.payables).toBe("");
    expect(f.cogs).toBe("");
    expect(f.revenue).toBe("");
  });

  it("gives an empty field for an account the sheet does not hold", () => {
    expect(accountsFormOf({}).inventory).toBe("");
  });
});

describe("defaultAccountsForm", () => {
  it("is the default chart: 2000 Accounts payable, 1400 Inventory, ...", () => {
    const f = defaultAccountsForm();
    expect(f.payables).toBe("2000 Accounts payable");
    expect(f.inventory).toBe("1400 Inventory");
    expect(f.suppliesExpense).toBe("6200 Materials consumed");
    expect(Object.keys(f).sort()).toEqual([...KEYS].sort());
  });

  it("is a fresh copy: editing it leaves the defaults alone", () => {
    const f = defaultAccountsForm();
    f.payables = "changed";
    expect(DEFAULT_ACCOUNTS.payables).toBe("2000 Accounts payable");
    expect(defaultAccountsForm().payables).toBe("2000 Accounts payable");
  });
});

describe("accountProblems", () => {
  it("finds nothing wrong with the defaults or with any non-blank text", () => {
    expect(accountProblems(defaultAccountsForm())).toEqual({});
    expect(accountProblems({ ...defaultAccountsForm(), payables: "2100", cash: "=1+1" })).toEqual({});
  });

  it("refuses an empty or blank account on that field only, saying what to enter", () => {
    const p = accountProblems({ ...defaultAccountsForm(), payables: "", cash: " \t\u00a0 " });
    expect(Object.keys(p).sort()).toEqual(["cash", "payables"]);
    expect(p.payables).toBe(
      'Enter an account, e.g. "2000 Accounts payable". The Journal cannot post to an empty account.'
    );
    expect(p.cash).toBe('Enter an account, e.g. "1000 Cash". The Journal cannot post to an empty account.');
  });
});

describe("accountsOf", () => {
  it("trims leading and trailing spaces and keeps the inner ones", () => {
    const a = accountsOf({ ...defaultAccountsForm(), payables: "  2100 Trade  creditors\t" });
    expect(a.payables).toBe("2100 Trade  creditors");
    expect(a.inventory).toBe("1400 Inventory");
    expect(Object.keys(a).sort()).toEqual([...KEYS].sort());
  });
});
