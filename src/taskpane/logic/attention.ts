/** What needs the accountant's attention today: the Overview page's cards and their lists. */
import { overdueLoans, warrantiesExpiring, type ExpiringWarranty, type OverdueLoan } from "../../engine/assets";
import type { Book } from "../../port/book";
import { readRegister } from "./register";
import { readStock, type LowStockLine } from "./stock";

export interface DataIssue {
  table: string;
  row: number | null;
  message: string;
}

export interface Attention {
  reorder: LowStockLine[];
  overdue: OverdueLoan[];
  expiring: ExpiringWarranty[];
  warningDays: number;
  issues: DataIssue[];
}

export async function readAttention(book: Book, today: number): Promise<Attention> {
  const [register, stock] = await Promise.all([readRegister(book), readStock(book, today)]);
  const missing = (m: string) => /has no \w+ table/.test(m);
  const issues: DataIssue[] = [
    ...register.issues,
    ...stock.input.issues,
    ...stock.valuation.issues.map((i) => ({ table: "Ledger", row: i.row, message: i.message })),
  ]
    .filter((i) => !missing(i.message))
    .map((i) => ({ table: i.table, row: i.row, message: i.message }));
  return {
    reorder: stock.low,
    overdue: overdueLoans(register.reg.checkouts, today).sort((a, b) => b.daysOverdue - a.daysOverdue),
    expiring: warrantiesExpiring(register.reg.assets, today, book.settings.warrantyWarningDays),
    warningDays: book.settings.warrantyWarningDays,
    issues,
  };
}
