/** Reads the asset register (Assets, Checkouts, AssetLog) of a book as the engine's typed rows. */
import { registerIssues, type AssetRegister } from "../../engine/assets";
import type { Issue } from "../../engine/schema/parse";
import { readParsed, type Book } from "../../port/book";

export interface RegisterData {
  reg: AssetRegister;
  /** Parser issues of the three tables and the register checks. */
  issues: Issue[];
}

export async function readRegister(book: Book): Promise<RegisterData> {
  const [assets, checkouts, log] = await Promise.all([
    readParsed(book, "Assets"),
    readParsed(book, "Checkouts"),
    readParsed(book, "AssetLog"),
  ]);
  return {
    reg: { assets: assets.parsed.rows, checkouts: checkouts.parsed.rows, log: log.parsed.rows },
    issues: registerIssues({ assets: assets.parsed, checkouts: checkouts.parsed, log: log.parsed }),
  };
}
