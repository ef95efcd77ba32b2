/**
 * The Settings page's "Journal accounts" fields, without React: which accounts there are (in plain words, in the
 * order an accountant reads a chart of accounts), the text shown for a stored value, the check before saving and
 * the trimmed accounts that are saved. An empty account is refused, never replaced by a default behind the
 * user's back: the Journal would otherwise post to an account the user did not choose.
 */
import { DEFAULT_ACCOUNTS, type Accounts } from "../../engine/settings";

export type AccountKey = keyof Accounts;

/** What the user types, per account: free text ("2000 Accounts payable"), trimmed only when saved. */
export type AccountsForm = Record<AccountKey, string>;

export type AccountProblems = Partial<Record<AccountKey, string>>;

export interface AccountField {
  key: AccountKey;
  label: string;
  /** What the Journal posts there, for the field's hint. */
  hint: string;
}

/** Every account of `Accounts`, stock first, then fixed assets; `Record` keeps this list complete at compile time. */
const FIELDS: Record<AccountKey, Omit<AccountField, "key">> = {
  inventory: {
    label: "Inventory (stock on hand)",
    hint: "Debited for goods received, credited for goods sold, issued or returned to vendors",
  },
  payables: {
    label: "Accounts payable (goods received on credit)",
    hint: "Credited for goods received, debited for returns to vendors",
  },
  cogs: { label: "Cost of goods sold", hint: "Debited for the cost of sales, net of customer returns" },
  suppliesExpense: {
    label: "Materials consumed (stock issued for internal use)",
    hint: "Debited for stock issued to your own use",
  },
  inventoryAdjustments: {
    label: "Inventory adjustments (stock count differences)",
    hint: "The other side of stock count corrections",
  },
  revenue: { label: "Sales revenue", hint: "Kept for reference: the Journal does not post sales" },
  fixedAssets: { label: "Fixed assets at cost", hint: "Credited with an asset's cost when it is disposed of" },
  accumulatedDepreciation: {
    label: "Accumulated depreciation",
    hint: "Credited for depreciation, debited when an asset is disposed of",
  },
  depreciationExpense: { label: "Depreciation expense", hint: "Debited for each year's depreciation" },
  cash: { label: "Cash (proceeds of asset disposals)", hint: "Debited with what a disposed asset fetched" },
  gainOnDisposal: {
    label: "Gain on disposal of assets",
    hint: "Credited when an asset fetches more than its net book value",
  },
  lossOnDisposal: {
    label: "Loss on disposal of assets",
    hint: "Debited when an asset fetches less than its net book value",
  },
};

export const ACCOUNT_FIELDS: readonly AccountField[] = (Object.keys(FIELDS) as AccountKey[]).map((key) => ({
  key,
  ...FIELDS[key],
}));

/**
 * The fields' text for stored accounts. The settings reader keeps whatever JSON the hidden sheet holds, so a
 * number is shown as its digits and anything else that is not text as an empty field (refused on Save).
 */
export function accountsFormOf(stored: Partial<Record<AccountKey, unknown>>): AccountsForm {
  const form = {} as AccountsForm;
  for (const { key } of ACCOUNT_FIELDS) {
    const v = stored[key];
    form[key] = typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
  }
  return form;
}

/** The default accounts as field text, for "Restore default accounts". */
export function defaultAccountsForm(): AccountsForm {
  return accountsFormOf(DEFAULT_ACCOUNTS);
}

/** One message per empty (or blank) account, on that account's field. */
export function accountProblems(form: AccountsForm): AccountProblems {
  const p: AccountProblems = {};
  // The message sits on the labelled field (and is read with it), so it need not name the account again.
  for (const { key } of ACCOUNT_FIELDS)
    if (form[key].trim() === "")
      p[key] = `Enter an account, e.g. "${DEFAULT_ACCOUNTS[key]}". The Journal cannot post to an empty account.`;
  return p;
}

/** The accounts to save: each field's text without leading or trailing spaces. Check accountProblems first. */
export function accountsOf(form: AccountsForm): Accounts {
  const a = {} as Accounts;
  for (const { key } of ACCOUNT_FIELDS) a[key] = form[key].trim();
  return a;
}
