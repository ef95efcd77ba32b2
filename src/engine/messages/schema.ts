/** Messages about table data, written for an accountant: what is wrong and what to do. */
export const issueMessages = {
  missingColumn: (table: string, column: string) =>
    `Table ${table} has no ${column} column. Add it, or map your own header to ${column} in Settings.`,
  duplicateHeader: (column: string, count: number) =>
    `${count} headers match ${column}; the first is used. Rename or remove the others.`,
  blankRow: () => "Blank row: skipped.",
  badRequired: (column: string, expected: string) => `${column} must be ${expected}; the row is skipped.`,
  badOptional: (column: string, expected: string) => `${column} must be ${expected} or blank; the value is ignored.`,
  blankRequired: (column: string) => `${column} is required; the row is skipped.`,
  duplicateKey: (column: string, key: string, firstRow: number) =>
    `${column} ${key} already appears on row ${firstRow}; this row is skipped. Give each row its own ${column}.`,
};
